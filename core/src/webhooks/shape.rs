//! The strict JSON rules of `json.rs`, checked without building a value, for the fast
//! path of typed events: a body that passes here is one `parse_strict_json` accepts.

use std::borrow::Cow;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::json::{MAX_DEPTH, check_text};

/// Objects with more keys than this leave the fast path: duplicates are found by
/// comparing each key with the ones before it, kept on the stack, which must stay cheap.
const MAX_KEYS: usize = 16;

/// The root's `type`, if `body` is strict JSON and its root an object whose `type` is a
/// string. `None` says nothing more: the general path then finds out what is wrong.
pub(super) fn strict_event_type(body: &[u8]) -> Option<Cow<'_, str>> {
    check_text(body).ok()?;
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let Shape::Root(event_type) = Check { depth: 0 }.deserialize(&mut deserializer).ok()? else {
        return None;
    };
    deserializer.end().ok()?;
    event_type
}

enum Shape<'de> {
    Root(Option<Cow<'de, str>>),
    Member,
}

/// Checks one value at `depth` (0 is the root).
struct Check {
    depth: usize,
}

/// Why the fast path gave up; never shown, the general path words the real error.
fn leave<E: serde::de::Error>() -> E {
    E::custom("")
}

impl Check {
    fn members<E: serde::de::Error>(&self) -> Result<Check, E> {
        if self.depth >= MAX_DEPTH {
            return Err(leave());
        }
        Ok(Check {
            depth: self.depth + 1,
        })
    }
}

impl<'de> DeserializeSeed<'de> for Check {
    type Value = Shape<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Shape<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Check {
    type Value = Shape<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Shape<'de>, E> {
        Ok(Shape::Member)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Shape<'de>, E> {
        Ok(Shape::Member)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Shape<'de>, E> {
        Ok(Shape::Member)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Shape<'de>, E> {
        Ok(Shape::Member)
    }

    fn visit_str<E>(self, _: &str) -> Result<Shape<'de>, E> {
        Ok(Shape::Member)
    }

    fn visit_unit<E>(self) -> Result<Shape<'de>, E> {
        Ok(Shape::Member)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Shape<'de>, A::Error> {
        let members = self.members()?;
        while seq
            .next_element_seed(Check {
                depth: members.depth,
            })?
            .is_some()
        {}
        Ok(Shape::Member)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape<'de>, A::Error> {
        let members = self.members()?;
        let mut keys = [const { Cow::Borrowed("") }; MAX_KEYS];
        let mut count = 0;
        let mut event_type = None;
        while let Some(key) = map.next_key_seed(Key)? {
            if count == MAX_KEYS || keys[..count].contains(&key) {
                return Err(leave());
            }
            if self.depth == 0 && key == "type" {
                // Anything but a string leaves: the general path words that error.
                event_type = Some(map.next_value_seed(Key)?);
            } else {
                map.next_value_seed(Check {
                    depth: members.depth,
                })?;
            }
            keys[count] = key;
            count += 1;
        }
        Ok(if self.depth == 0 {
            Shape::Root(event_type)
        } else {
            Shape::Member
        })
    }
}

/// An object key (or the root's `type`), borrowed from the body unless it holds escapes.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E>(self, key: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(key))
    }

    fn visit_str<E>(self, key: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(key.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::strict_event_type;
    use crate::webhooks::parse_strict_json;

    #[test]
    fn gives_a_type_only_for_bodies_the_strict_parser_accepts() {
        let nested = |levels: usize| {
            format!(
                r#"{{"type":"t","x":{}{}}}"#,
                "[".repeat(levels),
                "]".repeat(levels)
            )
        };
        let many_keys = format!(
            r#"{{"type":"t",{}}}"#,
            (0..16)
                .map(|i| format!(r#""k{i}":{i}"#))
                .collect::<Vec<_>>()
                .join(",")
        );
        let cases: [(&str, Option<&str>); 13] = [
            (
                r#"{"type":"study.access_requested","id":"x"}"#,
                Some("study.access_requested"),
            ),
            (r#" {"type":"t\u0041"} "#, Some("tA")),
            (&nested(63), Some("t")),
            (&nested(64), None),
            (r#"{"type":"t","x":{"a":1,"a":2}}"#, None),
            (r#"{"type":"t","t\u0079pe":"u"}"#, None),
            (r#"{"type":"t"} x"#, None),
            ("\u{feff}{\"type\":\"t\"}", None),
            (r#"["type"]"#, None),
            (r#"{"type":5}"#, None),
            (r#"{"id":"x"}"#, None),
            ("   ", None),
            (&many_keys, None),
        ];
        for (body, expected) in cases {
            assert_eq!(
                strict_event_type(body.as_bytes()).as_deref(),
                expected,
                "{body}"
            );
            if expected.is_some() {
                assert!(parse_strict_json(body.as_bytes()).is_ok(), "{body}");
            }
        }
        for body in [
            &nested(64),
            r#"{"type":"t","x":{"a":1,"a":2}}"#,
            r#"{"type":"t"} x"#,
        ] {
            assert!(parse_strict_json(body.as_bytes()).is_err(), "{body}");
        }
    }
}
