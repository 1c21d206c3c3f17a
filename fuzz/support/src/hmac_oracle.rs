//! Signatures computed without the core, to judge what its verifier accepts.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

fn hmac(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("any key length");
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().into()
}

/// The guide's `X-Avara-Signature`: lowercase hex HMAC-SHA256(secret, timestamp ‖ body).
pub fn guide_signature(secret: &[u8], timestamp: &[u8], body: &[u8]) -> String {
    hmac(secret, &[timestamp, body])
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The keys a Standard Webhooks secret may stand for: the base64 after `whsec_`, or the
/// whole text as base64. A verifier that accepts a signature must have used one of them.
pub fn standard_keys(secret: &str) -> Vec<Vec<u8>> {
    [secret.strip_prefix("whsec_"), Some(secret)]
        .into_iter()
        .flatten()
        .filter_map(|encoded| BASE64.decode(encoded).ok())
        .collect()
}

/// A `webhook-signature` entry: `v1,` and the base64 HMAC-SHA256(key, `id.timestamp.body`).
pub fn standard_signature(key: &[u8], id: &[u8], timestamp: &[u8], body: &[u8]) -> String {
    let digest = hmac(key, &[id, b".", timestamp, b".", body]);
    format!("v1,{}", BASE64.encode(digest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_4231_case_2() {
        // Key "Jefe", data "what do ya want for nothing?" split across timestamp and body.
        assert_eq!(
            guide_signature(b"Jefe", b"what do ya want ", b"for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn a_whsec_secret_stands_for_its_decoded_key() {
        assert_eq!(standard_keys("whsec_AAEC"), vec![vec![0, 1, 2]]);
        assert_eq!(standard_keys("AAEC"), vec![vec![0, 1, 2]]);
    }
}
