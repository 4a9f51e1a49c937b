//! What people see: a line per failure with a diff, then the summary.

use super::config::{Summary, TestConfig};
use super::verdict::Problem;
use super::{State, TestResult};
use similar::TextDiff;
use std::io::{self, Write};

/// Beyond this a diff stops helping and starts drowning the other failures.
const DIFF_LINE_LIMIT: usize = 200;
/// Stderr lines shown under a failure: enough for a traceback's end.
const STDERR_TAIL_LINES: usize = 12;

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const CYAN: &str = "\x1b[36m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

struct Paint(bool);

impl Paint {
    fn paint(&self, style: &str, text: &str) -> String {
        if self.0 {
            format!("{style}{text}{RESET}")
        } else {
            text.to_string()
        }
    }
}

pub fn write_result(
    out: &mut dyn Write,
    result: &TestResult,
    config: &TestConfig,
) -> io::Result<()> {
    let paint = Paint(config.color);
    let elapsed = result
        .outcome
        .as_ref()
        .map(|o| format!(" ({:.2}s)", o.elapsed.as_secs_f64()))
        .unwrap_or_default();
    match &result.state {
        State::Passed if config.verbose => {
            writeln!(
                out,
                "{} {}{elapsed}",
                paint.paint(GREEN, "PASS"),
                result.case.name
            )?;
        }
        State::Skipped(reason) if config.verbose => {
            let why = if reason.is_empty() {
                String::new()
            } else {
                format!(" ({reason})")
            };
            writeln!(
                out,
                "{} {}{why}",
                paint.paint(YELLOW, "SKIP"),
                result.case.name
            )?;
        }
        State::XFailed(reason) if config.verbose => {
            writeln!(
                out,
                "{} {} (expected to fail: {reason}){elapsed}",
                paint.paint(YELLOW, "XFAIL"),
                result.case.name
            )?;
        }
        State::Passed | State::Skipped(_) | State::XFailed(_) => {}
        State::Failed(problems) => {
            let reasons: Vec<String> = problems.iter().map(ToString::to_string).collect();
            let elapsed = if config.verbose { elapsed.as_str() } else { "" };
            writeln!(
                out,
                "{} {} ({}){elapsed}",
                paint.paint(&format!("{BOLD}{RED}"), "FAIL"),
                result.case.name,
                reasons.join("; ")
            )?;
            if problems.iter().any(|p| matches!(p, Problem::TimedOut(_))) {
                write_partial_output(out, result, &paint)?;
            } else if let Some(diff) = stdout_diff(result, config.color) {
                write!(out, "{diff}")?;
            }
            if problems.iter().any(|p| p.wants_stderr())
                && let Some(tail) = stderr_tail(result)
            {
                writeln!(out, "{}", paint.paint(DIM, "stderr (last lines):"))?;
                for line in tail.lines() {
                    writeln!(out, "  {line}")?;
                }
            }
        }
    }
    let verb = if result.case.is_new { "new" } else { "updated" };
    for file in &result.updated.files {
        let verb = if file.exists() { verb } else { "removed" };
        writeln!(out, "{verb} {}", file.display())?;
    }
    if let Some(why) = &result.updated.refused {
        writeln!(
            out,
            "{} {}: {why}",
            paint.paint(YELLOW, "KEPT"),
            result.case.name
        )?;
    }
    Ok(())
}

/// What a test printed before it was stopped at its time limit.
fn write_partial_output(out: &mut dyn Write, result: &TestResult, paint: &Paint) -> io::Result<()> {
    let Some(outcome) = &result.outcome else {
        return Ok(());
    };
    let text = String::from_utf8_lossy(&outcome.stdout);
    if text.is_empty() {
        return writeln!(
            out,
            "{}",
            paint.paint(DIM, "(it printed nothing before it was stopped)")
        );
    }
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.len().saturating_sub(DIFF_LINE_LIMIT);
    writeln!(
        out,
        "{}",
        paint.paint(DIM, "partial stdout (printed before it was stopped):")
    )?;
    if start > 0 {
        writeln!(out, "  ... ({start} earlier lines)")?;
    }
    for line in &lines[start..] {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

/// Tests shown as the slowest at the end of a run.
const SLOWEST_SHOWN: usize = 5;
/// Below this many tests the slowest list says nothing the report did not.
const SLOWEST_FROM: usize = 10;

/// The run's total time and, for a suite of some size, its slowest tests.
pub fn write_timing(
    out: &mut dyn Write,
    results: &[TestResult],
    elapsed: std::time::Duration,
) -> io::Result<()> {
    let mut timed: Vec<(&TestResult, f64)> = results
        .iter()
        .filter_map(|r| Some((r, r.outcome.as_ref()?.elapsed.as_secs_f64())))
        .collect();
    if timed.len() >= SLOWEST_FROM {
        timed.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| a.0.case.name.cmp(&b.0.case.name))
        });
        writeln!(out, "slowest:")?;
        for (result, secs) in timed.iter().take(SLOWEST_SHOWN) {
            writeln!(out, "  {secs:>7.2}s  {}", result.case.name)?;
        }
    }
    let ran = timed.len();
    if ran == 0 {
        return Ok(());
    }
    let s = if ran == 1 { "" } else { "s" };
    writeln!(out, "ran {ran} test{s} in {:.2}s", elapsed.as_secs_f64())
}

