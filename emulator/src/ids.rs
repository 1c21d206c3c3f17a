//! Random identifiers, API keys and webhook secrets.
//!
//! The standard library's `RandomState` is keyed from the operating system's random
//! source once; hashing a counter with it yields unpredictable 64-bit values without a
//! random-number crate. Fault injection does not use this: it needs a seeded sequence.

use std::hash::{BuildHasher, Hasher, RandomState};
use std::sync::atomic::{AtomicU64, Ordering};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;

pub(crate) struct Ids {
    keys: RandomState,
    counter: AtomicU64,
}

impl Ids {
    pub(crate) fn new() -> Ids {
        Ids {
            keys: RandomState::new(),
            counter: AtomicU64::new(0),
        }
    }

    fn next_u64(&self) -> u64 {
        let mut hasher = self.keys.build_hasher();
        hasher.write_u64(self.counter.fetch_add(1, Ordering::Relaxed));
        hasher.finish()
    }

    fn bytes(&self, count: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(count + 8);
        while out.len() < count {
            out.extend_from_slice(&self.next_u64().to_le_bytes());
        }
        out.truncate(count);
        out
    }

    fn hex(&self, bytes: usize) -> String {
        self.bytes(bytes)
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect()
    }

    /// `prefix` + 32 lowercase hex digits, the form of every Avara identifier.
    pub(crate) fn prefixed(&self, prefix: &str) -> String {
        format!("{prefix}{}", self.hex(16))
    }

    /// A version 4 UUID (API key and clinic identifiers).
    pub(crate) fn uuid(&self) -> String {
        let mut bytes = self.bytes(16);
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
        format!(
            "{}-{}-{}-{}-{}",
            &hex[..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..]
        )
    }

    /// `sk_test_` + 32 hex digits: the documented `sk_live_` shape, marked as not live.
    pub(crate) fn api_key(&self) -> String {
        self.prefixed("sk_test_")
    }

    /// `whsec_` + base64 of 32 random bytes: usable by both signing schemes (the guide's
    /// takes the whole text as the key, Standard Webhooks the decoded bytes).
    pub(crate) fn webhook_secret(&self) -> String {
        format!("whsec_{}", BASE64.encode(self.bytes(32)))
    }

    /// A DICOM UID under the `2.25` root, whose single component is a random 128-bit
    /// number (PS3.5 B.2): unique without an organisation root.
    pub(crate) fn dicom_uid(&self) -> String {
        let mut number = [0u8; 16];
        number.copy_from_slice(&self.bytes(16));
        format!("2.25.{}", u128::from_le_bytes(number))
    }

    /// `count` random decimal digits (accession numbers, patient IDs).
    pub(crate) fn digits(&self, count: usize) -> String {
        (0..count)
            .map(|_| char::from(b'0' + (self.next_u64() % 10) as u8))
            .collect()
    }

    pub(crate) fn request_id(&self) -> String {
        format!("req_{}", self.hex(12))
    }

    /// An unguessable token for a landing-page link.
    pub(crate) fn view_token(&self) -> String {
        self.hex(20)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use avara::models::{StudyId, Uuid};

    #[test]
    fn identifiers_have_the_contract_shapes_and_differ() {
        let ids = Ids::new();
        let first = ids.prefixed("stu_");
        assert!(StudyId::new(first.clone()).is_ok(), "{first}");
        assert_ne!(first, ids.prefixed("stu_"));
        let uuid = ids.uuid();
        assert!(Uuid::new(uuid.clone()).is_ok(), "{uuid}");
        assert_eq!(&uuid[14..15], "4");
        assert!(ids.webhook_secret().len() >= 32);
        assert!(avara::webhooks::sign_standard(&ids.webhook_secret(), "msg", 1, b"{}").is_ok());
        let uid = ids.dicom_uid();
        assert!(avara::models::DicomUid::new(uid.clone()).is_ok(), "{uid}");
        assert_ne!(uid, ids.dicom_uid());
        let digits = ids.digits(9);
        assert!(
            digits.len() == 9 && digits.bytes().all(|byte| byte.is_ascii_digit()),
            "{digits}"
        );
    }
}
