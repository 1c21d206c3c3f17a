//! Parameter checks shared by every request, run before anything is sent. The first
//! problem found is reported with the field's wire name and what was expected.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::dicom::validate_dicom_uid;
use super::ids::check_prefixed;

/// A parameter breaks a rule of the contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamError {
    /// The wire name of the field, e.g. `metadata` or `studyInstanceUid`.
    pub field: String,
    pub message: String,
}

impl ParamError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// Implemented by the string enums: the list of known values when `self` is not one.
pub trait KnownValues {
    fn known(&self) -> Option<&'static [&'static str]>;
}

/// Checks the parameters of one request.
pub trait Validate {
    fn validate(&self) -> Result<(), ParamError>;
}

pub type Metadata = BTreeMap<String, String>;

pub const MAX_METADATA_PAIRS: usize = 50;
pub const MAX_METADATA_KEY_CHARS: usize = 100;
pub const MAX_METADATA_VALUE_CHARS: usize = 1000;
pub const MAX_OPTIONS_BYTES: usize = 3072;

pub fn id(field: &str, value: &str, prefix: &str, what: &str) -> Result<(), ParamError> {
    check_prefixed(value, prefix, what).map_err(|error| ParamError::new(field, error.message))
}

pub fn optional_id(
    field: &str,
    value: Option<&String>,
    prefix: &str,
    what: &str,
) -> Result<(), ParamError> {
    value.map_or(Ok(()), |value| id(field, value, prefix, what))
}

pub fn study_id(field: &str, value: &str) -> Result<(), ParamError> {
    id(field, value, "stu_", "a study ID")
}

pub fn user_id(field: &str, value: &str) -> Result<(), ParamError> {
    id(field, value, "usr_", "a user ID")
}

pub fn invitation_id(field: &str, value: &str) -> Result<(), ParamError> {
    id(field, value, "inv_", "an invitation ID")
}

pub fn express_customer_id(field: &str, value: &str) -> Result<(), ParamError> {
    id(field, value, "cus_", "an Express customer ID")
}

pub fn dicom_uid(field: &str, value: &str) -> Result<(), ParamError> {
    validate_dicom_uid(value).map_err(|error| ParamError::new(field, error.message))
}

pub fn known<E: KnownValues + std::fmt::Display>(field: &str, value: &E) -> Result<(), ParamError> {
    match value.known() {
        None => Ok(()),
        Some(values) => Err(ParamError::new(
            field,
            format!(
                "{value:?} is not one of: {}",
                values.join(", "),
                value = value.to_string()
            ),
        )),
    }
}

pub fn optional_known<E: KnownValues + std::fmt::Display>(
    field: &str,
    value: Option<&E>,
) -> Result<(), ParamError> {
    value.map_or(Ok(()), |value| known(field, value))
}

pub fn required_text(field: &str, value: &str) -> Result<(), ParamError> {
    if value.trim().is_empty() {
        Err(ParamError::new(field, "must not be empty"))
    } else {
        Ok(())
    }
}

pub fn email(field: &str, value: &str) -> Result<(), ParamError> {
    let valid = value.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && domain.contains('.') && !value.chars().any(char::is_whitespace)
    });
    if valid {
        Ok(())
    } else {
        Err(ParamError::new(
            field,
            format!("expected an email address, got {value:?}"),
        ))
    }
}

pub fn phone_number(field: &str, value: Option<&String>) -> Result<(), ParamError> {
    let Some(value) = value else { return Ok(()) };
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let only_digits = value
        .chars()
        .all(|c| c.is_ascii_digit() || (c == '+' && value.starts_with('+')));
    if only_digits && (10..=15).contains(&digits) {
        Ok(())
    } else {
        Err(ParamError::new(
            field,
            format!("expected 10 to 15 digits (an optional leading +), got {value:?}"),
        ))
    }
}

pub fn metadata(field: &str, value: Option<&Metadata>) -> Result<(), ParamError> {
    let Some(pairs) = value else { return Ok(()) };
    if pairs.len() > MAX_METADATA_PAIRS {
        return Err(ParamError::new(
            field,
            format!(
                "has {} pairs; at most {MAX_METADATA_PAIRS} are allowed",
                pairs.len()
            ),
        ));
    }
    for (key, value) in pairs {
        if key.chars().count() > MAX_METADATA_KEY_CHARS {
            return Err(ParamError::new(
                format!("{field}.{key}"),
                format!(
                    "key is {} characters; at most {MAX_METADATA_KEY_CHARS} are allowed",
                    key.chars().count()
                ),
            ));
        }
        if value.chars().count() > MAX_METADATA_VALUE_CHARS {
            return Err(ParamError::new(
                format!("{field}.{key}"),
                format!(
                    "value is {} characters; at most {MAX_METADATA_VALUE_CHARS} are allowed",
                    value.chars().count()
                ),
            ));
        }
    }
    Ok(())
}

pub fn options(field: &str, value: Option<&Map<String, Value>>) -> Result<(), ParamError> {
    let Some(object) = value else { return Ok(()) };
    let size = serde_json::to_string(object).map_or(usize::MAX, |text| text.len());
    if size > MAX_OPTIONS_BYTES {
        return Err(ParamError::new(
            field,
            format!("serializes to {size} bytes; at most {MAX_OPTIONS_BYTES} are allowed"),
        ));
    }
    Ok(())
}

pub fn limit(field: &str, value: Option<u32>) -> Result<(), ParamError> {
    match value {
        Some(limit) if !(1..=100).contains(&limit) => Err(ParamError::new(
            field,
            format!("must be between 1 and 100, got {limit}"),
        )),
        _ => Ok(()),
    }
}

pub fn date(field: &str, value: Option<&String>) -> Result<(), ParamError> {
    let Some(value) = value else { return Ok(()) };
    let bytes = value.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if shaped {
        Ok(())
    } else {
        Err(ParamError::new(
            field,
            format!("expected a date as YYYY-MM-DD, got {value:?}"),
        ))
    }
}

/// "One of studyId or studyInstanceUid": at least one, each in its own format.
pub fn study_lookup(
    study_id: Option<&String>,
    study_instance_uid: Option<&String>,
) -> Result<(), ParamError> {
    if study_id.is_none() && study_instance_uid.is_none() {
        return Err(ParamError::new(
            "studyId",
            "give studyId or studyInstanceUid (or both) to say which study",
        ));
    }
    if let Some(value) = study_id {
        self::study_id("studyId", value)?;
    }
    if let Some(value) = study_instance_uid {
        dicom_uid("studyInstanceUid", value)?;
    }
    Ok(())
}
