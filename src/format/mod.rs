//! Python's number and string formatting: float repr and the format-spec
//! mini-language.