pub fn write_summary(
    out: &mut dyn Write,
    summary: &Summary,
    config: &TestConfig,
) -> io::Result<()> {
    if summary.not_run > 0 {
        writeln!(
            out,
            "stopped at the first failure (--fail-fast); {} test{} not run",
            summary.not_run,
            if summary.not_run == 1 { "" } else { "s" }
        )?;
    }
    if config.update {
        let s = if summary.updated_files == 1 { "" } else { "s" };
        write!(out, "updated {} file{s}", summary.updated_files)?;
        if summary.new_tests > 0 {
            let s = if summary.new_tests == 1 { "" } else { "s" };
            write!(out, " ({} new test{s})", summary.new_tests)?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{summary}")?;
    out.flush()
}

/// The unified diff of expected vs actual stdout, when they differ.
pub fn stdout_diff(result: &TestResult, color: bool) -> Option<String> {
    let expected = result.expected.as_ref()?.out.as_ref()?;
    let actual = &result.outcome.as_ref()?.stdout;
    if expected == actual {
        return None;
    }
    Some(diff_text(expected, actual, color))
}

pub fn diff_text(expected: &[u8], actual: &[u8], color: bool) -> String {
    let (expected, actual) = (
        String::from_utf8_lossy(expected),
        String::from_utf8_lossy(actual),
    );
    let diff = TextDiff::from_lines(expected.as_ref(), actual.as_ref());
    let text = diff
        .unified_diff()
        .context_radius(3)
        .missing_newline_hint(true)
        .header("expected", "actual")
        .to_string();
    let paint = Paint(color);
    let mut shown = String::new();
    let total = text.lines().count();
    for (i, line) in text.lines().enumerate() {
        if i == DIFF_LINE_LIMIT {
            shown.push_str(&format!("... ({} more diff lines)\n", total - i));
            break;
        }
        // The first two lines are the `---`/`+++` header, not removals/additions.
        let style = match line.as_bytes().first() {
            _ if i < 2 => BOLD,
            Some(b'-') => RED,
            Some(b'+') => GREEN,
            Some(b'@') => CYAN,
            _ => "",
        };
        if style.is_empty() {
            shown.push_str(line);
        } else {
            shown.push_str(&paint.paint(style, line));
        }
        shown.push('\n');
    }
    shown
}

/// The end of the child's stderr, where the traceback's message is.
pub fn stderr_tail(result: &TestResult) -> Option<String> {
    let stderr = String::from_utf8_lossy(&result.outcome.as_ref()?.stderr).into_owned();
    let lines: Vec<&str> = stderr.trim_end().lines().collect();
    if lines.is_empty() {
        return None;
    }
    let start = lines.len().saturating_sub(STDERR_TAIL_LINES);
    Some(lines[start..].join("\n"))
}

/// The failure reasons of a result, for machine-readable reports.
pub fn reasons(result: &TestResult) -> String {
    match &result.state {
        State::Failed(problems) => problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; "),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_has_header_and_changes() {
        let text = diff_text(b"a\nb\nc\n", b"a\nB\nc\n", false);
        assert!(text.starts_with("--- expected\n+++ actual\n"), "{text}");
        assert!(text.contains("-b\n+B\n"), "{text}");
    }

    #[test]
    fn diff_shows_a_missing_final_newline() {
        let text = diff_text(b"a\n", b"a", false);
        assert!(text.contains("No newline at end of file"), "{text}");
    }

    #[test]
    fn coloured_diff_marks_lines() {
        let text = diff_text(b"a\n", b"b\n", true);
        assert!(text.contains(&format!("{RED}-a{RESET}")), "{text:?}");
        assert!(text.contains(&format!("{GREEN}+b{RESET}")), "{text:?}");
    }

    #[test]
    fn long_diffs_are_cut() {
        let actual: String = (0..1000).map(|i| format!("{i}\n")).collect();
        let text = diff_text(b"", actual.as_bytes(), false);
        assert!(text.lines().count() <= DIFF_LINE_LIMIT + 1);
        assert!(text.contains("more diff lines"));
    }
}
