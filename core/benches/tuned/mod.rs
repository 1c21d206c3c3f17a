//! What a careful engineer writes by hand with the same crates: one keyed HMAC state,
//! the raw body hashed in place, the hex signature decoded and compared in constant
//! time, the freshness checked, and serde_json straight into the event struct.

use hmac::{Hmac, KeyInit, Mac};
use serde::Deserialize;
use sha2::Sha256;

use super::delivery::{Lines, now_ms};

const TOLERANCE_MS: u64 = 5 * 60 * 1000;

pub struct Tuned {
    keyed: Hmac<Sha256>,
}

#[derive(Deserialize)]
pub struct Event {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub data: Data,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Data {
    pub study_id: String,
    pub study_instance_uid: String,
}

impl Tuned {
    pub fn new(secret: &str) -> Tuned {
        Tuned {
            keyed: Hmac::new_from_slice(secret.as_bytes()).expect("any key length"),
        }
    }

    pub fn verify(&self, body: &[u8], lines: &Lines) -> bool {
        let (Some(signature), Some(timestamp)) = (
            header(lines, "x-avara-signature"),
            header(lines, "x-avara-timestamp"),
        ) else {
            return false;
        };
        let Some(expected) = decode_hex(signature.as_bytes()) else {
            return false;
        };
        let Ok(signed_ms) = timestamp.parse::<u64>() else {
            return false;
        };
        let mut mac = self.keyed.clone();
        mac.update(timestamp.as_bytes());
        mac.update(body);
        mac.verify_slice(&expected).is_ok() && now_ms().abs_diff(signed_ms) <= TOLERANCE_MS
    }

    pub fn unwrap(&self, body: &[u8], lines: &Lines) -> Option<Event> {
        if !self.verify(body, lines) {
            return None;
        }
        serde_json::from_slice(body).ok()
    }
}

fn header<'a>(lines: &'a Lines, name: &str) -> Option<&'a str> {
    lines
        .iter()
        .find(|(line, _)| line.eq_ignore_ascii_case(name))
        .map(|(_, value)| value.as_str())
}

fn decode_hex(text: &[u8]) -> Option<[u8; 32]> {
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    if text.len() != 64 {
        return None;
    }
    let mut bytes = [0u8; 32];
    for (byte, pair) in bytes.iter_mut().zip(text.chunks_exact(2)) {
        *byte = (digit(pair[0])? << 4) | digit(pair[1])?;
    }
    Some(bytes)
}
