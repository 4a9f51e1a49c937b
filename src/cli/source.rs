//! Reading program text, with the messages CPython gives when it cannot.

use std::ffi::OsStr;
use std::io::Read;

/// A program's text, or the message to print before exiting with status 2.
pub fn read_file(path: &OsStr) -> Result<String, String> {
    let shown = path.to_string_lossy();
    let bytes = std::fs::read(path).map_err(|e| cant_open(&shown, &e))?;
    decode(&shown, bytes)
}

pub fn read_stdin() -> Result<String, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("aio: can't read stdin: {}", describe(&e)))?;
    decode("<stdin>", bytes)
}

fn cant_open(path: &str, err: &std::io::Error) -> String {
    format!("aio: can't open file '{path}': {}", describe(err))
}

/// `[Errno 2] No such file or directory`, as Python words an OSError.
fn describe(err: &std::io::Error) -> String {
    let text = err.to_string();
    match err.raw_os_error() {
        Some(code) => {
            // io::Error's Display appends " (os error N)"; Python puts the number first.
            let suffix = format!(" (os error {code})");
            let plain = text.strip_suffix(&suffix).unwrap_or(&text);
            format!("[Errno {code}] {plain}")
        }
        None => text,
    }
}

fn decode(shown: &str, bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let bad = bytes.get(valid).copied().unwrap_or_default();
        let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
        format!(
            "SyntaxError: Non-UTF-8 code starting with '\\x{bad:02x}' in file {shown} on line {line}, but no encoding declared"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_reads_like_python() {
        let msg = read_file(OsStr::new("/nonexistent/x.aio")).unwrap_err();
        assert_eq!(
            msg,
            "aio: can't open file '/nonexistent/x.aio': [Errno 2] No such file or directory"
        );
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let msg = decode("f.aio", b"x = 1\n\xff\n".to_vec()).unwrap_err();
        assert!(msg.contains("'\\xff' in file f.aio on line 2"), "{msg}");
    }
}
