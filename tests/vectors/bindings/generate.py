#!/usr/bin/env python3
"""Writes inputs.json: wrong-typed and unusable arguments to every package's webhook
surface, and the error each must give (ARCHITECTURE.md, "Wrong-typed or unusable input").

Values are described neutrally ({"kind": "number"}, {"kind": "null"}, ...); each binding's
runner maps a kind to its language's value (tests/README.md). Text with an unpaired UTF-16
surrogate is written as a JSON escape, which JavaScript, Python and Jackson read into a
string holding it; the file is therefore written ASCII-only. Signatures are computed here
with Python's own hmac, independently of the core.
"""

import base64
import hashlib
import hmac
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOW = 1767225600000
SECRET = "avara_jwt_secret_7Qm2xV9pL4tR8sK1nB6dF3hJ"
SECOND_SECRET = "avara_jwt_secret_rotated_Zc5Yw1Ue8Io4Pa7S"
LONE_HIGH = "\ud800"
LONE_LOW = "\udc00"
BODY = json.dumps(
    {"id": "whe_0123456789abcdef0123456789abcdef", "type": "study.access_requested",
     "data": {"studyId": "stu_1234567890abcdef1234567890abcdef",
              "studyInstanceUid": "1.2.840.113619.2.55.3.604688119.868.1234567890.123"}},
    separators=(",", ":"),
)
SIGNATURE = hmac.new(SECRET.encode(), str(NOW).encode() + BODY.encode(), hashlib.sha256).hexdigest()
URL = "https://pacs.example.com/studies/1/instances/1.dcm"
STANDARD_SECRET = "whsec_" + base64.b64encode(bytes(range(1, 25))).decode()
WEBHOOK_ID = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"
SECONDS = NOW // 1000
STANDARD_HEADERS = {
    "webhook-id": WEBHOOK_ID,
    "webhook-timestamp": str(SECONDS),
    "webhook-signature": "v1," + base64.b64encode(hmac.new(
        bytes(range(1, 25)), f"{WEBHOOK_ID}.{SECONDS}.{BODY}".encode(), hashlib.sha256).digest()).decode(),
}


def text(value):
    return {"kind": "text", "text": value}


def utf8(value):
    return {"kind": "bytes", "hex": value.encode().hex()}


def number(value):
    return {"kind": "number", "number": value}


def listed(*items):
    return {"kind": "list", "items": list(items)}


def parsed(value):
    return {"kind": "object", "object": value}


def milliseconds(value):
    return {"kind": "milliseconds", "ms": value}


NULL = {"kind": "null"}
ABSENT = {"kind": "absent"}
TRUE = {"kind": "boolean", "boolean": True}


class Cases:
    def __init__(self):
        self.next_id = 1

    def case(self, comment, flags, expected, **fields):
        case = {"tcId": self.next_id, "comment": comment, "flags": flags, **fields, **expected}
        self.next_id += 1
        return case


def webhook_error(code, includes=None):
    expected = {"result": "invalid", "error": "webhook", "code": code}
    if includes is not None:
        expected["messageIncludes"] = includes
    return expected


def argument_error(kind, argument):
    return {"result": "invalid", "error": f"argument_{kind}", "argument": argument}


VALID = {"result": "valid"}


def constructor_cases(c):
    secret = lambda comment, value, expected, flags=("Secret",): c.case(comment, list(flags), expected, secret=value)  # noqa: E731
    secrets = lambda comment, items, expected: c.case(comment, ["Secret"], expected, secrets=listed(*items))  # noqa: E731
    option = lambda comment, name, value, expected: c.case(comment, ["Option"], expected, secret=text(SECRET), options={name: value})  # noqa: E731
    return [
        secret("a secret", text(SECRET), VALID),
        secret("a number as the secret", number(12345), webhook_error("invalid_secret", "the webhook secret must be")),
        secret("null as the secret", NULL, webhook_error("invalid_secret", "the webhook secret is missing")),
        secret("no secret at all", ABSENT, webhook_error("invalid_secret", "the webhook secret is missing")),
        secret("the secret's UTF-8 bytes where text is expected", utf8(SECRET), webhook_error("invalid_secret", "the webhook secret must be")),
        secret("a boolean as the secret", TRUE, webhook_error("invalid_secret", "the webhook secret must be")),
        secret("a parsed object as the secret", parsed({"secret": SECRET}), webhook_error("invalid_secret", "the webhook secret must be")),
        secret("a secret ending in an unpaired high surrogate", text(SECRET + LONE_HIGH), webhook_error("invalid_secret", "the webhook secret holds an unpaired UTF-16 surrogate"), ["Secret", "LoneSurrogate"]),
        secret("a secret starting with an unpaired low surrogate", text(LONE_LOW + SECRET), webhook_error("invalid_secret", "the webhook secret holds an unpaired UTF-16 surrogate"), ["Secret", "LoneSurrogate"]),
        secrets("two secrets", [text(SECRET), text(SECOND_SECRET)], VALID),
        secrets("a number in the list", [text(SECRET), number(7)], webhook_error("invalid_secret", "webhook secret #2 must be")),
        secrets("null in the list", [text(SECRET), NULL], webhook_error("invalid_secret", "webhook secret #2 is missing")),
        secrets("bytes in the list", [utf8(SECRET)], webhook_error("invalid_secret", "webhook secret #1 must be")),
        secrets("an unpaired surrogate in the second secret", [text(SECRET), text(SECOND_SECRET + LONE_HIGH)], webhook_error("invalid_secret", "webhook secret #2 holds an unpaired UTF-16 surrogate")),
        secrets("an empty list", [], webhook_error("invalid_secret", "empty")),
        option("a tolerance of text", "tolerance", text("300000"), argument_error("type", "tolerance")),
        option("a tolerance of a boolean", "tolerance", TRUE, argument_error("type", "tolerance")),
        option("a negative tolerance", "tolerance", milliseconds(-1), argument_error("range", "tolerance")),
        option("a zero tolerance", "tolerance", milliseconds(0), VALID),
        option("a payload limit of text", "maxPayloadBytes", text("1024"), argument_error("type", "maxPayloadBytes")),
        option("a negative payload limit", "maxPayloadBytes", number(-1), argument_error("range", "maxPayloadBytes")),
    ]


