//! The deliveries of bench/delivery.json, signed with the current time for each
//! measurement so that the default freshness window holds for the whole run.

use std::time::{SystemTime, UNIX_EPOCH};

use avara::webhooks::{sign, sign_standard};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Fixture {
    pub secret: String,
    pub standard_secret: String,
    webhook_id: String,
    body: String,
    large_bytes: usize,
    request_headers: Vec<(String, String)>,
}

/// The header lines of one request, as a server framework hands them over.
pub type Lines = Vec<(String, String)>;

impl Fixture {
    pub fn load() -> Fixture {
        serde_json::from_str(include_str!("../../../bench/delivery.json"))
            .expect("bench/delivery.json is valid")
    }

    /// (label, body): the realistic delivery and the same event padded to the size limit.
    pub fn bodies(&self) -> [(&'static str, Vec<u8>); 2] {
        let head = &self.body[..self.body.len() - 1];
        let frame = format!("{head},\"padding\":\"\"}}");
        let filler = "x".repeat(self.large_bytes - frame.len());
        let large = format!("{head},\"padding\":\"{filler}\"}}");
        [
            ("delivery", self.body.clone().into_bytes()),
            ("1MiB", large.into_bytes()),
        ]
    }

    /// The request's lines with a fresh X-Avara-Signature and X-Avara-Timestamp.
    pub fn guide_request(&self, body: &[u8]) -> Lines {
        let timestamp = now_ms().to_string();
        let signature = sign(self.secret.as_bytes(), &timestamp, body);
        self.with(&[
            ("x-avara-signature", signature),
            ("x-avara-timestamp", timestamp),
        ])
    }

    /// The request's lines with fresh Standard Webhooks headers.
    pub fn standard_request(&self, body: &[u8]) -> Lines {
        let standard = sign_standard(
            &self.standard_secret,
            &self.webhook_id,
            now_ms() / 1000,
            body,
        )
        .expect("the standard secret is a whsec_ secret");
        self.with(
            &standard
                .pairs()
                .map(|(name, value)| (name, value.to_owned())),
        )
    }

    fn with(&self, signed: &[(&str, String)]) -> Lines {
        let mut lines = self.request_headers.clone();
        lines.extend(
            signed
                .iter()
                .map(|(name, value)| ((*name).to_owned(), value.clone())),
        );
        lines
    }
}

pub fn now_ms() -> u64 {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("the clock is past 1970");
    u64::try_from(since.as_millis()).expect("milliseconds fit in u64")
}
