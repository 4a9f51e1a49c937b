//! The optional first-line directive of a test: `# aio: skip REASON`,
//! `# aio: xfail REASON`, `# aio: clock=real`, `# aio: timeout=SECS`,
//! `# aio: max-memory=SIZE`, `# aio: max-steps=N`, `# aio: args=ARGS...`.

use crate::api::ClockKind;
use std::time::Duration;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Directives {
    /// `skip REASON`: not run; the reason is shown.
    pub skip: Option<String>,
    /// `xfail REASON`: expected to fail (strict: passing fails the suite).
    pub xfail: Option<String>,
    pub clock: Option<ClockKind>,
    /// `timeout=SECS`: this test's own time limit.
    pub timeout: Option<Duration>,
    /// `max-memory=SIZE`: the memory budget of an aio run (bytes).
    pub max_memory: Option<usize>,
    /// `max-steps=N`: the step budget of an aio run.
    pub max_steps: Option<u64>,
    /// `args=A B C`: the script's arguments (the rest of the line, split on
    /// whitespace).
    pub args: Option<Vec<String>>,
    /// `allow=net,run,...`: what the test may do beyond the sandbox.
    pub allow: Vec<String>,
}

/// The kinds `allow=` grants in full (see `crate::permissions`).
pub const ALLOWABLE: [&str; 6] = ["read", "write", "net", "run", "env", "all"];

const KNOWN: &str = "skip REASON, xfail REASON, clock=real, clock=virtual, timeout=SECS, \
                     max-memory=SIZE, max-steps=N, allow=KINDS, args=ARGS...";

/// Reads the directives from a program's first line. Several may be given,
/// separated by spaces or commas; `skip` and `xfail` take the rest of the
/// line as their reason. An unknown word is an error rather than ignored, so
/// a typo cannot silently change what a test checks.
pub fn parse(source: &str) -> Result<Directives, String> {
    let mut directives = Directives::default();
    let first = source.lines().next().unwrap_or("");
    let Some(rest) = first
        .trim()
        .strip_prefix('#')
        .and_then(|r| r.trim_start().strip_prefix("aio:"))
    else {
        return Ok(directives);
    };
    let mut rest = rest.trim();
    // `allow=net,run`: the kinds after `allow=` continue its list.
    let mut in_allow = false;
    while !rest.is_empty() {
        let end = rest.find([' ', '\t', ',']).unwrap_or(rest.len());
        let (word, tail) = rest.split_at(end);
        let continues_allow = in_allow && rest.as_bytes().get(end) == Some(&b',');
        let tail = tail.trim_start_matches([' ', '\t', ',']);
        if in_allow && ALLOWABLE.contains(&word) {
            directives.allow.push(word.to_string());
            in_allow = continues_allow;
            rest = tail;
            continue;
        }
        in_allow = false;
        match word {
            "skip" | "xfail" => {
                let reason = tail.trim().to_string();
                if word == "skip" {
                    directives.skip = Some(reason);
                } else if reason.is_empty() {
                    return Err("`xfail` needs a reason: `# aio: xfail WHY`".into());
                } else {
                    directives.xfail = Some(reason);
                }
                break;
            }
            w if w.starts_with("args=") => {
                let line = &rest["args=".len()..];
                directives.args = Some(line.split_whitespace().map(str::to_string).collect());
                break;
            }
            w if w.starts_with("allow=") => {
                for kind in w["allow=".len()..].split('+') {
                    if !ALLOWABLE.contains(&kind) {
                        return Err(format!(
                            "`allow={kind}`: what a test may be allowed is {}",
                            ALLOWABLE.join(", ")
                        ));
                    }
                    directives.allow.push(kind.to_string());
                }
                in_allow = rest.as_bytes().get(end) == Some(&b',');
            }
            w if w.starts_with("max-memory=") => {
                let size =
                    crate::memory::parse_size(&w["max-memory=".len()..]).ok_or_else(|| {
                        format!("`{w}`: the size is bytes or a number with K, M or G")
                    })?;
                directives.max_memory = Some(size);
            }
            w if w.starts_with("max-steps=") => {
                let steps = w["max-steps=".len()..]
                    .parse()
                    .ok()
                    .filter(|n: &u64| *n > 0)
                    .ok_or_else(|| format!("`{w}`: the step budget is a positive whole number"))?;
                directives.max_steps = Some(steps);
            }
            "clock=real" => directives.clock = Some(ClockKind::Real),
            "clock=virtual" => directives.clock = Some(ClockKind::Virtual),
            w if w.starts_with("timeout=") => {
                let secs: f64 = w["timeout=".len()..]
                    .parse()
                    .ok()
                    .filter(|s: &f64| s.is_finite() && *s > 0.0 && *s <= 86_400.0)
                    .ok_or_else(|| format!("`{w}`: the timeout is a number of seconds"))?;
                directives.timeout = Some(Duration::from_secs_f64(secs));
            }
            other => {
                return Err(format!("unknown directive `{other}` (known: {KNOWN})"));
            }
        }
        rest = tail;
    }
    Ok(directives)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_directives() {
        assert_eq!(parse("print(1)\n"), Ok(Directives::default()));
        assert_eq!(parse("# just a comment\n"), Ok(Directives::default()));
        assert!(
            parse("# aio: skip\n")
                .is_ok_and(|d| d.skip.as_deref() == Some("") && d.clock.is_none())
        );
        assert_eq!(
            parse("#aio: clock=real, skip no network here").map(|d| (d.skip, d.clock)),
            Ok((Some("no network here".into()), Some(ClockKind::Real)))
        );
        assert!(parse("# aio: clock=fast").is_err());
        // Only the first line counts.
        assert_eq!(parse("x = 1\n# aio: skip\n"), Ok(Directives::default()));
    }

    #[test]
    fn xfail_needs_a_reason_and_timeouts_parse() {
        let d = parse("# aio: timeout=2.5 xfail weakref is missing").unwrap_or_default();
        assert_eq!(d.xfail.as_deref(), Some("weakref is missing"));
        assert_eq!(d.timeout, Some(Duration::from_millis(2500)));
        assert!(parse("# aio: xfail").is_err());
        assert!(parse("# aio: timeout=soon").is_err());
    }

    #[test]
    fn limits_and_arguments() {
        let d = parse("# aio: max-memory=64M, max-steps=1000 args=one  two\n").unwrap_or_default();
        assert_eq!(d.max_memory, Some(64 << 20));
        assert_eq!(d.max_steps, Some(1000));
        assert_eq!(d.args, Some(vec!["one".to_string(), "two".to_string()]));
        assert_eq!(parse("# aio: args=").map(|d| d.args), Ok(Some(vec![])));
        assert!(parse("# aio: max-steps=0").is_err());
        let d = parse("# aio: allow=net,run clock=real").unwrap_or_default();
        assert_eq!(d.allow, ["net", "run"]);
        assert_eq!(d.clock, Some(ClockKind::Real));
        assert!(parse("# aio: allow=everything").is_err());
        assert!(parse("# aio: max-memory=lots").is_err());
    }
}
