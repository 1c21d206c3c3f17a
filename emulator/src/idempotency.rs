//! `Idempotency-Key` records: the first answer to a key is replayed for every repeat of
//! the same request, so a retried create never creates twice.
//!
//! Keys are scoped per API key. Only answers the operation itself produced (2xx and
//! 4xx) are recorded; an injected fault that struck before the operation records
//! nothing, while one that struck after it leaves the real answer here for the retry.

use std::collections::{HashMap, VecDeque};

use crate::http::{Request, Response};

/// Oldest records are forgotten beyond this many, as a real API expires them.
const MAX_RECORDS: usize = 10_000;
const MAX_KEY_BYTES: usize = 255;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Fingerprint {
    method: String,
    path: String,
    query: String,
    body: Vec<u8>,
}

impl Fingerprint {
    fn of(request: &Request) -> Fingerprint {
        Fingerprint {
            method: request.method.clone(),
            path: request.path.clone(),
            query: request.query.clone(),
            body: request.body.clone(),
        }
    }
}

struct Record {
    fingerprint: Fingerprint,
    response: Response,
}

pub(crate) enum Lookup {
    Fresh,
    Replay(Response),
    Mismatch,
}

#[derive(Default)]
pub(crate) struct IdempotencyStore {
    records: HashMap<(usize, String), Record>,
    order: VecDeque<(usize, String)>,
}

/// Whether `key` can be used: 1 to 255 printable ASCII characters.
pub(crate) fn valid_key(key: &str) -> bool {
    !key.is_empty() && key.len() <= MAX_KEY_BYTES && key.bytes().all(|byte| byte.is_ascii_graphic())
}

impl IdempotencyStore {
    pub(crate) fn lookup(&self, api_key: usize, key: &str, request: &Request) -> Lookup {
        match self.records.get(&(api_key, key.to_owned())) {
            None => Lookup::Fresh,
            Some(record) if record.fingerprint == Fingerprint::of(request) => {
                Lookup::Replay(record.response.clone())
            }
            Some(_) => Lookup::Mismatch,
        }
    }

    /// Records `response` if it is one worth replaying (2xx or 4xx).
    pub(crate) fn record(
        &mut self,
        api_key: usize,
        key: &str,
        request: &Request,
        response: &Response,
    ) {
        if !(200..300).contains(&response.status) && !(400..500).contains(&response.status) {
            return;
        }
        let id = (api_key, key.to_owned());
        if self.order.len() == MAX_RECORDS
            && let Some(oldest) = self.order.pop_front()
        {
            self.records.remove(&oldest);
        }
        self.order.push_back(id.clone());
        self.records.insert(
            id,
            Record {
                fingerprint: Fingerprint::of(request),
                response: response.clone(),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(path: &str, body: &str) -> Request {
        Request {
            method: "POST".into(),
            path: path.into(),
            query: String::new(),
            headers: Vec::new(),
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn replays_the_same_request_and_refuses_a_different_one() {
        let mut store = IdempotencyStore::default();
        let create = post("/v1/express", "{}");
        let other = post("/v1/express", "{ }");
        assert!(matches!(store.lookup(0, "k", &create), Lookup::Fresh));
        store.record(
            0,
            "k",
            &create,
            &Response::json(200, &serde_json::json!({"ok": true})),
        );
        assert!(
            matches!(store.lookup(0, "k", &create), Lookup::Replay(response) if response.status == 200)
        );
        assert!(matches!(store.lookup(0, "k", &other), Lookup::Mismatch));
        assert!(
            matches!(store.lookup(1, "k", &create), Lookup::Fresh),
            "scoped per API key"
        );
        store.record(
            0,
            "failed",
            &create,
            &Response::json(503, &serde_json::json!({})),
        );
        assert!(
            matches!(store.lookup(0, "failed", &create), Lookup::Fresh),
            "5xx answers are not kept"
        );
    }

    #[test]
    fn key_syntax() {
        assert!(valid_key("idk_0123"));
        assert!(!valid_key(""));
        assert!(!valid_key("with space"));
        assert!(!valid_key(&"k".repeat(256)));
    }
}
