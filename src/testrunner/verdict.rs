//! Comparing a run with the test's expectations.

use super::discover::TestCase;
use super::execute::{End, Outcome, signal_name};
use std::fmt;
use std::fs;
use std::io::ErrorKind;
use std::time::Duration;

/// A test's expectation files, read.
#[derive(Debug, Clone)]
pub struct Expected {
    /// `X.out`: exact stdout. None when missing (a file named directly).
    pub out: Option<Vec<u8>>,
    /// `X.code`, default 0.
    pub code: i32,
    /// `X.err`: the last non-empty line of stderr, when checked.
    pub err: Option<String>,
}

impl Expected {
    pub fn load(case: &TestCase) -> Result<Expected, String> {
        let out = read_optional(&case.sibling("out"))?;
        let code = match read_optional(&case.sibling("code"))? {
            None => 0,
            Some(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                text.trim().parse().map_err(|_| {
                    format!(
                        "{} must hold an exit status, not {:?}",
                        case.sibling("code").display(),
                        text.trim()
                    )
                })?
            }
        };
        let err =
            read_optional(&case.sibling("err"))?.map(|bytes| last_line(&bytes).unwrap_or_default());
        Ok(Expected { out, code, err })
    }
}

/// Reads a file that may legitimately be absent.
pub fn read_optional(path: &std::path::Path) -> Result<Option<Vec<u8>>, String> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("can't read {}: {e}", path.display())),
    }
}

/// The last line with something on it, without its line ending or trailing
/// blanks — what `X.err` holds, e.g. `ValueError: boom`.
pub fn last_line(bytes: &[u8]) -> Option<String> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(str::trim_end)
        .rfind(|line| !line.is_empty())
        .map(str::to_string)
}

/// Why a test failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Output,
    MissingOut,
    Status {
        got: i32,
        expected: i32,
    },
    StderrLine {
        got: Option<String>,
        expected: String,
    },
    TimedOut(Duration),
    /// Stdout passed the capture limit (a runaway program).
    TooMuchOutput,
    Signal(i32),
    NotStarted(String),
    /// The test itself is malformed (bad directive, unreadable files).
    BadTest(String),
    /// Marked `xfail` (the reason) but it passed.
    UnexpectedPass(String),
    /// `--against-cpython`: aio and CPython did different things.
    Disagrees(String),
    /// `--explore`: the output changed under a perturbed schedule.
    Race(super::explore::Race),
    /// `--lint`: what `aio check` found, one line each.
    Lints(Vec<String>),
}

impl Problem {
    /// Whether the child's stderr helps explain this failure.
    pub fn wants_stderr(&self) -> bool {
        !matches!(
            self,
            Problem::Output
                | Problem::MissingOut
                | Problem::BadTest(_)
                | Problem::UnexpectedPass(_)
                | Problem::Race(_)
                | Problem::Lints(_)
        )
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Output => write!(f, "wrong output"),
            Problem::MissingOut => write!(f, "no .out file; record one with --update"),
            Problem::Status { got, expected } => {
                write!(f, "exit status {got}, expected {expected}")
            }
            Problem::StderrLine { got, expected } => {
                let got = got.as_deref().unwrap_or("");
                write!(f, "stderr last line {got:?}, expected {expected:?}")
            }
            Problem::TimedOut(limit) => write!(f, "timed out after {}", seconds(*limit)),
            Problem::TooMuchOutput => write!(
                f,
                "printed more than the {} MiB capture limit",
                super::execute::CAPTURE_LIMIT_MIB
            ),
            Problem::Signal(signal) => write!(f, "crashed by {}", signal_name(*signal)),
            Problem::NotStarted(msg) | Problem::BadTest(msg) | Problem::Disagrees(msg) => {
                write!(f, "{msg}")
            }
            Problem::Race(race) => write!(f, "{race}"),
            Problem::Lints(lints) => write!(
                f,
                "{} lint{}: {}",
                lints.len(),
                if lints.len() == 1 { "" } else { "s" },
                lints.join("; ")
            ),
            Problem::UnexpectedPass(reason) => write!(
                f,
                "passed, but is marked `xfail {reason}`: remove the directive"
            ),
        }
    }
}

