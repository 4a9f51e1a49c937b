//! The optional first-line directive of a test: `# aio: skip`, `# aio: clock=real`.

use crate::api::ClockKind;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Directives {
    pub skip: bool,
    pub clock: Option<ClockKind>,
}

/// Reads the directives from a program's first line. Several may be given,
/// separated by spaces or commas. An unknown word is an error rather than
/// ignored, so a typo cannot silently change what a test checks.
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
    for word in rest.split([' ', '\t', ',']).filter(|w| !w.is_empty()) {
        match word {
            "skip" => directives.skip = true,
            "clock=real" => directives.clock = Some(ClockKind::Real),
            "clock=virtual" => directives.clock = Some(ClockKind::Virtual),
            other => {
                return Err(format!(
                    "unknown directive `{other}` (known: skip, clock=real, clock=virtual)"
                ));
            }
        }
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
        assert!(parse("# aio: skip\n").is_ok_and(|d| d.skip && d.clock.is_none()));
        assert_eq!(
            parse("#aio: clock=real, skip").map(|d| (d.skip, d.clock)),
            Ok((true, Some(ClockKind::Real)))
        );
        assert!(parse("# aio: clock=fast").is_err());
        // Only the first line counts.
        assert_eq!(parse("x = 1\n# aio: skip\n"), Ok(Directives::default()));
    }
}
