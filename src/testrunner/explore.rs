//! `--explore N`: the race finder. A passing test runs N more times, each
//! under `aio run --perturb SEED`, which stretches or shrinks every timer's
//! delay by a small seeded factor and takes equal-deadline timers and
//! simultaneously ready I/O in a seeded order — the freedom real timing
//! has. A test whose output changes depends on an accident of timing; the
//! seed replays the schedule that showed it.

use super::config::Runner;
use super::discover::TestCase;
use super::execute::{self, End, Launch, Outcome};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Race {
    pub seed: u64,
    /// Where the perturbed run first differs, in words.
    pub difference: String,
    /// The test's file name, for the replay command.
    pub file: String,
}

impl fmt::Display for Race {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the output depends on timing: {}; replay with `aio run --perturb {} {}`",
            self.difference, self.seed, self.file
        )
    }
}

/// The first perturbed schedule (seeds 1..=runs) under which the test does
/// something other than `baseline`, if any.
pub fn explore(
    runner: &Runner,
    case: &TestCase,
    launch: &Launch,
    baseline: &Outcome,
    runs: u32,
) -> Option<super::verdict::Problem> {
    for seed in 1..=u64::from(runs) {
        let perturbed = Launch {
            perturb: Some(seed),
            ..launch.clone()
        };
        let outcome = execute::execute(runner, case, &perturbed);
        if let Some(difference) = difference(baseline, &outcome) {
            let file = case
                .aio
                .file_name()
                .map_or_else(|| case.name.clone(), |f| f.to_string_lossy().into_owned());
            return Some(super::verdict::Problem::Race(Race {
                seed,
                difference,
                file,
            }));
        }
    }
    None
}

fn difference(baseline: &Outcome, other: &Outcome) -> Option<String> {
    if baseline.stdout != other.stdout {
        let (a, b) = (
            String::from_utf8_lossy(&baseline.stdout),
            String::from_utf8_lossy(&other.stdout),
        );
        let (mut a_lines, mut b_lines) = (a.lines(), b.lines());
        let mut number = 1;
        loop {
            match (a_lines.next(), b_lines.next()) {
                (Some(x), Some(y)) if x == y => number += 1,
                (None, None) => return Some("the line endings differ".to_string()),
                (x, y) => {
                    let show = |l: Option<&str>| {
                        l.map_or("end of output".to_string(), |l| format!("{l:?}"))
                    };
                    return Some(format!(
                        "line {number} is {} instead of {}",
                        show(y),
                        show(x)
                    ));
                }
            }
        }
    }
    if baseline.end != other.end {
        let describe = |end: &End| match end {
            End::Exited(code) => format!("exit status {code}"),
            End::TimedOut => "a time-out".to_string(),
            End::Signaled(s) => format!("signal {s}"),
            End::NotStarted(msg) => msg.clone(),
        };
        return Some(format!(
            "it ended with {} instead of {}",
            describe(&other.end),
            describe(&baseline.end)
        ));
    }
    None
}