/// `2s`, `0.5s`.
pub fn seconds(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs.fract() == 0.0 {
        format!("{secs:.0}s")
    } else {
        format!("{secs}s")
    }
}

/// Everything wrong with `outcome`; empty when the test passed. A run that
/// did not finish is judged by that alone: its status and partial output
/// mean nothing.
pub fn judge(expected: &Expected, outcome: &Outcome, timeout: Duration) -> Vec<Problem> {
    let code = match &outcome.end {
        End::Exited(code) => *code,
        End::TimedOut => return vec![Problem::TimedOut(timeout)],
        End::Signaled(signal) => return vec![Problem::Signal(*signal)],
        End::NotStarted(msg) => return vec![Problem::NotStarted(msg.clone())],
    };
    let mut problems = Vec::new();
    if outcome.truncated {
        problems.push(Problem::TooMuchOutput);
    }
    if code != expected.code {
        problems.push(Problem::Status {
            got: code,
            expected: expected.code,
        });
    }
    if let Some(want) = &expected.err {
        // An empty X.err stands for "nothing on stderr".
        let got = last_line(&outcome.stderr);
        if got.as_deref().unwrap_or("") != want {
            problems.push(Problem::StderrLine {
                got,
                expected: want.clone(),
            });
        }
    }
    match &expected.out {
        None => problems.push(Problem::MissingOut),
        Some(out) if *out != outcome.stdout => problems.push(Problem::Output),
        Some(_) => {}
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(stdout: &str, stderr: &str, end: End) -> Outcome {
        Outcome {
            stdout: stdout.into(),
            stderr: stderr.into(),
            end,
            elapsed: Duration::ZERO,
            truncated: false,
        }
    }

    fn expected(out: &str, code: i32, err: Option<&str>) -> Expected {
        Expected {
            out: Some(out.into()),
            code,
            err: err.map(str::to_string),
        }
    }

    #[test]
    fn passes_on_exact_match() {
        let e = expected("a\n", 0, None);
        assert!(judge(&e, &outcome("a\n", "", End::Exited(0)), Duration::ZERO).is_empty());
    }

    #[test]
    fn output_must_match_exactly() {
        let e = expected("a\n", 0, None);
        let got = judge(&e, &outcome("a", "", End::Exited(0)), Duration::ZERO);
        assert_eq!(got, [Problem::Output]);
    }

    #[test]
    fn status_and_stderr_line() {
        let e = expected("", 1, Some("ValueError: boom"));
        let ok = outcome("", "Traceback...\nValueError: boom\n\n", End::Exited(1));
        assert!(judge(&e, &ok, Duration::ZERO).is_empty());
        let bad = outcome("", "KeyError: 'x'\n", End::Exited(0));
        let problems = judge(&e, &bad, Duration::ZERO);
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].to_string(), "exit status 0, expected 1");
        assert_eq!(
            problems[1].to_string(),
            r#"stderr last line "KeyError: 'x'", expected "ValueError: boom""#
        );
    }

    #[test]
    fn unfinished_runs_report_only_that() {
        let e = expected("a\n", 0, None);
        let limit = Duration::from_secs(2);
        let timed_out = judge(&e, &outcome("", "", End::TimedOut), limit);
        assert_eq!(timed_out[0].to_string(), "timed out after 2s");
        let crashed = judge(&e, &outcome("", "", End::Signaled(11)), limit);
        assert_eq!(crashed[0].to_string(), "crashed by signal 11 (SIGSEGV)");
    }

    #[test]
    fn last_line_skips_blank_lines() {
        assert_eq!(last_line(b"a\nb  \n\n \n").as_deref(), Some("b"));
        assert_eq!(last_line(b"\n\n"), None);
    }
}
