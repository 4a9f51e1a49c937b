//! Interned identifier strings. Names in code objects and the keys of the
//! builtins namespace share one `Rc<str>` per spelling, so the `LoadGlobal`
//! inline cache can verify a hit by pointer instead of comparing text.

use rustc_hash::FxHashSet;
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    static NAMES: RefCell<FxHashSet<Rc<str>>> = RefCell::new(FxHashSet::default());
}

/// The shared `Rc<str>` for `s`.
pub fn intern(s: &str) -> Rc<str> {
    NAMES.with(|names| {
        let mut names = names.borrow_mut();
        if let Some(r) = names.get(s) {
            return r.clone();
        }
        let r: Rc<str> = Rc::from(s);
        names.insert(r.clone());
        r
    })
}

#[cfg(test)]
mod tests {
    use super::intern;
    use std::rc::Rc;

    #[test]
    fn same_spelling_same_pointer() {
        let a = intern("fib");
        let b = intern(&String::from("fib"));
        assert!(Rc::ptr_eq(&a, &b));
        assert!(!Rc::ptr_eq(&a, &intern("fob")));
    }
}
