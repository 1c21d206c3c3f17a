//! Just enough HTTP/1.1: reading one request (Content-Length or chunked body,
//! `Expect: 100-continue`) and writing one response, with limits on every part.

use std::io::{self, BufRead, Read, Write};

use serde_json::Value;

const MAX_LINE_BYTES: usize = 16 * 1024;
const MAX_HEADERS: usize = 100;
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
    http_1_0: bool,
}

impl Request {
    /// The value of the first header called `name` (any case).
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(given, _)| given.eq_ignore_ascii_case(name)).map(|(_, value)| value.as_str())
    }

    fn has_token(&self, name: &str, token: &str) -> bool {
        self.headers
            .iter()
            .filter(|(given, _)| given.eq_ignore_ascii_case(name))
            .flat_map(|(_, value)| value.split(','))
            .any(|item| item.trim().eq_ignore_ascii_case(token))
    }

    /// HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 only when asked.
    pub(crate) fn keep_alive(&self) -> bool {
        if self.http_1_0 { self.has_token("connection", "keep-alive") } else { !self.has_token("connection", "close") }
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
        Response { status, headers: vec![("content-type".into(), "application/json".into())], body: text.into_bytes() }
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
}

#[derive(Debug)]
pub(crate) enum ReadError {
    /// The peer closed, went quiet or broke the connection: nothing to answer.
    Closed,
    /// The request breaks HTTP; answer with this status and close.
    Invalid { status: u16, message: String },
}

fn invalid(status: u16, message: impl Into<String>) -> ReadError {
    ReadError::Invalid { status, message: message.into() }
}

/// Reads a line ending in LF (CRLF accepted), without the line ending. `None` at a
/// clean end of stream.
fn read_line<R: BufRead>(reader: &mut R) -> Result<Option<String>, ReadError> {
    let mut line = Vec::new();
    let limit = u64::try_from(MAX_LINE_BYTES).unwrap_or(u64::MAX) + 1;
    let count = reader.by_ref().take(limit).read_until(b'\n', &mut line).map_err(|_| ReadError::Closed)?;
    if count == 0 {
        return Ok(None);
    }
    if line.last() != Some(&b'\n') {
        return Err(if line.len() > MAX_LINE_BYTES {
            invalid(431, "a request line or header is longer than 16 KiB")
        } else {
            ReadError::Closed
        });
    }
    line.pop();
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(Some(String::from_utf8_lossy(&line).into_owned()))
}

/// Reads the next request. `writer` receives the interim `100 Continue` when the
/// client waits for one before sending its body.
pub(crate) fn read_request<R: BufRead, W: Write>(reader: &mut R, writer: &mut W) -> Result<Request, ReadError> {
    // RFC 9112 lets a server skip empty lines before the request line.
    let mut request_line = String::new();
    for _ in 0..4 {
        request_line = read_line(reader)?.ok_or(ReadError::Closed)?;
        if !request_line.is_empty() {
            break;
        }
    }
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(invalid(400, "the request line must be `METHOD target HTTP/1.1`"));
    };
    if method.is_empty() || !method.bytes().all(|byte| byte.is_ascii_uppercase()) {
        return Err(invalid(400, "the method must be an uppercase token"));
    }
    let http_1_0 = match version {
        "HTTP/1.1" => false,
        "HTTP/1.0" => true,
        _ => return Err(invalid(505, "only HTTP/1.1 and HTTP/1.0 are supported")),
    };
    if !target.starts_with('/') {
        return Err(invalid(400, "the request target must be a path starting with /"));
    }
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let headers = read_headers(reader)?;
    let mut request = Request {
        method: method.to_owned(),
        path: path.to_owned(),
        query: query.to_owned(),
        headers,
        body: Vec::new(),
        http_1_0,
    };
    request.body = read_body(&request, reader, writer)?;
    Ok(request)
}

fn read_headers<R: BufRead>(reader: &mut R) -> Result<Vec<(String, String)>, ReadError> {
    let mut headers = Vec::new();
    loop {
        let Some(line) = read_line(reader)? else { return Err(ReadError::Closed) };
        if line.is_empty() {
            return Ok(headers);
        }
        if headers.len() == MAX_HEADERS {
            return Err(invalid(431, format!("more than {MAX_HEADERS} headers")));
        }
        if line.starts_with([' ', '\t']) {
            return Err(invalid(400, "folded header lines are not allowed"));
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(invalid(400, format!("header line without a colon: {:?}", excerpt(&line))));
        };
        if name.is_empty() || name.bytes().any(|byte| !byte.is_ascii_graphic()) {
            return Err(invalid(400, format!("invalid header name {:?}", excerpt(name))));
        }
        headers.push((name.to_owned(), value.trim_matches([' ', '\t']).to_owned()));
    }
}

fn excerpt(text: &str) -> String {
    text.chars().take(60).collect()
}

