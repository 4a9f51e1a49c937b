//! aio: an interpreter for a small Python-like language built around
//! asyncio-style concurrency.
//!
//! The pipeline, one folder per stage:
//! `lexer` (logos + layout pass) → `parser` (chumsky, AST with spans) →
//! `compiler` (bytecode per code object) → `vm` (heap frames, values) →
//! `runtime` (the event loop) → `modules` (asyncio, time, sys, …) → `cli`.

pub mod api;
pub mod ast;
pub mod builtins;
pub mod cli;
pub mod compiler;
pub mod diagnostics;
pub mod format;
pub mod lexer;
pub mod lint;
pub mod memory;
pub mod modules;
pub mod parser;
pub mod permissions;
pub mod repl;
pub mod runtime;
pub mod testrunner;
pub mod vm;