def verify_cases(c):
    def body(comment, value, expected, call="verify", flags=("Body",)):
        return c.case(comment, list(flags), expected, call=call, body=value)

    def headers(comment, value, expected):
        return c.case(comment, ["Headers"], expected, call="verify", headers=value)

    def header(comment, name, value, expected, call="verify", flags=("HeaderValue",)):
        return c.case(comment, list(flags), expected, call=call, header={"name": name, "value": value})

    not_raw = webhook_error("payload_not_raw", "the payload must be the raw request body")
    headers_not_raw = webhook_error("payload_not_raw", "the headers must be the request's header lines")
    value_not_raw = webhook_error("payload_not_raw", "X-Avara-Signature")
    pair = lambda name, value: listed(text(name), text(value))  # noqa: E731
    return [
        body("the raw body as bytes", utf8(BODY), VALID),
        body("the parsed body", parsed(json.loads(BODY)), not_raw),
        body("a number as the body", number(42), not_raw),
        body("null as the body", NULL, not_raw),
        body("a boolean as the body", TRUE, not_raw),
        body("a list of numbers as the body", listed(number(123), number(34)), not_raw),
        body("body text ending in an unpaired surrogate", text(BODY + LONE_HIGH), webhook_error("payload_not_raw", "unpaired UTF-16 surrogate"), flags=["Body", "LoneSurrogate"]),
        body("unwrap: the parsed body", parsed(json.loads(BODY)), not_raw, call="unwrap"),
        headers("a number as the headers", number(1), headers_not_raw),
        headers("text as the headers", text(SIGNATURE), headers_not_raw),
        headers("null as the headers", NULL, headers_not_raw),
        headers("a boolean as the headers", TRUE, headers_not_raw),
        headers("a pair of three items", listed(listed(text("X-Avara-Signature"), text(SIGNATURE), text("extra")), pair("X-Avara-Timestamp", str(NOW))), headers_not_raw),
        headers("text where a pair belongs", listed(text("X-Avara-Signature"), pair("X-Avara-Timestamp", str(NOW))), headers_not_raw),
        headers("a number as a header name", listed(listed(number(1), text(SIGNATURE)), pair("X-Avara-Timestamp", str(NOW))), headers_not_raw),
        headers("the delivery's lines as (name, value) pairs", listed(pair("X-Avara-Signature", SIGNATURE), pair("X-Avara-Timestamp", str(NOW))), VALID),
        header("a number as the signature", "X-Avara-Signature", number(1), value_not_raw),
        header("a boolean as the signature", "X-Avara-Signature", TRUE, value_not_raw),
        header("an object as the signature", "X-Avara-Signature", parsed({"v": SIGNATURE}), value_not_raw),
        header("a number among the signature's lines", "X-Avara-Signature", listed(text(SIGNATURE), number(1)), value_not_raw),
        header("a nested list as the signature", "X-Avara-Signature", listed(listed(text(SIGNATURE))), value_not_raw),
        header("null among the signature's lines", "X-Avara-Signature", listed(text(SIGNATURE), NULL), value_not_raw),
        header("the timestamp as a number", "X-Avara-Timestamp", number(NOW), webhook_error("payload_not_raw", "X-Avara-Timestamp")),
        header("null as the signature: the header is absent", "X-Avara-Signature", NULL, webhook_error("missing_signature"), flags=["HeaderValue", "Absent"]),
        header("no signature entry at all", "X-Avara-Signature", ABSENT, webhook_error("missing_signature"), flags=["HeaderValue", "Absent"]),
        header("the signature as a list of one line", "X-Avara-Signature", listed(text(SIGNATURE)), VALID),
        header("the signature as a list of two lines", "X-Avara-Signature", listed(text(SIGNATURE), text(SIGNATURE)), webhook_error("duplicate_header")),
        header("the signature as bytes", "X-Avara-Signature", utf8(SIGNATURE), VALID),
        header("the signature ending in an unpaired surrogate", "X-Avara-Signature", text(SIGNATURE + LONE_HIGH), webhook_error("malformed_signature"), flags=["HeaderValue", "LoneSurrogate"]),
        header("a number in a header the core does not read", "X-Request-Count", number(3), VALID, flags=["HeaderValue", "Unread"]),
        header("unwrap: a number as the signature", "X-Avara-Signature", number(1), value_not_raw, call="unwrap"),
    ]


