//! The virtual machine: values, frames, and the bytecode interpreter.

pub mod attr;
pub mod awaiting;
pub mod call;
pub mod class;
pub mod classdef;
pub mod convert;
pub mod depth;
pub mod dict;
pub mod exc;
pub mod frame;
pub mod function;
pub mod generator;
pub mod hash;
pub mod intern;
pub mod interp;
pub mod iter;
pub mod iterate;
pub mod memory;
pub mod module;
pub mod native;
pub mod ops;
pub mod output;
pub mod pattern;
pub mod percent;
pub mod permits;
pub mod range;
pub mod seq;
pub mod sources;
pub mod suggest;
pub mod super_call;
pub mod types;
pub mod value;
pub mod watch;

pub use function::{Args, PyResult};
pub use interp::Vm;
pub use value::Value;
