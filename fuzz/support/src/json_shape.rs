//! The two properties of a JSON text on which the core's strict parser deliberately
//! differs from serde_json: how deep arrays and objects nest, and whether an object
//! repeats a key. Read by serde_json itself, so only texts it accepts have a shape.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shape {
    /// Arrays and objects nested in each other at the deepest point (`[[]]` is 2).
    pub levels: usize,
    /// Some object holds the same key twice (after unescaping).
    pub duplicate_key: bool,
}

/// The shape of `text`, or `None` when serde_json refuses it.
pub fn shape(text: &[u8]) -> Option<Shape> {
    let mut deserializer = serde_json::Deserializer::from_slice(text);
    let shape = Walk.deserialize(&mut deserializer).ok()?;
    deserializer.end().ok()?;
    Some(shape)
}

struct Walk;

impl<'de> DeserializeSeed<'de> for Walk {
    type Value = Shape;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Shape, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk {
    type Value = Shape;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Shape, E> {
        Ok(Shape::default())
    }

    fn visit_i64<E>(self, _: i64) -> Result<Shape, E> {
        Ok(Shape::default())
    }

    fn visit_u64<E>(self, _: u64) -> Result<Shape, E> {
        Ok(Shape::default())
    }

    fn visit_f64<E>(self, _: f64) -> Result<Shape, E> {
        Ok(Shape::default())
    }

    fn visit_str<E>(self, _: &str) -> Result<Shape, E> {
        Ok(Shape::default())
    }

    fn visit_unit<E>(self) -> Result<Shape, E> {
        Ok(Shape::default())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Shape, A::Error> {
        let mut inner = Shape::default();
        while let Some(item) = seq.next_element_seed(Walk)? {
            inner = combine(inner, item);
        }
        Ok(Shape {
            levels: inner.levels + 1,
            ..inner
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
        let mut inner = Shape::default();
        let mut keys = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            inner.duplicate_key |= keys.contains(&key);
            keys.push(key);
            inner = combine(inner, map.next_value_seed(Walk)?);
        }
        Ok(Shape {
            levels: inner.levels + 1,
            ..inner
        })
    }
}

fn combine(a: Shape, b: Shape) -> Shape {
    Shape {
        levels: a.levels.max(b.levels),
        duplicate_key: a.duplicate_key || b.duplicate_key,
    }
}

#[cfg(test)]
mod tests {
    use super::{Shape, shape};

    #[test]
    fn counts_levels_and_finds_repeated_keys_after_unescaping() {
        assert_eq!(shape(b"1"), Some(Shape::default()));
        assert_eq!(shape(b"[[], {\"a\": [1]}]").map(|s| s.levels), Some(3));
        assert_eq!(
            shape(br#"{"a": 1, "\u0061": 2}"#).map(|s| s.duplicate_key),
            Some(true)
        );
        assert_eq!(
            shape(br#"[{"a": 1}, {"a": 2}]"#).map(|s| s.duplicate_key),
            Some(false)
        );
        assert_eq!(shape(b"[1,]"), None);
    }
}
