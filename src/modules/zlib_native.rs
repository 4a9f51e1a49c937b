//! `_zlib`: the stream primitives under `zlib` (lib/zlib.py), on the C zlib
//! library through flate2 — the library CPython's own module wraps, so the
//! compressed bytes are the same. The Python layer owns the API surface
//! (argument checks, `compressobj`/`decompressobj`, `zlib.error`, unused
//! data); this file only moves bytes through a stream.

use crate::builtins::native;
use crate::vm::class::Layout;
use crate::vm::function::{Args, BuiltinKind, NativeFn, PyResult};
use crate::vm::module::ModuleObj;
use crate::vm::native::NativeObj;
use crate::vm::types::{TypeId, new_class};
use crate::vm::{Value, Vm};
use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};
use std::cell::RefCell;
use std::rc::Rc;

/// One zlib stream, either direction.
enum Stream {
    Deflate(Box<Compress>),
    Inflate(Box<Decompress>),
}

/// The most output produced per step of a decompressing stream.
const CHUNK: usize = 64 * 1024;

pub fn create(vm: &mut Vm) -> PyResult {
    let g = vm.new_globals("_zlib");
    for (name, f) in [
        ("crc32", crc32 as NativeFn),
        ("adler32", adler32),
        ("compressor", compressor),
        ("decompressor", decompressor),
        ("compress", compress),
        ("decompress", decompress),
    ] {
        g.borrow_mut()
            .insert(name.into(), native(name, f, BuiltinKind::Function));
    }
    Ok(Value::Module(Rc::new(ModuleObj {
        name: "_zlib".into(),
        dict: g,
    })))
}

fn bytes_arg(vm: &mut Vm, args: &Args, i: usize) -> Result<Rc<Vec<u8>>, Value> {
    match args.pos.get(i) {
        Some(Value::Bytes(b)) => Ok(b.clone()),
        _ => Err(vm.type_error("_zlib: bytes expected")),
    }
}

fn int_arg(vm: &mut Vm, args: &Args, i: usize) -> Result<i64, Value> {
    match args.pos.get(i) {
        Some(v) => vm.index_value(v),
        None => Err(vm.type_error("_zlib: missing argument")),
    }
}

/// `crc32(data, value)`: the CRC continued from `value`.
fn crc32(vm: &mut Vm, args: Args) -> PyResult {
    let data = bytes_arg(vm, &args, 0)?;
    let start = int_arg(vm, &args, 1)? as u32;
    let mut h = crc32fast::Hasher::new_with_initial(start);
    h.update(&data);
    Ok(Value::Int(i64::from(h.finalize())))
}