def unsafe_unwrap_cases(c):
    body = lambda comment, value, expected, flags=("Body",): c.case(comment, list(flags), expected, body=value)  # noqa: E731
    not_raw = webhook_error("payload_not_raw", "the payload must be the raw request body")
    return [
        body("the raw body as bytes", utf8(BODY), VALID),
        body("the parsed body", parsed(json.loads(BODY)), not_raw),
        body("null as the body", NULL, not_raw),
        body("body text ending in an unpaired surrogate", text(BODY + LONE_HIGH), webhook_error("payload_not_raw", "unpaired UTF-16 surrogate"), ["Body", "LoneSurrogate"]),
    ]


def sign_cases(c):
    def sign(comment, flags, expected, **argument):
        return c.case(comment, flags, expected, **argument)

    signed = {"result": "valid", "signature": SIGNATURE}
    return [
        sign("the secret as text", ["Secret"], signed, secret=text(SECRET)),
        sign("the secret as bytes", ["Secret"], signed, secret=utf8(SECRET)),
        sign("a number as the secret", ["Secret"], webhook_error("invalid_secret", "the signing secret must be"), secret=number(12345)),
        sign("null as the secret", ["Secret"], webhook_error("invalid_secret", "the signing secret is missing"), secret=NULL),
        sign("a list as the secret", ["Secret"], webhook_error("invalid_secret", "the signing secret must be"), secret=listed(text(SECRET))),
        sign("a secret ending in an unpaired surrogate", ["Secret", "LoneSurrogate"], webhook_error("invalid_secret", "the signing secret holds an unpaired UTF-16 surrogate"), secret=text(SECRET + LONE_HIGH)),
        sign("a boolean as the timestamp", ["Timestamp"], argument_error("type", "timestamp"), timestamp=TRUE),
        sign("null as the timestamp", ["Timestamp"], argument_error("type", "timestamp"), timestamp=NULL),
        sign("an object as the timestamp", ["Timestamp"], argument_error("type", "timestamp"), timestamp=parsed({"ms": NOW})),
        sign("a negative number as the timestamp", ["Timestamp"], argument_error("range", "timestamp"), timestamp=number(-1)),
        sign("timestamp text ending in an unpaired surrogate", ["Timestamp", "LoneSurrogate"], argument_error("value", "timestamp"), timestamp=text(str(NOW) + LONE_HIGH)),
        sign("the parsed body", ["Body"], webhook_error("payload_not_raw", "the payload must be the raw request body"), body=parsed(json.loads(BODY))),
        sign("null as the body", ["Body"], webhook_error("payload_not_raw", "the payload must be the raw request body"), body=NULL),
        sign("body text ending in an unpaired surrogate", ["Body", "LoneSurrogate"], webhook_error("payload_not_raw", "unpaired UTF-16 surrogate"), body=text(BODY + LONE_HIGH)),
    ]


