//! Calendar time for the `time` module: the C library's `localtime_r`,
//! `gmtime_r`, `mktime` and `strftime`, which CPython's `time` module calls
//! too, so results (time zone rules, `%c`, `%Z`) are the platform's, as
//! there. The Python-facing layer (`struct_time`, defaults, argument
//! checks) is `lib/_time.py`; these natives take and return plain tuples.

use crate::vm::function::{Args, PyResult};
use crate::vm::{Value, Vm};
use std::ffi::{CStr, CString, c_char, c_int, c_long};

/// glibc's `struct tm` (the Linux layout, with the BSD extensions).
#[repr(C)]
struct Tm {
    tm_sec: c_int,
    tm_min: c_int,
    tm_hour: c_int,
    tm_mday: c_int,
    tm_mon: c_int,
    tm_year: c_int,
    tm_wday: c_int,
    tm_yday: c_int,
    tm_isdst: c_int,
    tm_gmtoff: c_long,
    tm_zone: *const c_char,
}

impl Tm {
    fn zeroed() -> Tm {
        Tm {
            tm_sec: 0,
            tm_min: 0,
            tm_hour: 0,
            tm_mday: 0,
            tm_mon: 0,
            tm_year: 0,
            tm_wday: 0,
            tm_yday: 0,
            tm_isdst: 0,
            tm_gmtoff: 0,
            tm_zone: std::ptr::null(),
        }
    }
}

mod c {
    use super::Tm;
    use std::ffi::{c_char, c_long};
    unsafe extern "C" {
        pub fn localtime_r(t: *const c_long, out: *mut Tm) -> *mut Tm;
        pub fn gmtime_r(t: *const c_long, out: *mut Tm) -> *mut Tm;
        pub fn mktime(tm: *mut Tm) -> c_long;
        pub fn strftime(s: *mut c_char, max: usize, fmt: *const c_char, tm: *const Tm) -> usize;
        pub fn tzset();
        pub fn clock() -> c_long;
    }
}

fn int_arg(vm: &mut Vm, v: Option<&Value>) -> Result<i64, Value> {
    match v {
        Some(Value::Int(i)) => Ok(*i),
        Some(Value::Bool(b)) => Ok(*b as i64),
        Some(other) => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!(
                "'{tn}' object cannot be interpreted as an integer"
            )))
        }
        None => Err(vm.type_error("missing argument")),
    }
}

/// `_broken_down(seconds, local)`: the 11 fields of a `struct_time`
/// (Python's conventions: months from 1, Monday = 0, year days from 1).
pub fn broken_down(vm: &mut Vm, args: Args) -> PyResult {
    let secs = match args.pos.first() {
        Some(Value::Float(x)) => {
            if !x.is_finite() || x.abs() > 1e18 {
                return Err(vm.new_exc(
                    "OverflowError",
                    "timestamp out of range for platform time_t",
                ));
            }
            x.floor() as i64
        }
        other => int_arg(vm, other)?,
    };
    let local = matches!(args.pos.get(1), Some(Value::Bool(true)));
    let t: c_long = secs as c_long;
    let mut tm = Tm::zeroed();
    // SAFETY: both pointers are valid for the call; the C library fills `tm`.
    let ok = unsafe {
        if local {
            c::tzset();
            !c::localtime_r(&t, &mut tm).is_null()
        } else {
            !c::gmtime_r(&t, &mut tm).is_null()
        }
    };
    if !ok {
        return Err(vm.new_exc(
            "OverflowError",
            "timestamp out of range for platform time_t",
        ));
    }
    let zone = if tm.tm_zone.is_null() {
        String::new()
    } else {
        // SAFETY: the C library points tm_zone at a NUL-terminated name.
        unsafe { CStr::from_ptr(tm.tm_zone) }
            .to_string_lossy()
            .into_owned()
    };
    Ok(Value::tuple(vec![
        Value::Int(tm.tm_year as i64 + 1900),
        Value::Int(tm.tm_mon as i64 + 1),
        Value::Int(tm.tm_mday as i64),
        Value::Int(tm.tm_hour as i64),
        Value::Int(tm.tm_min as i64),
        Value::Int(tm.tm_sec as i64),
        Value::Int((tm.tm_wday as i64 + 6) % 7),
        Value::Int(tm.tm_yday as i64 + 1),
        Value::Int(tm.tm_isdst as i64),
        Value::str(zone),
        Value::Int(tm.tm_gmtoff),
    ]))
}

