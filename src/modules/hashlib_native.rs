//! `_hashlib`: the digest objects under `hashlib` (lib/hashlib.py), on the
//! RustCrypto implementations of the standard algorithms.

use crate::builtins::native;
use crate::vm::class::Layout;
use crate::vm::function::{Args, BuiltinKind, NativeFn, PyResult};
use crate::vm::module::ModuleObj;
use crate::vm::native::NativeObj;
use crate::vm::types::{TypeId, new_class};
use crate::vm::{Value, Vm};
use digest::DynDigest;
use std::cell::RefCell;
use std::rc::Rc;

/// (name, block size, constructor) of every algorithm.
type Make = fn() -> Box<dyn DynDigest>;
const ALGORITHMS: &[(&str, usize, Make)] = &[
    ("md5", 64, || Box::new(md5::Md5::default())),
    ("sha1", 64, || Box::new(sha1::Sha1::default())),
    ("sha224", 64, || Box::new(sha2::Sha224::default())),
    ("sha256", 64, || Box::new(sha2::Sha256::default())),
    ("sha384", 128, || Box::new(sha2::Sha384::default())),
    ("sha512", 128, || Box::new(sha2::Sha512::default())),
    ("sha512_224", 128, || Box::new(sha2::Sha512_224::default())),
    ("sha512_256", 128, || Box::new(sha2::Sha512_256::default())),
    ("sha3_224", 144, || Box::new(sha3::Sha3_224::default())),
    ("sha3_256", 136, || Box::new(sha3::Sha3_256::default())),
    ("sha3_384", 104, || Box::new(sha3::Sha3_384::default())),
    ("sha3_512", 72, || Box::new(sha3::Sha3_512::default())),
    ("blake2b", 128, || Box::new(blake2::Blake2b512::default())),
    ("blake2s", 64, || Box::new(blake2::Blake2s256::default())),
];

struct HashObj {
    name: &'static str,
    block_size: usize,
    state: Box<dyn DynDigest>,
}

pub fn create(vm: &mut Vm) -> PyResult {
    let g = vm.new_globals("_hashlib");
    g.borrow_mut()
        .insert("new".into(), native("new", new_hash, BuiltinKind::Function));
    let names: Vec<Value> = ALGORITHMS.iter().map(|(n, _, _)| Value::str(*n)).collect();
    g.borrow_mut()
        .insert("algorithms".into(), Value::tuple(names));
    Ok(Value::Module(Rc::new(ModuleObj {
        name: "_hashlib".into(),
        dict: g,
    })))
}

fn hash_class(vm: &mut Vm) -> Rc<crate::vm::class::Class> {
    if let Some(c) = vm.runtime.native_classes.get("HASH") {
        return c.clone();
    }
    let object = vm.types.get(TypeId::Object).clone();
    let c = new_class("HASH", vec![object], Layout::Builtin, None, "_hashlib");
    for (name, f) in [
        ("update", h_update as NativeFn),
        ("digest", h_digest),
        ("hexdigest", h_hexdigest),
        ("copy", h_copy),
        ("__repr__", h_repr),
    ] {
        c.set_attr(name.into(), native(name, f, BuiltinKind::Method));
    }
    vm.runtime.native_classes.insert("HASH", c.clone());
    c
}

fn wrap(vm: &mut Vm, h: HashObj) -> Value {
    let class = hash_class(vm);
    let mut attrs = crate::vm::class::new_attrs();
    attrs.insert("name".into(), Value::str(h.name));
    attrs.insert(
        "digest_size".into(),
        Value::Int(h.state.output_size() as i64),
    );
    attrs.insert("block_size".into(), Value::Int(h.block_size as i64));
    Value::Native(Rc::new(NativeObj {
        class,
        data: RefCell::new(Box::new(h)),
        dict: RefCell::new(Some(attrs)),
    }))
}

fn data_arg(vm: &mut Vm, v: Option<&Value>) -> Result<Option<Rc<Vec<u8>>>, Value> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Bytes(b)) => Ok(Some(b.clone())),
        Some(Value::Str(_)) => Err(vm.type_error("Strings must be encoded before hashing")),
        Some(other) => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!(
                "object supporting the buffer API required, not '{tn}'"
            )))
        }
    }
}

/// `new(name, data=None)`.
fn new_hash(vm: &mut Vm, args: Args) -> PyResult {
    let name = match args.pos.first() {
        Some(Value::Str(s)) => s.as_str().to_ascii_lowercase(),
        _ => return Err(vm.type_error("new() argument 'name' must be str")),
    };
    let Some((n, block, make)) = ALGORITHMS.iter().find(|(n, _, _)| *n == name) else {
        return Err(vm.value_error(&format!("unsupported hash type {name}")));
    };
    let mut state = make();
    if let Some(d) = data_arg(vm, args.pos.get(1))? {
        state.update(&d);
    }
    Ok(wrap(
        vm,
        HashObj {
            name: n,
            block_size: *block,
            state,
        },
    ))
}

fn with_hash<R>(
    vm: &mut Vm,
    v: Option<&Value>,
    f: impl FnOnce(&mut HashObj) -> R,
) -> Result<R, Value> {
    if let Some(Value::Native(n)) = v
        && let Some(h) = n.data.borrow_mut().downcast_mut::<HashObj>()
    {
        return Ok(f(h));
    }
    Err(vm.type_error("descriptor requires a '_hashlib.HASH' object"))
}

fn h_update(vm: &mut Vm, args: Args) -> PyResult {
    let data = data_arg(vm, args.pos.get(1))?;
    let Some(data) = data else {
        return Err(vm.type_error("object supporting the buffer API required, not 'NoneType'"));
    };
    with_hash(vm, args.pos.first(), |h| h.state.update(&data))?;
    Ok(Value::None)
}

fn digest_bytes(vm: &mut Vm, args: &Args) -> Result<Box<[u8]>, Value> {
    with_hash(vm, args.pos.first(), |h| h.state.box_clone().finalize())
}

fn h_digest(vm: &mut Vm, args: Args) -> PyResult {
    let d = digest_bytes(vm, &args)?;
    Ok(Value::Bytes(Rc::new(d.to_vec())))
}

fn h_hexdigest(vm: &mut Vm, args: Args) -> PyResult {
    let d = digest_bytes(vm, &args)?;
    let hex: String = d.iter().map(|b| format!("{b:02x}")).collect();
    Ok(Value::str(hex))
}

fn h_copy(vm: &mut Vm, args: Args) -> PyResult {
    let copy = with_hash(vm, args.pos.first(), |h| HashObj {
        name: h.name,
        block_size: h.block_size,
        state: h.state.box_clone(),
    })?;
    Ok(wrap(vm, copy))
}

fn h_repr(vm: &mut Vm, args: Args) -> PyResult {
    let name = with_hash(vm, args.pos.first(), |h| h.name)?;
    let addr = args.pos.first().and_then(|v| v.ptr()).unwrap_or(0);
    Ok(Value::str(format!(
        "<{name} _hashlib.HASH object @ {addr:#x}>"
    )))
}
