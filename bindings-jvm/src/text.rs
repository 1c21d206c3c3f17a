//! Java text that must not meet uniffi's string encoder, which throws an undeclared
//! checked exception for an unpaired surrogate: the facade sends such text as its UTF-16
//! code units, big-endian (`Utf16.java`), and the core's own error names the argument.

/// The text of big-endian UTF-16 code units, or `None` when they hold an unpaired
/// surrogate (or an odd byte, which the facade never sends).
pub(crate) fn utf16(units: &[u8]) -> Option<String> {
    if !units.len().is_multiple_of(2) {
        return None;
    }
    let units: Vec<u16> = units
        .chunks_exact(2)
        .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
        .collect();
    String::from_utf16(&units).ok()
}

/// The text of big-endian UTF-16 code units, an unpaired surrogate (or an odd byte,
/// which the facade never sends) replaced by U+FFFD.
pub(crate) fn utf16_lossy(units: &[u8]) -> String {
    let pairs = units.chunks_exact(2);
    let odd = !pairs.remainder().is_empty();
    let mut text: String =
        char::decode_utf16(pairs.map(|pair| u16::from_be_bytes([pair[0], pair[1]])))
            .map(|unit| unit.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
    if odd {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::{utf16, utf16_lossy};

    #[test]
    fn paired_surrogates_decode_and_unpaired_ones_do_not() {
        assert_eq!(
            utf16(&[0, b'a', 0xD8, 0x3D, 0xDE, 0x00]).as_deref(),
            Some("a\u{1F600}")
        );
        assert_eq!(utf16(&[0, b'a', 0xD8, 0x00]), None);
        assert_eq!(utf16(&[0xDC, 0x00, 0, b'a']), None);
        assert_eq!(utf16(&[0]), None);
    }

    #[test]
    fn lossy_decoding_replaces_only_what_has_no_text() {
        assert_eq!(
            utf16_lossy(&[0, b'a', 0xD8, 0x3D, 0xDE, 0x00]),
            "a\u{1F600}"
        );
        assert_eq!(utf16_lossy(&[0, b'a', 0xD8, 0x00, 0, b'b']), "a\u{FFFD}b");
        assert_eq!(utf16_lossy(&[0, 0xE9, 0]), "\u{E9}\u{FFFD}");
    }
}
