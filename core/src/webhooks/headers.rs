//! The few request headers verification reads, collected from whatever header map the
//! host framework has. Lookup is case-insensitive; a name seen twice is remembered as
//! a duplicate instead of picking one of the values.

use std::borrow::Cow;

use super::error::{ErrorCode, WebhookError};

/// Headers of the guide's scheme and of Standard Webhooks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HeaderName {
    AvaraSignature,
    AvaraTimestamp,
    WebhookId,
    WebhookTimestamp,
    WebhookSignature,
}

impl HeaderName {
    const ALL: [HeaderName; 5] = [
        HeaderName::AvaraSignature,
        HeaderName::AvaraTimestamp,
        HeaderName::WebhookId,
        HeaderName::WebhookTimestamp,
        HeaderName::WebhookSignature,
    ];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            HeaderName::AvaraSignature => "X-Avara-Signature",
            HeaderName::AvaraTimestamp => "X-Avara-Timestamp",
            HeaderName::WebhookId => "webhook-id",
            HeaderName::WebhookTimestamp => "webhook-timestamp",
            HeaderName::WebhookSignature => "webhook-signature",
        }
    }

    fn missing_code(self) -> ErrorCode {
        match self {
            HeaderName::AvaraSignature | HeaderName::WebhookSignature => {
                ErrorCode::MissingSignature
            }
            HeaderName::AvaraTimestamp | HeaderName::WebhookTimestamp => {
                ErrorCode::MissingTimestamp
            }
            HeaderName::WebhookId => ErrorCode::MissingId,
        }
    }

    fn matching(name: &str) -> Option<HeaderName> {
        Self::ALL
            .into_iter()
            .find(|known| known.as_str().eq_ignore_ascii_case(name))
    }
}

#[derive(Debug, Clone, Default)]
enum Slot {
    #[default]
    Absent,
    One(Vec<u8>),
    Repeated,
}

/// The verification headers of one request. Build it from every header the request
/// carried; the ones verification does not read are dropped on insertion.
#[derive(Debug, Clone, Default)]
pub struct WebhookHeaders {
    slots: [Slot; 5],
}

impl WebhookHeaders {
    pub fn new() -> Self {
        Self::default()
    }

    /// The names verification reads, matched ASCII-case-insensitively; lines with any
    /// other name are dropped on insertion, so a binding may leave them out.
    pub fn names() -> impl Iterator<Item = &'static str> {
        HeaderName::ALL.into_iter().map(HeaderName::as_str)
    }

    /// Records one header line whose value is the bytes received. Call it once per line:
    /// a second line with the same name (in any case) makes that header a duplicate.
    pub fn insert(&mut self, name: &str, value: impl AsRef<[u8]>) {
        if let Some(known) = HeaderName::matching(name) {
            self.record(known, value.as_ref());
        }
    }

    /// Records one header line whose value came as text, as [`insert`](Self::insert)
    /// records the bytes that text was received as.
    ///
    /// HTTP carries header values as bytes, and hosts turn them into text two ways: most
    /// servers decode one character per byte (ISO-8859-1: Node's `http`, WSGI, servlet
    /// containers, the Fetch API), while code that builds headers itself holds the real
    /// text. So text whose every character is at most U+00FF and whose bytes at one per
    /// character form UTF-8 stands for those bytes, as such a server received them; any
    /// other text, which no such server produces, stands for its UTF-8 encoding. ASCII
    /// is the same either way. ARCHITECTURE.md ("Header text") says why this never
    /// merges two authentic ids.
    pub fn insert_text(&mut self, name: &str, value: &str) {
        if let Some(known) = HeaderName::matching(name) {
            self.record(known, &received_bytes(value));
        }
    }

    fn record(&mut self, name: HeaderName, value: &[u8]) {
        let slot = &mut self.slots[name as usize];
        *slot = match slot {
            Slot::Absent => Slot::One(value.to_vec()),
            Slot::One(_) | Slot::Repeated => Slot::Repeated,
        };
    }

    pub(crate) fn is_present(&self, name: HeaderName) -> bool {
        !matches!(self.slots[name as usize], Slot::Absent)
    }

    /// The single value of a header, or the error for a missing, empty or repeated one.
    pub(crate) fn single(&self, name: HeaderName) -> Result<&[u8], WebhookError> {
        match &self.slots[name as usize] {
            Slot::One(value) if !value.iter().all(|b| *b == b' ' || *b == b'\t') => Ok(value),
            Slot::Absent => Err(WebhookError::new(
                name.missing_code(),
                format!("the {} header is missing", name.as_str()),
            )),
            Slot::One(_) => Err(WebhookError::new(
                name.missing_code(),
                format!("the {} header is empty", name.as_str()),
            )),
            Slot::Repeated => Err(WebhookError::new(
                ErrorCode::DuplicateHeader,
                format!(
                    "the {} header appears more than once; a request must carry exactly one",
                    name.as_str()
                ),
            )),
        }
    }
}

/// The bytes a header value handed over as text was received as (see
/// [`WebhookHeaders::insert_text`]).
fn received_bytes(text: &str) -> Cow<'_, [u8]> {
    if text.is_ascii() {
        return Cow::Borrowed(text.as_bytes());
    }
    let one_per_char: Option<Vec<u8>> = text.chars().map(|c| u8::try_from(c).ok()).collect();
    match one_per_char {
        Some(bytes) if std::str::from_utf8(&bytes).is_ok() => Cow::Owned(bytes),
        _ => Cow::Borrowed(text.as_bytes()),
    }
}

impl<N: AsRef<str>, V: AsRef<[u8]>> FromIterator<(N, V)> for WebhookHeaders {
    fn from_iter<I: IntoIterator<Item = (N, V)>>(iter: I) -> Self {
        let mut headers = WebhookHeaders::new();
        for (name, value) in iter {
            headers.insert(name.as_ref(), value);
        }
        headers
    }
}

#[cfg(test)]
mod tests {
    use super::received_bytes;

    #[test]
    fn text_decoded_one_char_per_byte_is_read_back_as_those_bytes() {
        let sent = "msg_café_日本".as_bytes();
        let latin1: String = sent.iter().map(|byte| char::from(*byte)).collect();
        assert_eq!(&*received_bytes(&latin1), sent);
    }

    #[test]
    fn any_other_text_is_read_as_its_utf8() {
        for text in ["msg_1", "msg_café", "msg_café_日本", "\u{fffd}", "é\u{80}"] {
            assert_eq!(&*received_bytes(text), text.as_bytes(), "{text}");
        }
    }

    #[test]
    fn text_that_reads_as_utf8_one_byte_per_char_is_taken_as_those_bytes() {
        assert_eq!(&*received_bytes("\u{c3}\u{a9}"), "é".as_bytes());
    }
}
