//! `--against-cpython`: each test also runs under CPython, and the test
//! fails where the two disagree — on stdout, the exit status or the last
//! line of stderr. CPython's run plays the part of the expectation files,
//! so the report shows its output as "expected".

use super::config::Runner;
use super::discover::TestCase;
use super::execute::{self, End, Launch, Outcome, signal_name};
use super::verdict::{self, Expected, Problem, last_line};

/// CPython's results as expectations, and what is wrong with aio's
/// `outcome` against them.
pub fn compare(
    reference: &Runner,
    case: &TestCase,
    launch: &Launch,
    outcome: &Outcome,
) -> (Option<Expected>, Vec<Problem>) {
    let theirs = execute::execute(reference, case, launch);
    let code = match &theirs.end {
        End::Exited(code) => *code,
        End::TimedOut => return (None, vec![reference_problem("timed out")]),
        End::Signaled(s) => {
            return (
                None,
                vec![reference_problem(&format!(
                    "crashed by {}",
                    signal_name(*s)
                ))],
            );
        }
        End::NotStarted(msg) => return (None, vec![reference_problem(msg)]),
    };
    let expected = Expected {
        out: Some(theirs.stdout.clone()),
        code,
        err: Some(last_line(&theirs.stderr).unwrap_or_default()),
    };
    let problems = verdict::judge(&expected, outcome, launch.timeout)
        .into_iter()
        .map(|p| match p {
            Problem::Output => Problem::Disagrees("stdout differs from CPython's".into()),
            Problem::Status { got, expected } => {
                Problem::Disagrees(format!("exit status {got}, CPython's {expected}"))
            }
            Problem::StderrLine { got, expected } => Problem::Disagrees(format!(
                "stderr last line {:?}, CPython's {expected:?}",
                got.unwrap_or_default()
            )),
            other => other,
        })
        .collect();
    (Some(expected), problems)
}

fn reference_problem(what: &str) -> Problem {
    Problem::BadTest(format!("under CPython the test {what}"))
}
