//! `str % args`: drives the format module's printf-style pieces with the
//! VM's own str()/repr() and number conversions.

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
                            self.getitem(args, &Value::str(k.as_str()))?
                        }
                        None if mapping && !matches!(args, Value::Tuple(_)) => args.clone(),
                        None => take(self)?,
                    };
                    let text = match spec.conv {
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
            return Err(self.type_error("not all arguments converted during string formatting"));
        }
        Ok(Value::str(out))
    }
}