/// `adler32(data, value)`, as RFC 1950 defines it.
fn adler32(vm: &mut Vm, args: Args) -> PyResult {
    const MOD: u32 = 65521;
    let data = bytes_arg(vm, &args, 0)?;
    let start = int_arg(vm, &args, 1)? as u32;
    let (mut a, mut b) = (start & 0xffff, start >> 16);
    // 5552 bytes is the longest run whose sums cannot overflow 32 bits.
    for block in data.chunks(5552) {
        for &byte in block {
            a += u32::from(byte);
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    Ok(Value::Int(i64::from((b << 16) | a)))
}

fn stream_class(vm: &mut Vm) -> Rc<crate::vm::class::Class> {
    if let Some(c) = vm.runtime.native_classes.get("_zlib.Stream") {
        return c.clone();
    }
    let object = vm.types.get(TypeId::Object).clone();
    let c = new_class("Stream", vec![object], Layout::Builtin, None, "_zlib");
    vm.runtime.native_classes.insert("_zlib.Stream", c.clone());
    c
}

fn wrap(vm: &mut Vm, s: Stream) -> Value {
    let class = stream_class(vm);
    Value::Native(Rc::new(NativeObj {
        class,
        data: RefCell::new(Box::new(s)),
        dict: RefCell::new(None),
    }))
}

/// `kind` is "zlib", "raw" or "gzip"; `bits` the window size (9..=15).
fn format_of(vm: &mut Vm, args: &Args, i: usize) -> Result<String, Value> {
    match args.pos.get(i) {
        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
        _ => Err(vm.type_error("_zlib: stream kind expected")),
    }
}

/// `compressor(level, kind, bits, zdict)`.
fn compressor(vm: &mut Vm, args: Args) -> PyResult {
    let level = int_arg(vm, &args, 0)?;
    let kind = format_of(vm, &args, 1)?;
    let bits = int_arg(vm, &args, 2)?.clamp(9, 15) as u8;
    let level = if level < 0 {
        Compression::default()
    } else {
        Compression::new(level.min(9) as u32)
    };
    let mut c = match kind.as_str() {
        "gzip" => Compress::new_gzip(level, bits),
        "raw" => Compress::new_with_window_bits(level, false, bits),
        _ => Compress::new_with_window_bits(level, true, bits),
    };
    if let Some(Value::Bytes(dict)) = args.pos.get(3)
        && c.set_dictionary(dict).is_err()
    {
        return Err(vm.value_error("Invalid dictionary"));
    }
    Ok(wrap(vm, Stream::Deflate(Box::new(c))))
}

/// `decompressor(kind, bits, zdict)`.
fn decompressor(vm: &mut Vm, args: Args) -> PyResult {
    let kind = format_of(vm, &args, 0)?;
    let bits = int_arg(vm, &args, 1)?.clamp(9, 15) as u8;
    let mut d = match kind.as_str() {
        "gzip" => Decompress::new_gzip(bits),
        "raw" => Decompress::new_with_window_bits(false, bits),
        _ => Decompress::new_with_window_bits(true, bits),
    };
    // A raw stream takes its dictionary up front; a zlib stream asks for it.
    if kind == "raw"
        && let Some(Value::Bytes(dict)) = args.pos.get(2)
        && d.set_dictionary(dict).is_err()
    {
        return Err(vm.value_error("Invalid dictionary"));
    }
    Ok(wrap(vm, Stream::Inflate(Box::new(d))))
}

fn with_stream<R>(
    vm: &mut Vm,
    v: Option<&Value>,
    f: impl FnOnce(&mut Stream) -> R,
) -> Result<R, Value> {
    if let Some(Value::Native(n)) = v
        && let Some(s) = n.data.borrow_mut().downcast_mut::<Stream>()
    {
        return Ok(f(s));
    }
    Err(vm.type_error("_zlib: stream expected"))
}

fn flush_compress(mode: i64) -> FlushCompress {
    match mode {
        1 => FlushCompress::Partial,
        2 => FlushCompress::Sync,
        3 => FlushCompress::Full,
        4 => FlushCompress::Finish,
        _ => FlushCompress::None,
    }
}

/// `compress(stream, data, flush_mode)`: the bytes the stream gives out.
fn compress(vm: &mut Vm, args: Args) -> PyResult {
    let data = bytes_arg(vm, &args, 1)?;
    let flush = flush_compress(int_arg(vm, &args, 2)?);
    let out = with_stream(vm, args.pos.first(), |s| match s {
        Stream::Deflate(c) => deflate_all(c, &data, flush),
        Stream::Inflate(_) => Err("not a compressor".to_string()),
    })?;
    match out {
        Ok(bytes) => Ok(Value::Bytes(Rc::new(bytes))),
        Err(msg) => Err(vm.value_error(&msg)),
    }
}

/// The sizes of the successive output blocks CPython's zlib module gives
/// deflate (its `_BlocksOutputBuffer`): stored blocks at level 0 are cut where
/// the output space ends, so the same blocks give the same bytes.
const OUTPUT_BLOCKS: [usize; 17] = [
    32 << 10,
    64 << 10,
    256 << 10,
    1 << 20,
    4 << 20,
    8 << 20,
    16 << 20,
    16 << 20,
    32 << 20,
    32 << 20,
    32 << 20,
    32 << 20,
    64 << 20,
    64 << 20,
    128 << 20,
    128 << 20,
    256 << 20,
];

fn deflate_all(c: &mut Compress, input: &[u8], flush: FlushCompress) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut block = 0;
    let mut buf = vec![0u8; OUTPUT_BLOCKS[0]];
    let mut filled = 0;
    let mut pos = 0;
    // As zlib's own loop: call deflate until it leaves output space unused.
    loop {
        if filled == buf.len() {
            out.extend_from_slice(&buf);
            block = (block + 1).min(OUTPUT_BLOCKS.len() - 1);
            buf = vec![0u8; OUTPUT_BLOCKS[block]];
            filled = 0;
        }
        let (in_before, out_before) = (c.total_in(), c.total_out());
        c.compress(&input[pos..], &mut buf[filled..], flush)
            .map_err(|e| e.to_string())?;
        pos += (c.total_in() - in_before) as usize;
        filled += (c.total_out() - out_before) as usize;
        if filled < buf.len() {
            break;
        }
    }
    out.extend_from_slice(&buf[..filled]);
    Ok(out)
}

/// `decompress(stream, data, max_length, finish, zdict)`:
/// `(output, consumed, state, message)` where state is 0 (more may come),
/// 1 (end of stream), 2 (a dictionary is needed) or -3 (corrupt data).
fn decompress(vm: &mut Vm, args: Args) -> PyResult {
    let data = bytes_arg(vm, &args, 1)?;
    let max_len = int_arg(vm, &args, 2)?.max(0) as usize;
    let finish = int_arg(vm, &args, 3)? != 0;
    let zdict = match args.pos.get(4) {
        Some(Value::Bytes(b)) => Some(b.clone()),
        _ => None,
    };
    let r = with_stream(vm, args.pos.first(), |s| match s {
        Stream::Inflate(d) => Some(inflate_some(
            d,
            &data,
            max_len,
            finish,
            zdict.as_ref().map(|z| z.as_slice()),
        )),
        Stream::Deflate(_) => None,
    })?;
    let Some(step) = r else {
        return Err(vm.value_error("not a decompressor"));
    };
    if max_len == 0 {
        vm.reserve_large(step.out.len())?;
    }
    Ok(Value::tuple(vec![
        Value::Bytes(Rc::new(step.out)),
        Value::Int(step.consumed as i64),
        Value::Int(step.state),
        Value::str(step.message),
    ]))
}

struct InflateStep {
    out: Vec<u8>,
    consumed: usize,
    state: i64,
    message: String,
}

fn inflate_some(
    d: &mut Decompress,
    input: &[u8],
    max_len: usize,
    finish: bool,
    zdict: Option<&[u8]>,
) -> InflateStep {
    let mut zdict = zdict;
    let mut out = Vec::new();
    let mut buf = vec![0u8; CHUNK];
    let mut pos = 0;
    let flush = if finish {
        FlushDecompress::Finish
    } else {
        FlushDecompress::None
    };
    let mut state = 0;
    let mut message = String::new();
    loop {
        let want = if max_len > 0 {
            (max_len - out.len()).min(CHUNK)
        } else {
            CHUNK
        };
        if want == 0 {
            break;
        }
        let (in_before, out_before) = (d.total_in(), d.total_out());
        let r = d.decompress(&input[pos..], &mut buf[..want], flush);
        pos += (d.total_in() - in_before) as usize;
        let produced = (d.total_out() - out_before) as usize;
        out.extend_from_slice(&buf[..produced]);
        match r {
            Ok(Status::StreamEnd) => {
                state = 1;
                break;
            }
            Ok(_) if produced < want && (pos >= input.len() || produced == 0) => break,
            Ok(_) => {}
            Err(e) if e.needs_dictionary().is_some() && zdict.is_some() => {
                // A zlib stream names its dictionary only once it is read.
                if let Some(dict) = zdict.take()
                    && d.set_dictionary(dict).is_err()
                {
                    state = -3;
                    message = "invalid dictionary".into();
                    break;
                }
            }
            Err(e) => {
                state = if e.needs_dictionary().is_some() {
                    2
                } else {
                    -3
                };
                message = e.message().unwrap_or("invalid input data").to_string();
                break;
            }
        }
    }
    InflateStep {
        out,
        consumed: pos,
        state,
        message,
    }
}
