//! The few request headers verification reads, collected from whatever header map the
//! host framework has. Lookup is case-insensitive; a name seen twice is remembered as
//! a duplicate instead of picking one of the values.

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

    /// Records one header line. Call it once per line: a second line with the same name
    /// (in any case) makes that header a duplicate.
    pub fn insert(&mut self, name: &str, value: impl AsRef<[u8]>) {
        if let Some(known) = HeaderName::matching(name) {
            let slot = &mut self.slots[known as usize];
            *slot = match slot {
                Slot::Absent => Slot::One(value.as_ref().to_vec()),
                Slot::One(_) | Slot::Repeated => Slot::Repeated,
            };
        }
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

impl<N: AsRef<str>, V: AsRef<[u8]>> FromIterator<(N, V)> for WebhookHeaders {
    fn from_iter<I: IntoIterator<Item = (N, V)>>(iter: I) -> Self {
        let mut headers = WebhookHeaders::new();
        for (name, value) in iter {
            headers.insert(name.as_ref(), value);
        }
        headers
    }
}
