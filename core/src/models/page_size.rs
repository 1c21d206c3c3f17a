//! The `limit` of list operations: a JSON number in the contract (Python's official
//! types make it a float, Java sends `20.0`), a whole page size here.

use serde::de::Error;
use serde::{Deserialize, Deserializer};
use serde_json::Number;

/// Reads `limit` from any JSON number with no fraction, so `20.0` is the page size 20;
/// `20.5` or a negative number is refused, naming the field. The range is checked later,
/// with the other parameters.
pub fn page_size<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u32>, D::Error> {
    let Some(number) = Option::<Number>::deserialize(deserializer)? else {
        return Ok(None);
    };
    let whole = match (number.as_u64(), number.as_f64()) {
        (Some(whole), _) => u32::try_from(whole).ok(),
        // Whole values up to u32::MAX convert exactly.
        (None, Some(float))
            if float.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&float) =>
        {
            Some(float as u32)
        }
        _ => None,
    };
    whole.map(Some).ok_or_else(|| {
        D::Error::custom(format!(
            "must be a whole number between 1 and 100, got {number}"
        ))
    })
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, Deserialize)]
    struct Page {
        #[serde(default, deserialize_with = "super::page_size")]
        limit: Option<u32>,
    }

    fn limit(value: serde_json::Value) -> Result<Option<u32>, String> {
        serde_json::from_value::<Page>(value)
            .map(|page| page.limit)
            .map_err(|error| error.to_string())
    }

    #[test]
    fn a_whole_float_is_a_page_size() {
        assert_eq!(limit(json!({"limit": 20.0})), Ok(Some(20)));
        assert_eq!(limit(json!({"limit": 20})), Ok(Some(20)));
        assert_eq!(limit(json!({"limit": null})), Ok(None));
        assert_eq!(limit(json!({})), Ok(None));
    }

    #[test]
    fn fractions_negatives_and_text_are_refused() {
        for value in [
            json!(20.5),
            json!(-1),
            json!(-1.0),
            json!(1e300),
            json!("20"),
        ] {
            assert!(limit(json!({ "limit": value })).is_err(), "{value}");
        }
        assert!(
            limit(json!({"limit": 20.5}))
                .unwrap_err()
                .contains("whole number")
        );
    }
}
