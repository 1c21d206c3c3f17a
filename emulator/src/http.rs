//! The app's view of one exchange: a [`Request`] read in full and a [`Response`] to
//! send, translated from and to hyper's types. hyper parses the wire format; this
//! module only reads the body within its size and time limits.

use std::error::Error;
use std::time::Duration;

use http_body_util::{BodyExt, LengthLimitError, Limited};
use hyper::body::{Body, Incoming};
use serde_json::Value;

use crate::errors::ApiFailure;

pub(crate) const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Request {
    pub method: String,
    /// The path as sent, still percent-encoded.
    pub path: String,
    /// The query string as sent (without `?`), empty when there is none.
    pub query: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    pub(crate) fn from_head(head: &hyper::http::request::Parts, body: Vec<u8>) -> Request {
        Request {
            method: head.method.as_str().to_owned(),
            path: head.uri.path().to_owned(),
            query: head.uri.query().unwrap_or_default().to_owned(),
            headers: head
                .headers
                .iter()
                .map(|(name, value)| {
                    (
                        name.as_str().to_owned(),
                        String::from_utf8_lossy(value.as_bytes()).into_owned(),
                    )
                })
                .collect(),
            body,
        }
    }

    /// The value of the first header called `name` (any case).
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(given, _)| given.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

fn too_large() -> ApiFailure {
    ApiFailure {
        status: 413,
        code: "bad_request",
        message: format!("the body is larger than {MAX_BODY_BYTES} bytes"),
        field: None,
    }
}

/// Reads the whole body. Once its length is known to exceed the cap (from
/// `Content-Length` before anything is read, or from the bytes received), it stops
/// with a 413; a body that breaks HTTP (a malformed or overflowing chunk size, an
/// early end) gives a 400, and one that is not complete within `timeout` a 408.
pub(crate) async fn read_body(body: Incoming, timeout: Duration) -> Result<Vec<u8>, ApiFailure> {
    // Refusing before the first read also spares a client that sent
    // `Expect: 100-continue` the upload: hyper sends `100 Continue` only on that read.
    if body.size_hint().lower() > MAX_BODY_BYTES as u64 {
        return Err(too_large());
    }
    match tokio::time::timeout(timeout, Limited::new(body, MAX_BODY_BYTES).collect()).await {
        Ok(Ok(collected)) => Ok(Vec::from(collected.to_bytes())),
        Ok(Err(error)) if error.is::<LengthLimitError>() => Err(too_large()),
        Ok(Err(error)) => {
            // hyper names the cause ("invalid chunk size: overflow") in the error's source.
            let causes: Vec<String> =
                std::iter::successors(Some(&*error as &dyn Error), |error| (*error).source())
                    .map(ToString::to_string)
                    .collect();
            Err(ApiFailure::bad_request(format!(
                "the body cannot be read: {}",
                causes.join(": ")
            )))
        }
        Err(_) => Err(ApiFailure {
            status: 408,
            code: "bad_request",
            message: format!("the body did not arrive within {} ms", timeout.as_millis()),
            field: None,
        }),
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub(crate) fn json(status: u16, value: &Value) -> Response {
        Response::json_text(status, value.to_string())
    }

    pub(crate) fn json_text(status: u16, text: String) -> Response {
        Response {
            status,
            headers: vec![("content-type".into(), "application/json".into())],
            body: text.into_bytes(),
        }
    }

    pub(crate) fn html(status: u16, page: String) -> Response {
        Response {
            status,
            headers: vec![("content-type".into(), "text/html; charset=utf-8".into())],
            body: page.into_bytes(),
        }
    }

    pub(crate) fn header(mut self, name: &str, value: impl Into<String>) -> Response {
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    /// hyper adds `content-length` (the body is complete) and `connection` as the
    /// exchange requires. The server sends a `Full<Bytes>` body; the in-process entry
    /// point hands back a `Vec<u8>`.
    pub(crate) fn into_hyper<B: From<Vec<u8>>>(self) -> hyper::Response<B> {
        let mut builder = hyper::Response::builder().status(self.status);
        for (name, value) in self.headers {
            builder = builder.header(name, value);
        }
        builder.body(B::from(self.body)).unwrap_or_else(|error| {
            let failure = ApiFailure {
                status: 500,
                code: "internal_server",
                message: format!("the emulator built an invalid response: {error}"),
                field: None,
            };
            let mut response =
                hyper::Response::new(B::from(failure.body().to_string().into_bytes()));
            *response.status_mut() = hyper::StatusCode::INTERNAL_SERVER_ERROR;
            response
        })
    }
}

#[cfg(test)]
mod tests {
    use http_body_util::Full;
    use hyper::body::Bytes;

    use super::*;

    #[test]
    fn keeps_the_raw_path_query_and_headers() {
        let (head, ()) = hyper::Request::builder()
            .method("POST")
            .uri("/v1/viewer/studies/by-uid/1.2%2E3?limit=2&x=%20")
            .header("Idempotency-Key", "idk_1")
            .body(())
            .unwrap()
            .into_parts();
        let request = Request::from_head(&head, b"{}".to_vec());
        assert_eq!(
            (
                request.method.as_str(),
                request.path.as_str(),
                request.query.as_str()
            ),
            ("POST", "/v1/viewer/studies/by-uid/1.2%2E3", "limit=2&x=%20")
        );
        assert_eq!(request.header("idempotency-key"), Some("idk_1"));
        assert_eq!(request.body, b"{}");
    }

    #[test]
    fn converts_status_headers_and_body() {
        let response = Response::json(404, &serde_json::json!({"a": 1}))
            .header("x-request-id", "req_1")
            .into_hyper::<Full<Bytes>>();
        assert_eq!(response.status(), 404);
        assert_eq!(response.headers()["x-request-id"], "req_1");
        assert_eq!(response.headers()["content-type"], "application/json");
        assert_eq!(response.body().size_hint().exact(), Some(7));
    }

    #[test]
    fn an_unsendable_header_becomes_a_json_500() {
        let response = Response::json(200, &serde_json::json!({}))
            .header("x-bad", "line\nbreak")
            .into_hyper::<Vec<u8>>();
        assert_eq!(response.status(), 500);
    }
}
