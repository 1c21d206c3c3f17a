//! The API client's JSON values cross the boundary in one compact binary form, defined
//! here and read and written on the Java side by `com.avara.core.Wire`, so Java builds
//! and reads plain maps and lists and never writes or parses JSON text.
//!
//! ```text
//! value  := 0x00                        null
//!         | 0x01 | 0x02                 false | true
//!         | 0x03 i64                    an integer that fits i64, 8 bytes big-endian
//!         | 0x04 f64                    any other number, IEEE 754, 8 bytes big-endian
//!         | 0x05 text                   a string
//!         | 0x06 count value*           a list
//!         | 0x07 count (key value)*     an object, members in the object's order
//! text   := count byte*                 UTF-8, `count` bytes
//! key    := 0x00 text                   a name not used before in this buffer, or
//!         | n                           (n > 0) the n-th name the buffer introduced
//! count, n := unsigned LEB128 (7 bits a byte, low group first), at most 32 bits
//! ```
//!
//! Repeated names (every item of a page has the same fields) cross once. Whoever writes
//! may always use `0x00 text` for a key; the reader keeps the table either way.

use std::collections::HashMap;

use serde_json::{Map, Number, Value};

const NULL: u8 = 0;
const FALSE: u8 = 1;
const TRUE: u8 = 2;
const INT: u8 = 3;
const FLOAT: u8 = 4;
const TEXT: u8 = 5;
const LIST: u8 = 6;
const OBJECT: u8 = 7;

/// Deeper values are refused rather than risking the native stack; the core's own JSON
/// reader stops at 128 levels too.
const MAX_DEPTH: usize = 128;

/// Why bytes are not a value the core can take.
#[derive(Debug, PartialEq)]
pub enum WireError {
    /// NaN or an infinity: JSON has no such number.
    NonFiniteNumber,
    /// A string that is not UTF-8 (from Java: a lone UTF-16 surrogate).
    NotUtf8,
    /// Nested deeper than `MAX_DEPTH`.
    TooDeep,
    /// Anything else: truncated, an unknown tag, a key never introduced, trailing bytes.
    Malformed,
}

/// `value` in the binary form.
pub fn encode(value: &Value) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    write(value, &mut out);
    out
}

/// Appends `value` in the binary form to `out`.
pub fn write(value: &Value, out: &mut Vec<u8>) {
    Writer {
        out,
        keys: HashMap::new(),
    }
    .value(value);
}

struct Writer<'a, 'o> {
    out: &'o mut Vec<u8>,
    keys: HashMap<&'a str, u32>,
}

impl<'a> Writer<'a, '_> {
    fn value(&mut self, value: &'a Value) {
        match value {
            Value::Null => self.out.push(NULL),
            Value::Bool(false) => self.out.push(FALSE),
            Value::Bool(true) => self.out.push(TRUE),
            Value::Number(number) => match number.as_i64() {
                Some(integer) => {
                    self.out.push(INT);
                    self.out.extend_from_slice(&integer.to_be_bytes());
                }
                // u64 above i64::MAX, or a fraction: both are representable as f64.
                None => {
                    self.out.push(FLOAT);
                    let float = number.as_f64().unwrap_or(f64::NAN);
                    self.out.extend_from_slice(&float.to_be_bytes());
                }
            },
            Value::String(text) => {
                self.out.push(TEXT);
                self.text(text);
            }
            Value::Array(items) => {
                self.out.push(LIST);
                self.count(items.len());
                for item in items {
                    self.value(item);
                }
            }
            Value::Object(members) => {
                self.out.push(OBJECT);
                self.count(members.len());
                for (name, member) in members {
                    match self.keys.get(name.as_str()) {
                        Some(&index) => self.count(index as usize),
                        None => {
                            let index = u32::try_from(self.keys.len() + 1).unwrap_or(u32::MAX);
                            self.keys.insert(name, index);
                            self.out.push(0);
                            self.text(name);
                        }
                    }
                    self.value(member);
                }
            }
        }
    }

    fn text(&mut self, text: &str) {
        self.count(text.len());
        self.out.extend_from_slice(text.as_bytes());
    }

    fn count(&mut self, count: usize) {
        let mut rest = count;
        while rest >= 0x80 {
            self.out.push((rest as u8 & 0x7f) | 0x80);
            rest >>= 7;
        }
        self.out.push(rest as u8);
    }
}