/// A C `struct tm` from Python's nine fields (already range-checked by the
/// caller), keeping the zone name alive beside it.
fn to_tm(vm: &mut Vm, fields: &[Value]) -> Result<(Tm, Option<CString>), Value> {
    let mut n = [0i64; 9];
    for (slot, v) in n.iter_mut().zip(fields) {
        *slot = int_arg(vm, Some(v))?;
    }
    let fit = |x: i64| c_int::try_from(x).unwrap_or(c_int::MAX);
    let mut tm = Tm::zeroed();
    tm.tm_year = fit(n[0] - 1900);
    tm.tm_mon = fit(n[1] - 1);
    tm.tm_mday = fit(n[2]);
    tm.tm_hour = fit(n[3]);
    tm.tm_min = fit(n[4]);
    tm.tm_sec = fit(n[5]);
    tm.tm_wday = fit((n[6] + 1) % 7);
    tm.tm_yday = fit(n[7] - 1);
    tm.tm_isdst = fit(n[8]);
    let mut zone = None;
    if let Some(Value::Str(z)) = fields.get(9)
        && let Ok(cz) = CString::new(z.as_str())
    {
        tm.tm_zone = cz.as_ptr();
        zone = Some(cz);
    }
    if let Some(off) = fields.get(10) {
        tm.tm_gmtoff = int_arg(vm, Some(off))? as c_long;
    }
    Ok((tm, zone))
}

fn fields_of(vm: &mut Vm, v: Option<&Value>) -> Result<Vec<Value>, Value> {
    match v {
        Some(v) => vm.collect(v),
        None => Err(vm.type_error("missing argument")),
    }
}

/// `_mktime(fields)`: seconds since the epoch for a local time.
pub fn mktime(vm: &mut Vm, args: Args) -> PyResult {
    let fields = fields_of(vm, args.pos.first())?;
    let (mut tm, _zone) = to_tm(vm, &fields)?;
    // A wday the C library cannot have written marks failure (-1 is a
    // valid result one second before the epoch).
    tm.tm_wday = -1;
    // SAFETY: tm is a valid, initialised struct for the call.
    let t = unsafe {
        c::tzset();
        c::mktime(&mut tm)
    };
    if t == -1 && tm.tm_wday == -1 {
        return Err(vm.new_exc("OverflowError", "mktime argument out of range"));
    }
    Ok(Value::Float(t as f64))
}

/// `_strftime(format, fields)`: the C library's strftime of the fields.
pub fn strftime(vm: &mut Vm, args: Args) -> PyResult {
    let fmt = match args.pos.first() {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => return Err(vm.type_error("strftime() argument 1 must be str")),
    };
    let fields = fields_of(vm, args.pos.get(1))?;
    let (tm, _zone) = to_tm(vm, &fields)?;
    let Ok(cfmt) = CString::new(fmt.as_str()) else {
        return Err(vm.value_error("embedded null character"));
    };
    if fmt.is_empty() {
        return Ok(Value::str(""));
    }
    // An empty result may mean "buffer too small": grow it, as CPython
    // does, up to 256 bytes per format byte.
    let mut size = 1024usize.max(fmt.len() * 4);
    loop {
        let mut buf = vec![0 as c_char; size];
        // SAFETY: buf has `size` bytes; cfmt and tm are valid.
        let n = unsafe { c::strftime(buf.as_mut_ptr(), size, cfmt.as_ptr(), &tm) };
        if n > 0 || size >= 256 * fmt.len() {
            let bytes: Vec<u8> = buf[..n].iter().map(|&b| b as u8).collect();
            return Ok(Value::str(String::from_utf8_lossy(&bytes).into_owned()));
        }
        size *= 4;
    }
}

/// `_process_time()`: CPU seconds used by the process.
pub fn process_time(_vm: &mut Vm, _args: Args) -> PyResult {
    // SAFETY: clock() has no preconditions.
    let ticks = unsafe { c::clock() };
    Ok(Value::Float(ticks as f64 / 1_000_000.0))
}

/// `_wall_time()`: the real time (for the time zone constants, which
/// CPython computes from the current year whatever the clock).
pub fn wall_time(_vm: &mut Vm, _args: Args) -> PyResult {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    Ok(Value::Float(now))
}
