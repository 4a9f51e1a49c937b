//! `aio test`: the golden-output test runner.
