//! Lints as ariadne reports: `[AIO101] warning: ...`, the span with its
//! label, and the help line, then a count.

use super::{Lint, LintConfig};
use ariadne::{Color, Config, IndexType, Label, Report, ReportKind, Source};

pub fn render(file: &str, src: &str, lints: &[Lint], config: &LintConfig, color: bool) -> String {
    let mut out = Vec::new();
    for lint in lints {
        let span = crate::diagnostics::char_aligned(src, lint.span);
        let (line, col) = crate::diagnostics::line_col(src, lint.span.start);
        let (kind, tint) = if config.is_denied(lint.code) {
            ("error", Color::Red)
        } else {
            ("warning", Color::Yellow)
        };
        let report = Report::build(ReportKind::Custom(kind, tint), (file, span.clone()))
            .with_config(
                Config::default()
                    .with_index_type(IndexType::Byte)
                    .with_color(color),
            )
            .with_code(lint.code)
            .with_message(format!("{} (line {line}, column {col})", lint.message))
            .with_label(
                Label::new((file, span))
                    .with_message(&lint.label)
                    .with_color(tint),
            )
            .with_help(&lint.help);
        // Writing into a Vec cannot fail.
        let _ = report.finish().write((file, Source::from(src)), &mut out);
    }
    let text = String::from_utf8_lossy(&out).into_owned();
    if color { text } else { strip_ansi(&text) }
}

/// ariadne colours a custom report kind's name even with colour off.
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
