//! Turning the raw values of the few attributes the manifest needs into text and numbers,
//! with pydicom's conventions: trailing spaces and NULs are padding, the first of several
//! backslash-separated values counts, text without a character set is ISO 8859-1.

use dicom_encoding::text::{SpecificCharacterSet, TextCodec};

use super::decoder::Encoding;

/// An attribute as far as the manifest cares.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Parsed<T> {
    /// Not in the header, or empty.
    Absent,
    /// In the header, but not a value of the expected kind; holds what was there.
    Unusable(String),
    Value(T),
}

impl<T: Copy> Parsed<T> {
    pub fn value(&self) -> Option<T> {
        match self {
            Parsed::Value(value) => Some(*value),
            _ => None,
        }
    }
}

/// The first value of a string attribute in the default repertoire (UI, CS, IS, DS).
pub(super) fn latin1_first_value(raw: &[u8]) -> String {
    first_value(&raw.iter().map(|byte| char::from(*byte)).collect::<String>()).to_owned()
}

/// The first value of a text attribute (LO, SH) in the data set's character set.
pub(super) fn text_first_value(raw: &[u8], charset: Option<&SpecificCharacterSet>) -> String {
    let decoded = charset
        .filter(|charset| **charset != SpecificCharacterSet::ISO_IR_6)
        .and_then(|charset| charset.decode(raw).ok());
    match decoded {
        Some(text) => first_value(&text).to_owned(),
        None => latin1_first_value(raw),
    }
}

/// The character set named by Specific Character Set's first value, when dicom-rs knows it.
pub(super) fn character_set(raw: &[u8]) -> Option<SpecificCharacterSet> {
    SpecificCharacterSet::from_code(&latin1_first_value(raw))
}

fn first_value(text: &str) -> &str {
    let unpadded = text.trim_end_matches([' ', '\0']);
    unpadded
        .split('\\')
        .next()
        .unwrap_or_default()
        .trim_end_matches([' ', '\0'])
}

/// A string attribute in the default repertoire; `None` when absent or empty.
pub(super) fn text(raw: Option<&[u8]>) -> Option<String> {
    raw.map(latin1_first_value).filter(|text| !text.is_empty())
}

/// An integer string (IS). Like pydicom, a decimal that is a whole number counts.
pub(super) fn integer_string(raw: Option<&[u8]>) -> Parsed<f64> {
    let Some(text) = raw.map(latin1_first_value) else {
        return Parsed::Absent;
    };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Parsed::Absent;
    }
    let whole = trimmed.parse::<i64>().ok().map(|n| n as f64).or_else(|| {
        trimmed
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite() && n.fract() == 0.0)
    });
    whole.map_or(Parsed::Unusable(text), Parsed::Value)
}

/// A decimal string (DS); infinities and NaN have no JSON form, so they are unusable.
pub(super) fn decimal_string(raw: Option<&[u8]>) -> Parsed<f64> {
    let Some(text) = raw.map(latin1_first_value) else {
        return Parsed::Absent;
    };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Parsed::Absent;
    }
    trimmed
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .map_or(Parsed::Unusable(text), Parsed::Value)
}

/// An unsigned short (US), in the data set's byte order.
pub(super) fn unsigned_short(raw: Option<&[u8]>, encoding: Encoding) -> Parsed<f64> {
    match raw {
        None | Some([]) => Parsed::Absent,
        Some(raw) => encoding.u16_at(raw).map_or_else(
            || Parsed::Unusable(format!("{raw:02x?}")),
            |n| Parsed::Value(f64::from(n)),
        ),
    }
}
