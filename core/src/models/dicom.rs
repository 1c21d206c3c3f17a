//! DICOM UIDs (PS3.5 §9.1): at most 64 characters, dot-separated numeric components,
//! no empty component and no leading zero in a multi-digit component.

use std::fmt;

use super::ids::{IdError, excerpt, string_newtype_impls};

/// A validated DICOM UID such as `1.2.840.113619.2.55.3.604688119.868.1234567890.123`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DicomUid(String);

impl DicomUid {
    pub fn new(value: impl Into<String>) -> Result<Self, IdError> {
        let value = value.into();
        validate_dicom_uid(&value)?;
        Ok(Self(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_newtype_impls!(DicomUid);

/// Checks the DICOM UID rules and says which one a value breaks.
pub fn validate_dicom_uid(value: &str) -> Result<(), IdError> {
    let problem = if value.is_empty() {
        Some("it is empty".to_string())
    } else if value.len() > 64 {
        Some(format!(
            "it is {} characters long (at most 64)",
            value.len()
        ))
    } else if let Some(bad) = value.chars().find(|c| !c.is_ascii_digit() && *c != '.') {
        Some(format!(
            "it contains {bad:?} (only digits and dots are allowed)"
        ))
    } else if value.split('.').any(str::is_empty) {
        Some("it has an empty component".to_string())
    } else if value
        .split('.')
        .any(|part| part.len() > 1 && part.starts_with('0'))
    {
        Some("a multi-digit component starts with 0".to_string())
    } else {
        None
    };
    match problem {
        None => Ok(()),
        Some(problem) => Err(IdError {
            message: format!("expected a DICOM UID, got {}: {problem}", excerpt(value)),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dicom_uid_rules() {
        assert!(validate_dicom_uid("1.2.840.113619.2.55.3.604688119.868.1234567890.123").is_ok());
        assert!(validate_dicom_uid("1.2.0.3").is_ok());
        for (bad, why) in [
            ("", "empty"),
            ("1.2..3", "empty component"),
            ("1.2.03", "starts with 0"),
            ("1.2.3a", "contains 'a'"),
            (".1.2", "empty component"),
        ] {
            let err = validate_dicom_uid(bad).unwrap_err();
            assert!(err.message.contains(why), "{bad}: {}", err.message);
        }
        assert!(
            validate_dicom_uid(&"1".repeat(65))
                .unwrap_err()
                .message
                .contains("at most 64")
        );
    }
}