fn read_body<R: BufRead, W: Write>(request: &Request, reader: &mut R, writer: &mut W) -> Result<Vec<u8>, ReadError> {
    let chunked = match request.header("transfer-encoding") {
        None => false,
        Some(value) if value.eq_ignore_ascii_case("chunked") => true,
        Some(other) => return Err(invalid(501, format!("transfer-encoding {other:?} is not supported"))),
    };
    let length = if chunked { None } else { content_length(request)? };
    if length.is_some_and(|length| length > MAX_BODY_BYTES) {
        return Err(invalid(413, format!("the body is larger than {MAX_BODY_BYTES} bytes")));
    }
    let expects_body = chunked || length.is_some_and(|length| length > 0);
    if expects_body && request.has_token("expect", "100-continue") {
        writer
            .write_all(b"HTTP/1.1 100 Continue\r\n\r\n")
            .and_then(|()| writer.flush())
            .map_err(|_| ReadError::Closed)?;
    }
    if chunked {
        return read_chunked(reader);
    }
    let mut body = vec![0; length.unwrap_or(0)];
    reader.read_exact(&mut body).map_err(|_| ReadError::Closed)?;
    Ok(body)
}

fn content_length(request: &Request) -> Result<Option<usize>, ReadError> {
    let mut length = None;
    for (name, value) in &request.headers {
        if !name.eq_ignore_ascii_case("content-length") {
            continue;
        }
        let parsed = value
            .bytes()
            .all(|byte| byte.is_ascii_digit())
            .then(|| value.parse::<usize>().ok())
            .flatten()
            .ok_or_else(|| invalid(400, format!("invalid Content-Length {value:?}")))?;
        if length.is_some_and(|earlier| earlier != parsed) {
            return Err(invalid(400, "conflicting Content-Length headers"));
        }
        length = Some(parsed);
    }
    Ok(length)
}

fn read_chunked<R: BufRead>(reader: &mut R) -> Result<Vec<u8>, ReadError> {
    let mut body = Vec::new();
    loop {
        let line = read_line(reader)?.ok_or(ReadError::Closed)?;
        let size_text = line.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| invalid(400, format!("invalid chunk size {:?}", excerpt(size_text))))?;
        if size == 0 {
            // Trailer fields are read and ignored.
            read_headers(reader)?;
            return Ok(body);
        }
        if body.len() + size > MAX_BODY_BYTES {
            return Err(invalid(413, format!("the body is larger than {MAX_BODY_BYTES} bytes")));
        }
        let start = body.len();
        body.resize(start + size, 0);
        reader.read_exact(&mut body[start..]).map_err(|_| ReadError::Closed)?;
        if read_line(reader)?.is_none_or(|rest| !rest.is_empty()) {
            return Err(invalid(400, "a chunk is not followed by CRLF"));
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        413 => "Content Too Large",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        _ => "Status",
    }
}

pub(crate) fn write_response<W: Write>(writer: &mut W, response: &Response, keep_alive: bool) -> io::Result<()> {
    let mut out = format!("HTTP/1.1 {} {}\r\n", response.status, reason(response.status)).into_bytes();
    for (name, value) in &response.headers {
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    let connection = if keep_alive { "keep-alive" } else { "close" };
    out.extend_from_slice(
        format!("content-length: {}\r\nconnection: {connection}\r\n\r\n", response.body.len()).as_bytes(),
    );
    out.extend_from_slice(&response.body);
    writer.write_all(&out)?;
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(raw: &str) -> (Result<Request, ReadError>, Vec<u8>) {
        let mut interim = Vec::new();
        let result = read_request(&mut raw.as_bytes(), &mut interim);
        (result, interim)
    }

    #[test]
    fn reads_a_request_with_a_content_length_body() {
        let (request, interim) =
            read("POST /v1/express?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n{}");
        let request = request.unwrap();
        assert_eq!(
            (request.method.as_str(), request.path.as_str(), request.query.as_str()),
            ("POST", "/v1/express", "x=1")
        );
        assert_eq!(request.body, b"{}");
        assert_eq!(request.header("HOST"), Some("a"));
        assert!(request.keep_alive());
        assert_eq!(interim, b"HTTP/1.1 100 Continue\r\n\r\n");
    }

    #[test]
    fn reads_chunked_bodies_and_connection_close() {
        let (request, _) = read(
            "PATCH / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n",
        );
        let request = request.unwrap();
        assert_eq!(request.body, b"abcde");
        assert!(!request.keep_alive());
    }

    #[test]
    fn refuses_broken_requests_with_a_status() {
        for (raw, status) in [
            ("GET /\r\n\r\n", 400),
            ("GET / HTTP/2\r\n\r\n", 505),
            ("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400),
            ("POST / HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n", 413),
            ("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
            ("GET / HTTP/1.1\r\nBad Header\r\n\r\n", 400),
        ] {
            match read(raw).0 {
                Err(ReadError::Invalid { status: got, .. }) => assert_eq!(got, status, "{raw:?}"),
                other => panic!("{raw:?}: {other:?}"),
            }
        }
        assert!(matches!(read("").0, Err(ReadError::Closed)));
        assert!(matches!(read("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab").0, Err(ReadError::Closed)));
    }

    #[test]
    fn writes_length_and_connection_headers() {
        let mut out = Vec::new();
        let response = Response::json(404, &serde_json::json!({"a": 1})).header("x-request-id", "req_1");
        write_response(&mut out, &response, false).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("HTTP/1.1 404 Not Found\r\n"), "{text}");
        assert!(
            text.contains("x-request-id: req_1\r\n")
                && text.contains("content-length: 7\r\nconnection: close\r\n\r\n{\"a\":1}")
        );
    }
}
