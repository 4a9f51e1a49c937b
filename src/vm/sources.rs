//! Source text of every file and module the VM has compiled, by file name,
//! for the source lines of tracebacks and warnings. Thread-local like all VM
//! state, so a warning raised while an object is dropped can quote its line.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

thread_local! {
    static SOURCES: RefCell<HashMap<String, Rc<str>>> = RefCell::new(HashMap::new());
}

pub fn register(filename: &str, text: &str) {
    SOURCES.with(|s| {
        s.borrow_mut().insert(filename.to_string(), Rc::from(text));
    });
}

/// Line `line` (1-based) of `filename`, as written.
pub fn line(filename: &str, line: u32) -> Option<String> {
    let text = SOURCES.with(|s| s.borrow().get(filename).cloned())?;
    text.lines()
        .nth(line.checked_sub(1)? as usize)
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    #[test]
    fn lines_are_one_based() {
        super::register("t.aio", "a = 1\nb = 2\n");
        assert_eq!(super::line("t.aio", 2).as_deref(), Some("b = 2"));
        assert_eq!(super::line("t.aio", 0), None);
        assert_eq!(super::line("missing.aio", 1), None);
    }
}