/// The value `bytes` hold, which must be exactly one value.
pub fn decode(bytes: &[u8]) -> Result<Value, WireError> {
    let mut reader = Reader {
        bytes,
        keys: Vec::new(),
    };
    let value = reader.value(0)?;
    if reader.bytes.is_empty() {
        Ok(value)
    } else {
        Err(WireError::Malformed)
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    keys: Vec<&'a str>,
}

impl<'a> Reader<'a> {
    fn value(&mut self, depth: usize) -> Result<Value, WireError> {
        Ok(match self.take(1)?[0] {
            NULL => Value::Null,
            FALSE => Value::Bool(false),
            TRUE => Value::Bool(true),
            INT => Value::Number(i64::from_be_bytes(self.eight()?).into()),
            FLOAT => Value::Number(
                Number::from_f64(f64::from_be_bytes(self.eight()?))
                    .ok_or(WireError::NonFiniteNumber)?,
            ),
            TEXT => Value::String(self.text()?.to_owned()),
            LIST | OBJECT if depth >= MAX_DEPTH => return Err(WireError::TooDeep),
            LIST => {
                let count = self.count()?;
                // Every item takes a byte at least, so a lying count cannot over-allocate.
                let mut items = Vec::with_capacity(count.min(self.bytes.len()));
                for _ in 0..count {
                    items.push(self.value(depth + 1)?);
                }
                Value::Array(items)
            }
            OBJECT => {
                let count = self.count()?;
                let mut members = Map::with_capacity(count.min(self.bytes.len()));
                for _ in 0..count {
                    let name = match self.count()? {
                        0 => {
                            let name = self.text()?;
                            self.keys.push(name);
                            name
                        }
                        index => *self.keys.get(index - 1).ok_or(WireError::Malformed)?,
                    };
                    let member = self.value(depth + 1)?;
                    members.insert(name.to_owned(), member);
                }
                Value::Object(members)
            }
            _ => return Err(WireError::Malformed),
        })
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8], WireError> {
        if self.bytes.len() < len {
            return Err(WireError::Malformed);
        }
        let (taken, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        Ok(taken)
    }

    fn eight(&mut self) -> Result<[u8; 8], WireError> {
        self.take(8)?.try_into().map_err(|_| WireError::Malformed)
    }

    fn text(&mut self) -> Result<&'a str, WireError> {
        let len = self.count()?;
        std::str::from_utf8(self.take(len)?).map_err(|_| WireError::NotUtf8)
    }

    fn count(&mut self) -> Result<usize, WireError> {
        let mut count: u64 = 0;
        for shift in (0..35).step_by(7) {
            let byte = self.take(1)?[0];
            count |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return u32::try_from(count)
                    .map(|count| count as usize)
                    .map_err(|_| WireError::Malformed);
            }
        }
        Err(WireError::Malformed)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{WireError, decode, encode};

    #[test]
    fn every_json_value_survives_the_round_trip() {
        let value = json!({"b": [1, -2, 2.5, 18446744073709551615u64, null, true, false, "x", "é✓"],
            "a": {"nested": {}, "b": "again"}, "long": "y".repeat(300)});
        let back = decode(&encode(&value)).unwrap();
        let mut expected = value.clone();
        expected["b"][3] = json!(18446744073709551615.0);
        assert_eq!(back, expected);
        assert_eq!(
            back.as_object().unwrap().keys().collect::<Vec<_>>(),
            ["b", "a", "long"]
        );
    }

    #[test]
    fn repeated_names_cross_once() {
        let bytes = encode(&json!([{"studyId": 1}, {"studyId": 2}]));
        assert_eq!(bytes.windows(7).filter(|w| w == b"studyId").count(), 1);
    }

    #[test]
    fn bad_input_is_refused() {
        assert_eq!(
            decode(&[4, 0x7f, 0xf8, 0, 0, 0, 0, 0, 1]),
            Err(WireError::NonFiniteNumber)
        );
        // A lone surrogate as Java's writer encodes it.
        assert_eq!(decode(&[5, 3, 0xed, 0xa0, 0x80]), Err(WireError::NotUtf8));
        assert_eq!(decode(&[6, 2, 0]), Err(WireError::Malformed));
        assert_eq!(decode(&[0, 0]), Err(WireError::Malformed));
        assert_eq!(decode(&[7, 1, 1, 0]), Err(WireError::Malformed));
        assert_eq!(decode(&[9]), Err(WireError::Malformed));
        assert_eq!(
            decode(&[6, 0xff, 0xff, 0xff, 0xff, 0x7f]),
            Err(WireError::Malformed)
        );
        let mut deep = [6, 1].repeat(200);
        deep.push(0);
        assert_eq!(decode(&deep), Err(WireError::TooDeep));
    }
}
