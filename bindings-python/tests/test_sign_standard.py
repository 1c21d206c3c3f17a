"""sign_standard: the Standard Webhooks headers, and its arguments checked as sign's are."""

from __future__ import annotations

import json
import socket
import threading
from typing import Any, Callable, Dict, Iterable, List, Union
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest

from avara import PayloadNotRawError, Webhook, WebhookVerificationError, sign_standard

SECRET = "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="
SECONDS = 1767225600
BODY = b'{"id":"whe_0123456789abcdef0123456789abcdef","type":"x","data":{}}'


def test_returns_the_three_headers_by_name_in_the_spec_order() -> None:
    headers = sign_standard(SECRET, "msg_1", SECONDS, BODY)
    assert list(headers) == ["webhook-id", "webhook-timestamp", "webhook-signature"]
    assert headers["webhook-id"] == "msg_1"
    assert headers["webhook-timestamp"] == str(SECONDS)
    assert headers["webhook-signature"].startswith("v1,")


@pytest.mark.parametrize("secret", [SECRET, SECRET.removeprefix("whsec_")])
def test_what_it_signs_verifies_with_or_without_the_prefix(secret: str) -> None:
    headers = sign_standard(secret, webhook_id="msg 1 é", timestamp=SECONDS, payload=BODY.decode())
    verified = Webhook(secret, now_ms=SECONDS * 1000).verify(BODY, headers)
    assert (verified.scheme, verified.webhook_id) == ("standard", "msg 1 é")


def test_a_non_ascii_id_verifies_from_the_bytes_that_arrived() -> None:
    headers = sign_standard(SECRET, "msg é 日本", SECONDS, BODY)
    arrived = [(name.encode(), value.encode()) for name, value in headers.items()]  # as ASGI hands them over
    verified = Webhook(SECRET, now_ms=SECONDS * 1000).verify(BODY, arrived)
    assert verified.webhook_id == "msg é 日本"


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_a_non_ascii_id_verifies_from_a_wsgi_environ_which_decodes_one_character_per_byte() -> None:
    headers = sign_standard(SECRET, "msg é 日本", SECONDS, BODY)
    webhook = Webhook(SECRET, now_ms=SECONDS * 1000)

    def application(environ: Dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        # The header view Django and werkzeug give: the environ's HTTP_* strings.
        received = {key[5:].replace("_", "-").lower(): value for key, value in environ.items() if key.startswith("HTTP_")}
        body = environ["wsgi.input"].read(int(environ["CONTENT_LENGTH"]))
        try:
            outcome = webhook.verify(body, received).webhook_id
        except WebhookVerificationError as error:
            outcome = error.code
        start_response("200 OK", [("Content-Type", "application/json")])
        return [json.dumps({"received": received["webhook-id"], "outcome": outcome}).encode()]

    server: WSGIServer = make_server("127.0.0.1", 0, application, handler_class=_QuietHandler)
    thread = threading.Thread(target=server.handle_request)
    thread.start()
    try:
        lines = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
        request = f"POST / HTTP/1.0\r\nContent-Length: {len(BODY)}\r\n{lines}\r\n".encode() + BODY
        with socket.create_connection(("127.0.0.1", server.server_port)) as connection:
            connection.sendall(request)
            chunks: List[bytes] = []
            while chunk := connection.recv(65536):
                chunks.append(chunk)
    finally:
        thread.join()
        server.server_close()
    answer = json.loads(b"".join(chunks).split(b"\r\n\r\n", 1)[1])
    assert answer == {"received": "msg é 日本".encode().decode("latin-1"), "outcome": "msg é 日本"}


def test_an_id_of_bytes_is_read_as_those_bytes_utf8_or_not() -> None:
    headers: Dict[str, Union[str, bytes]] = dict(sign_standard(SECRET, "msg_é", SECONDS, BODY))
    headers["webhook-id"] = "msg_é".encode("latin-1")
    with pytest.raises(WebhookVerificationError) as raised:
        Webhook(SECRET, now_ms=SECONDS * 1000).verify(BODY, headers)
    assert raised.value.code == "malformed_id"


@pytest.mark.parametrize(
    ("secret", "message"),
    [
        (None, "the signing secret is missing"),
        (SECRET.encode(), "the signing secret must be a str"),
        (SECRET + "\udcff", "surrogate"),
        ("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAA", "at least 24 bytes"),
        (SECRET + "\u200b", "invisible character"),
    ],
)
def test_bad_secrets_are_invalid_secret(secret: object, message: str) -> None:
    with pytest.raises(WebhookVerificationError) as raised:
        sign_standard(secret, "msg", SECONDS, BODY)  # type: ignore[arg-type]
    assert raised.value.code == "invalid_secret"
    assert message in raised.value.message
    assert "MDEyMzQ1" not in repr(raised.value)


def test_a_body_that_is_not_raw_is_payload_not_raw() -> None:
    with pytest.raises(PayloadNotRawError):
        sign_standard(SECRET, "msg", SECONDS, {"id": 1})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("webhook_id", "timestamp", "error", "argument"),
    [
        (42, SECONDS, TypeError, "webhook_id"),
        (None, SECONDS, TypeError, "webhook_id"),
        ("msg\ud800", SECONDS, ValueError, "webhook_id"),
        ("msg", str(SECONDS), TypeError, "timestamp"),
        ("msg", True, TypeError, "timestamp"),
        ("msg", float(SECONDS), TypeError, "timestamp"),
        ("msg", -1, ValueError, "timestamp"),
        ("msg", 2**64, ValueError, "timestamp"),
    ],
)
def test_a_bad_id_or_timestamp_is_an_argument_error(
    webhook_id: object, timestamp: object, error: type[Exception], argument: str
) -> None:
    with pytest.raises(error, match=argument) as raised:
        sign_standard(SECRET, webhook_id, timestamp, BODY)  # type: ignore[arg-type]
    assert not isinstance(raised.value, WebhookVerificationError)