def sign_standard_cases(c):
    def sign(comment, flags, expected, **argument):
        return c.case(comment, flags, expected, **argument)

    secret_error = lambda includes: webhook_error("invalid_secret", includes)  # noqa: E731
    not_raw = webhook_error("payload_not_raw", "the payload must be the raw request body")
    return [
        sign("a whsec_ secret", ["Secret"], {"result": "valid", "signedHeaders": STANDARD_HEADERS}, secret=text(STANDARD_SECRET)),
        sign("a number as the secret", ["Secret"], secret_error("the signing secret must be"), secret=number(12345)),
        sign("null as the secret", ["Secret"], secret_error("the signing secret is missing"), secret=NULL),
        sign("the secret's bytes where text is expected", ["Secret"], secret_error("the signing secret must be"), secret=utf8(STANDARD_SECRET)),
        sign("a secret ending in an unpaired surrogate", ["Secret", "LoneSurrogate"], secret_error("the signing secret holds an unpaired UTF-16 surrogate"), secret=text(STANDARD_SECRET + LONE_HIGH)),
        sign("a secret that is no Standard Webhooks key", ["Secret"], secret_error(None), secret=text("not a base64 key!")),
        sign("a number as the id", ["Option"], argument_error("type", "webhookId"), webhookId=number(1)),
        sign("null as the id", ["Option"], argument_error("type", "webhookId"), webhookId=NULL),
        sign("an id ending in an unpaired surrogate", ["Option", "LoneSurrogate"], argument_error("value", "webhookId"), webhookId=text(WEBHOOK_ID + LONE_HIGH)),
        sign("text as the timestamp", ["Timestamp"], argument_error("type", "timestamp"), timestamp=text(str(SECONDS))),
        sign("a boolean as the timestamp", ["Timestamp"], argument_error("type", "timestamp"), timestamp=TRUE),
        sign("a negative timestamp", ["Timestamp"], argument_error("range", "timestamp"), timestamp=number(-1)),
        sign("the parsed body", ["Body"], not_raw, body=parsed(json.loads(BODY))),
        sign("null as the body", ["Body"], not_raw, body=NULL),
    ]


def response_cases(c):
    def construct(comment, name, args, expected, flags=("Response",)):
        return c.case(comment, list(flags), expected, eventType="study.access_requested", constructor=name, args=args)

    contract = webhook_error("schema_error")
    return [
        construct("authorized with a list of URLs", "authorized", [listed(text(URL))], {"result": "valid", "expected": {"authorized": True, "urls": [URL]}}),
        construct("authorized with a number", "authorized", [number(1)], webhook_error("schema_error", "urls")),
        construct("authorized with null", "authorized", [NULL], webhook_error("schema_error", "urls")),
        construct("authorized with a number among the URLs", "authorized", [listed(text(URL), number(1))], webhook_error("schema_error", "urls")),
        construct("authorized with null among the URLs", "authorized", [listed(text(URL), NULL)], webhook_error("schema_error", "urls")),
        construct("authorized with a URL ending in an unpaired surrogate", "authorized", [listed(text(URL + LONE_HIGH))], contract, ["Response", "LoneSurrogate"]),
        construct("denied with a number", "denied", [number(1)], webhook_error("schema_error", "reason")),
        construct("denied with null", "denied", [NULL], webhook_error("schema_error", "reason")),
        construct("denied with a reason ending in an unpaired surrogate", "denied", [text("no access" + LONE_HIGH)], contract, ["Response", "LoneSurrogate"]),
    ]


def inputs():
    c = Cases()
    groups = [
        {"type": "webhook", "tests": constructor_cases(c)},
        {"type": "verify", "secret": SECRET, "nowMs": NOW, "payload": BODY,
         "headers": [["X-Avara-Signature", SIGNATURE], ["X-Avara-Timestamp", str(NOW)]],
         "tests": verify_cases(c)},
        {"type": "unsafe_unwrap", "tests": unsafe_unwrap_cases(c)},
        {"type": "sign", "secret": SECRET, "timestamp": str(NOW), "payload": BODY, "tests": sign_cases(c)},
        {"type": "sign_standard", "secret": STANDARD_SECRET, "webhookId": WEBHOOK_ID, "timestamp": SECONDS,
         "payload": BODY, "tests": sign_standard_cases(c)},
        {"type": "response", "tests": response_cases(c)},
    ]
    notes = {
        "Secret": "Any problem with a secret, its type included, is invalid_secret.",
        "Body": "A body that is not the raw bytes (or their text) is payload_not_raw.",
        "Headers": "A container that holds no header lines is payload_not_raw.",
        "HeaderValue": "A header the core reads must be text, bytes or a list of them; anything else is payload_not_raw.",
        "Absent": "null, None or undefined as a header value means the header is absent.",
        "Unread": "Headers the core does not read are never examined.",
        "LoneSurrogate": "Text with no UTF-8 form is refused, never replaced; in a header it is a malformed value.",
        "Option": "Options are the language's argument errors, never a webhook error.",
        "Timestamp": "A signer's timestamp is an option-like argument: the language's argument errors.",
        "Response": "A response constructor's arguments follow the contract: schema_error.",
    }
    count = sum(len(group["tests"]) for group in groups)
    return {
        "schema": "binding_inputs_v1",
        "description": "Wrong-typed and unusable arguments to the webhook surface of every package, and the error each gives.",
        "numberOfTests": count,
        "notes": notes,
        "testGroups": groups,
    }


def main():
    document = inputs()
    (HERE / "inputs.json").write_text(json.dumps(document, indent=1) + "\n", encoding="ascii")
    print(f"inputs.json: {document['numberOfTests']} cases")


if __name__ == "__main__":
    main()
