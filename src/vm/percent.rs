//! `str % args` and `bytes % args`: drives the format module's printf-style
//! pieces with the VM's own str()/repr() and number conversions. Bytes are
//! formatted as Latin-1 text (every byte one character) and encoded back.

use super::function::PyResult;
use super::interp::Vm;
use super::value::Value;
use crate::format::{
    Count, PercentPiece, parse_percent, percent_char, percent_float, percent_int, percent_str,
};
use num_bigint::BigInt;
use num_traits::FromPrimitive;

impl Vm {
    pub fn percent_format(&mut self, template: &str, args: &Value) -> PyResult {
        let text = self.percent_text(template, args, false)?;
        Ok(Value::str(text))
    }

    /// `bytes % args` (PEP 461).
    pub fn percent_format_bytes(&mut self, template: &[u8], args: &Value) -> PyResult {
        let latin: String = template.iter().map(|&b| char::from(b)).collect();
        let text = self.percent_text(&latin, args, true)?;
        Ok(Value::Bytes(std::rc::Rc::new(
            text.chars().map(|c| c as u32 as u8).collect(),
        )))
    }

    /// A `%s`/`%b` argument of bytes formatting, as Latin-1 text.
    fn bytes_operand(&mut self, v: &Value) -> Result<String, Value> {
        let latin = |b: &[u8]| b.iter().map(|&c| char::from(c)).collect::<String>();
        if let Value::Bytes(b) = v {
            return Ok(latin(b));
        }
        if let Some(Value::Bytes(b)) = super::class::payload_of(v) {
            return Ok(latin(&b));
        }
        if let Some(f) = self.user_method(v, "__bytes__") {
            let r = self.call(&f, super::function::Args::new([v.clone()]))?;
            if let Value::Bytes(b) = r {
                return Ok(latin(&b));
            }
        }
        if self.type_name(v) == "bytearray" {
            let r = self.call_support("builtins", "bytes", vec![v.clone()])?;
            if let Value::Bytes(b) = r {
                return Ok(latin(&b));
            }
        }
        let tn = self.type_name(v);
        Err(self.type_error(&format!(
            "%b requires a bytes-like object, or an object that implements __bytes__, not '{tn}'"
        )))
    }

    fn percent_text(&mut self, template: &str, args: &Value, bytes: bool) -> Result<String, Value> {
        let pieces = parse_percent(template).map_err(|e| self.format_error(e))?;
        let mapping = matches!(args, Value::Dict(_));
        let items: Vec<Value> = match args {
            Value::Tuple(t) => t.to_vec(),
            _ => vec![args.clone()],
        };
        let mut next = 0usize;
        let mut out = String::new();
        let mut take = |vm: &mut Vm| -> PyResult {
            if next < items.len() {
                next += 1;
                Ok(items[next - 1].clone())
            } else {
                Err(vm.type_error("not enough arguments for format string"))
            }
        };
        for p in pieces {
            match p {
                PercentPiece::Literal(s) => out.push_str(&s),
                PercentPiece::Spec(spec) => {
                    let sw = if let Some(Count::Star) = spec.width {
                        let v = take(self)?;
                        Some(self.index_value(&v)?)
                    } else {
                        None
                    };
                    let sp = if let Some(Count::Star) = spec.precision {
                        let v = take(self)?;
                        Some(self.index_value(&v)?)
                    } else {
                        None
                    };
                    let r = spec.resolve(sw, sp).map_err(|e| self.format_error(e))?;
                    let v = match &spec.key {
                        Some(k) => {
                            if !mapping {
                                return Err(self.type_error("format requires a mapping"));
                            }
                            let key = if bytes {
                                Value::Bytes(std::rc::Rc::new(
                                    k.chars().map(|c| c as u32 as u8).collect(),
                                ))
                            } else {
                                Value::str(k.as_str())
                            };
                            self.getitem(args, &key)?
                        }
                        None if mapping && !matches!(args, Value::Tuple(_)) => args.clone(),
                        None => take(self)?,
                    };
                    let text = match spec.conv {
                        's' | 'b' if bytes => {
                            let s = self.bytes_operand(&v)?;
                            percent_str(&s, &r)
                        }
                        'r' | 'a' if bytes => {
                            let s = super::convert::ascii_of(&self.repr(&v)?);
                            percent_str(&s, &r)
                        }
                        'c' if bytes => match &v {
                            Value::Int(i) if (0..256).contains(i) => {
                                percent_char(char::from(*i as u8), &r)
                            }
                            Value::Bytes(b) if b.len() == 1 => percent_char(char::from(b[0]), &r),
                            Value::Int(_) => {
                                return Err(
                                    self.new_exc("OverflowError", "%c arg not in range(256)")
                                );
                            }
                            _ => {
                                return Err(self.type_error(
                                    "%c requires an integer in range(256) or a single byte",
                                ));
                            }
                        },
                        's' => {
                            let s = self.str(&v)?;
                            percent_str(&s, &r)
                        }
                        'r' => {
                            let s = self.repr(&v)?;
                            percent_str(&s, &r)
                        }
                        'a' => {
                            let s = super::convert::ascii_of(&self.repr(&v)?);
                            percent_str(&s, &r)
                        }
                        'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                            let b: BigInt = match &v {
                                Value::Float(x) if matches!(spec.conv, 'd' | 'i' | 'u') => {
                                    match BigInt::from_f64(x.trunc()) {
                                        Some(b) => b,
                                        None => return Err(self.float_to_int_error(*x)),
                                    }
                                }
                                other => match self.to_bigint(other) {
                                    Some(b) => b,
                                    None => {
                                        let tn = self.type_name(other);
                                        let msg = if matches!(spec.conv, 'd' | 'i' | 'u') {
                                            format!(
                                                "%{} format: a real number is required, not {tn}",
                                                spec.conv
                                            )
                                        } else {
                                            format!(
                                                "%{} format: an integer is required, not {tn}",
                                                spec.conv
                                            )
                                        };
                                        return Err(self.type_error(&msg));
                                    }
                                },
                            };
                            percent_int(&b, &r).map_err(|e| self.format_error(e))?
                        }
                        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                            let x = match &v {
                                Value::Float(x) => *x,
                                Value::Int(i) => *i as f64,
                                Value::Bool(b) => *b as i64 as f64,
                                Value::BigInt(b) => {
                                    num_traits::ToPrimitive::to_f64(&**b).unwrap_or(f64::INFINITY)
                                }
                                other => {
                                    let tn = self.type_name(other);
                                    return Err(
                                        self.type_error(&format!("must be real number, not {tn}"))
                                    );
                                }
                            };
                            percent_float(x, &r).map_err(|e| self.format_error(e))?
                        }
                        'c' => match &v {
                            Value::Str(s) if s.char_len() == 1 => {
                                percent_char(s.as_str().chars().next().unwrap_or(' '), &r)
                            }
                            Value::Int(i) => match char::from_u32(*i as u32) {
                                Some(c) => percent_char(c, &r),
                                None => {
                                    return Err(self.new_exc(
                                        "OverflowError",
                                        "%c arg not in range(0x110000)",
                                    ));
                                }
                            },
                            _ => {
                                return Err(
                                    self.type_error("%c requires an int or a unicode character")
                                );
                            }
                        },
                        _ => return Err(self.format_error(spec.unsupported())),
                    };
                    out.push_str(&text);
                }
            }
        }
        if !mapping && next < items.len() {
            let what = if bytes { "bytes" } else { "string" };
            return Err(self.type_error(&format!(
                "not all arguments converted during {what} formatting"
            )));
        }
        Ok(out)
    }
}
