//! `--junit FILE`: the JUnit XML report CI systems read.

use super::report::{reasons, stderr_tail, stdout_diff};
use super::{Shard, State, TestResult};
use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

pub fn write(
    path: &Path,
    results: &[TestResult],
    elapsed: Duration,
    shard: Option<Shard>,
) -> std::io::Result<()> {
    super::update::write_atomic(path, render(results, elapsed, shard).as_bytes())
        .map_err(std::io::Error::other)
}

/// The XML. Under `--shard K/N` the suite is named `aio (shard K/N)`, so the
/// N reports of a CI matrix merge into one without clashing; test names are
/// paths, unique across shards.
pub fn render(results: &[TestResult], elapsed: Duration, shard: Option<Shard>) -> String {
    let suite = match shard {
        Some(shard) => format!("aio (shard {shard})"),
        None => "aio".to_string(),
    };
    let count = |f: fn(&State) -> bool| results.iter().filter(|r| f(&r.state)).count();
    let tests = results.len();
    let failures = count(|s| matches!(s, State::Failed(_)));
    let skipped = count(|s| matches!(s, State::Skipped(_) | State::XFailed(_)));
    let time = elapsed.as_secs_f64();

    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    // Writing to a String cannot fail.
    let _ = writeln!(
        xml,
        "<testsuites name=\"aio test\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\" time=\"{time:.3}\">"
    );
    let _ = writeln!(
        xml,
        "  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\" time=\"{time:.3}\">",
        escape(&suite)
    );
    for result in results {
        let secs = result
            .outcome
            .as_ref()
            .map_or(0.0, |o| o.elapsed.as_secs_f64());
        let _ = write!(
            xml,
            "    <testcase name=\"{}\" classname=\"{}\" time=\"{secs:.3}\"",
            escape(&result.case.name),
            escape(&classname(&result.case.name)),
        );
        match &result.state {
            State::Passed => xml.push_str("/>\n"),
            State::Skipped(reason) if reason.is_empty() => {
                xml.push_str(">\n      <skipped/>\n    </testcase>\n");
            }
            State::Skipped(reason) | State::XFailed(reason) => {
                let _ = write!(
                    xml,
                    ">\n      <skipped message=\"{}\"/>\n    </testcase>\n",
                    escape(reason)
                );
            }
            State::Failed(_) => {
                let mut body = stdout_diff(result, false).unwrap_or_default();
                if let Some(tail) = stderr_tail(result) {
                    body.push_str("stderr (last lines):\n");
                    body.push_str(&tail);
                    body.push('\n');
                }
                let _ = write!(
                    xml,
                    ">\n      <failure message=\"{}\">{}</failure>\n",
                    escape(&reasons(result)),
                    escape(&body)
                );
                if let Some(outcome) = &result.outcome {
                    for (tag, bytes) in [
                        ("system-out", &outcome.stdout),
                        ("system-err", &outcome.stderr),
                    ] {
                        if !bytes.is_empty() {
                            let text = String::from_utf8_lossy(bytes);
                            let _ = writeln!(xml, "      <{tag}>{}</{tag}>", escape(&text));
                        }
                    }
                }
                xml.push_str("    </testcase>\n");
            }
        }
    }
    xml.push_str("  </testsuite>\n</testsuites>\n");
    xml
}

/// The folder of a test, dotted, as JUnit viewers group by class.
fn classname(name: &str) -> String {
    let folder = name.rsplit_once('/').map_or("", |(dir, _)| dir);
    let dotted = folder
        .trim_start_matches("./")
        .trim_start_matches('/')
        .replace('/', ".");
    if dotted.is_empty() {
        "aio".to_string()
    } else {
        dotted
    }
}

/// Text safe inside XML content and attribute values. Characters XML 1.0
/// cannot hold at all (most control characters) become U+FFFD, since test
/// output may contain anything.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(
            escape("<a href=\"x\">&'\u{1b}[31m\n"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;\u{FFFD}[31m\n"
        );
    }

    #[test]
    fn classname_is_the_dotted_folder() {
        assert_eq!(classname("tests/asyncio/queue.aio"), "tests.asyncio");
        assert_eq!(classname("hello.aio"), "aio");
        assert_eq!(classname("/abs/t/x.aio"), "abs.t");
    }
}
