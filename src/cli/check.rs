//! `aio check`: report every compile error without running anything.

use super::args::CheckArgs;
use super::source;
use crate::api::check_source;
use crate::diagnostics::render;

pub fn check(args: CheckArgs) -> i32 {
    let color = super::term::stderr_color();
    let mut status = 0;
    for file in &args.files {
        let text = match source::read_file(file) {
            Ok(text) => text,
            Err(msg) => {
                eprintln!("{msg}");
                status = 2;
                continue;
            }
        };
        let name = file.to_string_lossy();
        let errors = check_source(&name, &text);
        if !errors.is_empty() {
            eprint!("{}", render(&name, &text, &errors, color));
            status = 2;
        }
    }
    status
}
