//! Prefixed Avara identifiers (`stu_` + 32 lowercase hex digits, ...) and UUIDs.

use std::fmt;

/// Why a string is not a valid identifier; the message names the expected form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdError {
    pub message: String,
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for IdError {}

fn is_lower_hex(bytes: &[u8]) -> bool {
    bytes.iter().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Shows at most 80 characters of untrusted input inside an error message.
pub(crate) fn excerpt(value: &str) -> String {
    let mut shown: String = value.chars().take(80).collect();
    if shown.len() < value.len() {
        shown.push('…');
    }
    format!("{shown:?}")
}

pub(crate) fn check_prefixed(value: &str, prefix: &str, what: &str) -> Result<(), IdError> {
    let valid = value.len() == prefix.len() + 32
        && value.starts_with(prefix)
        && is_lower_hex(&value.as_bytes()[prefix.len()..]);
    if valid {
        Ok(())
    } else {
        Err(IdError {
            message: format!(
                "expected {what}: `{prefix}` followed by 32 lowercase hex digits, got {}",
                excerpt(value)
            ),
        })
    }
}

macro_rules! prefixed_id {
    ($(#[$doc:meta])* $name:ident, $prefix:literal, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            pub const PREFIX: &'static str = $prefix;

            pub fn new(value: impl Into<String>) -> Result<Self, IdError> {
                let value = value.into();
                check_prefixed(&value, $prefix, $what)?;
                Ok(Self(value))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            pub fn into_string(self) -> String {
                self.0
            }
        }

        string_newtype_impls!($name);
    };
}

macro_rules! string_newtype_impls {
    ($name:ident) => {
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = IdError;
            fn from_str(value: &str) -> Result<Self, IdError> {
                Self::new(value)
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(value: String) -> Result<Self, IdError> {
                Self::new(value)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = String::deserialize(deserializer)?;
                Self::new(value).map_err(serde::de::Error::custom)
            }
        }
    };
}
pub(crate) use string_newtype_impls;

prefixed_id!(
    /// An Avara study: `stu_` + 32 lowercase hex digits.
    StudyId, "stu_", "a study ID"
);
prefixed_id!(
    /// An Avara user: `usr_` + 32 lowercase hex digits.
    UserId, "usr_", "a user ID"
);
prefixed_id!(
    /// A user invitation: `inv_` + 32 lowercase hex digits.
    InvitationId, "inv_", "an invitation ID"
);
prefixed_id!(
    /// An Express customer: `cus_` + 32 lowercase hex digits.
    ExpressCustomerId, "cus_", "an Express customer ID"
);
prefixed_id!(
    /// A webhook delivery: `whe_` + 32 lowercase hex digits.
    WebhookEventId, "whe_", "a webhook event ID"
);
prefixed_id!(
    /// A finished report: `rep_` + 32 lowercase hex digits.
    ReportId, "rep_", "a report ID"
);

/// A UUID in its 8-4-4-4-12 hex form (clinic IDs, raw study UUIDs, API key IDs).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Uuid(String);

impl Uuid {
    pub fn new(value: impl Into<String>) -> Result<Self, IdError> {
        let value = value.into();
        let groups: Vec<&str> = value.split('-').collect();
        let lengths_match = groups.len() == 5
            && groups
                .iter()
                .zip([8, 4, 4, 4, 12])
                .all(|(group, len)| group.len() == len);
        let hex = value.bytes().all(|b| b == b'-' || b.is_ascii_hexdigit());
        if lengths_match && hex {
            Ok(Self(value))
        } else {
            Err(IdError {
                message: format!(
                    "expected a UUID (8-4-4-4-12 hex digits), got {}",
                    excerpt(&value)
                ),
            })
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_newtype_impls!(Uuid);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixed_ids_accept_only_lowercase_hex_of_the_right_length() {
        assert!(StudyId::new("stu_1234567890abcdef1234567890abcdef").is_ok());
        for bad in [
            "stu_1234567890abcdef1234567890abcde",
            "stu_1234567890abcdef1234567890abcdef0",
            "stu_1234567890ABCDEF1234567890abcdef",
            "usr_1234567890abcdef1234567890abcdef",
            "stu_1234567890abcdef1234567890abcdeg",
            "",
        ] {
            let err = StudyId::new(bad).unwrap_err();
            assert!(
                err.message.contains("`stu_` followed by 32"),
                "{}",
                err.message
            );
        }
    }

    #[test]
    fn uuids_need_five_hex_groups() {
        assert!(Uuid::new("3f1c9a3e-8d2b-4c1a-9f00-0123456789ab").is_ok());
        assert!(Uuid::new("3f1c9a3e8d2b4c1a9f000123456789ab").is_err());
        assert!(Uuid::new("3f1c9a3e-8d2b-4c1a-9f00-0123456789ag").is_err());
    }
}
