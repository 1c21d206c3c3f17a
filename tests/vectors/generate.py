#!/usr/bin/env python3
"""Writes signatures.json, events.json and responses.json.

The signatures are computed here with Python's standard library, independently of the
Rust core, so the vectors check the core rather than echo it. Run it after editing a
case below; the JSON files are what every test suite reads.
"""

import base64
import hashlib
import hmac
import json
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOW = 1767225600000  # 2026-01-01T00:00:00Z
SECRET = "avara_jwt_secret_7Qm2xV9pL4tR8sK1nB6dF3hJ"
SECOND_SECRET = "avara_jwt_secret_rotated_Zc5Yw1Ue8Io4Pa7S"
OTHER_SECRET = "avara_jwt_secret_of_someone_else_00000000"
STANDARD_SECRET = "whsec_" + base64.b64encode(bytes(range(1, 25))).decode()
STUDY_ID = "stu_1234567890abcdef1234567890abcdef"
EVENT_ID = "whe_0123456789abcdef0123456789abcdef"
UID = "1.2.840.113619.2.55.3.604688119.868.1234567890.123"
# At either end of a secret these are padding, not key material (Secret::parse).
INVISIBLE_PADDING = [
    ("a byte order mark (U+FEFF)", "\ufeff"),
    ("a zero-width space (U+200B)", "\u200b"),
    ("a zero-width non-joiner (U+200C)", "\u200c"),
    ("a zero-width joiner (U+200D)", "\u200d"),
    ("a word joiner (U+2060)", "\u2060"),
    ("a Mongolian vowel separator (U+180E)", "\u180e"),
    ("a no-break space (U+00A0)", "\u00a0"),
    ("an ideographic space (U+3000)", "\u3000"),
]
BODY = json.dumps(
    {"id": EVENT_ID, "type": "study.access_requested",
     "data": {"studyId": STUDY_ID, "studyInstanceUid": UID}},
    separators=(",", ":"),
)


def guide_signature(secret, timestamp, body):
    key = secret if isinstance(secret, bytes) else secret.encode()
    body = body if isinstance(body, bytes) else body.encode()
    return hmac.new(key, timestamp.encode() + body, hashlib.sha256).hexdigest()


def standard_signature(secret, msg_id, seconds, body):
    key = base64.b64decode(secret.removeprefix("whsec_"), validate=True)
    body = body if isinstance(body, bytes) else body.encode()
    digest = hmac.new(key, f"{msg_id}.{seconds}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def one_char_per_byte(text):
    """`text` sent as UTF-8 and decoded as ISO-8859-1, as most HTTP servers hand header values over."""
    return text.encode().decode("latin-1")


def standard_key(length, first=1):
    """A Standard Webhooks key of `length` bytes, base64 without the whsec_ prefix."""
    return base64.b64encode(bytes((first + i) % 256 for i in range(length))).decode()


class Counter:
    def __init__(self):
        self.next_id = 1

    def case(self, comment, flags=(), **fields):
        tc = {"tcId": self.next_id, "comment": comment, "flags": list(flags)}
        self.next_id += 1
        tc.update(fields)
        return tc


def body_fields(body):
    if isinstance(body, bytes):
        return {"payloadHex": body.hex()}
    return {"payload": body}


def guide_headers(signature, timestamp):
    return [["X-Avara-Signature", signature], ["X-Avara-Timestamp", timestamp]]


def signatures():
    c = Counter()

    def valid(comment, headers, body=BODY, flags=(), scheme="guide", index=0, webhook_id=None):
        if scheme != "guide" and webhook_id is None:
            webhook_id = next(value for name, value in headers if name == "webhook-id")
        identified = {} if webhook_id is None else {"webhookId": webhook_id}
        return c.case(comment, flags, headers=headers, **body_fields(body),
                      result="valid", scheme=scheme, secretIndex=index, **identified)

    def invalid(comment, headers, code, body=BODY, flags=()):
        return c.case(comment, flags, headers=headers, **body_fields(body),
                      result="invalid", code=code)

    ts = str(NOW)
    good = guide_signature(SECRET, ts, BODY)

    def signed(timestamp, body=BODY, secret=SECRET):
        return guide_headers(guide_signature(secret, timestamp, body), timestamp)

    main = []
    main += [
        valid("a delivery signed now", signed(ts), flags=["Valid"]),
        valid("header names in lower case", [["x-avara-signature", good], ["x-avara-timestamp", ts]], flags=["HeaderCase"]),
        valid("header names in upper case", [["X-AVARA-SIGNATURE", good], ["X-AVARA-TIMESTAMP", ts]], flags=["HeaderCase"]),
        valid("timestamp header first", [["X-Avara-Timestamp", ts], ["X-Avara-Signature", good]], flags=["HeaderCase"]),
        valid("unrelated headers are ignored", [["Content-Type", "application/json"], ["X-Avara-Signature", good], ["X-Avara-Timestamp", ts], ["X-Forwarded-For", "10.0.0.1, 10.0.0.2"]]),
        invalid("both headers missing: the signature is reported first", [], "missing_signature", flags=["MissingHeader"]),
        invalid("timestamp header missing", [["X-Avara-Signature", good]], "missing_timestamp", flags=["MissingHeader"]),
        invalid("signature header missing", [["X-Avara-Timestamp", ts]], "missing_signature", flags=["MissingHeader"]),
        invalid("empty signature header", guide_headers("", ts), "missing_signature", flags=["MissingHeader"]),
        invalid("signature header of spaces", guide_headers("   ", ts), "missing_signature", flags=["MissingHeader"]),
        invalid("empty timestamp header", guide_headers(good, ""), "missing_timestamp", flags=["MissingHeader"]),
        invalid("signature header twice with the same value", [["X-Avara-Signature", good], ["X-Avara-Signature", good], ["X-Avara-Timestamp", ts]], "duplicate_header", flags=["DuplicateHeader"]),
        invalid("signature header twice with different values", [["X-Avara-Signature", "0" * 64], ["x-avara-signature", good], ["X-Avara-Timestamp", ts]], "duplicate_header", flags=["DuplicateHeader"]),
        invalid("timestamp header twice", [["X-Avara-Signature", good], ["X-Avara-Timestamp", ts], ["X-Avara-Timestamp", ts]], "duplicate_header", flags=["DuplicateHeader"]),
        invalid("two signatures joined by a proxy with a comma", guide_headers("0" * 64 + ", " + good, ts), "malformed_signature", flags=["DuplicateHeader"]),
        invalid("underscore header names are different headers", [["X_Avara_Signature", good], ["X_Avara_Timestamp", ts]], "missing_signature", flags=["MissingHeader"]),
        invalid("leading space inside the signature value", guide_headers(" " + good, ts), "malformed_signature", flags=["Whitespace"]),
        invalid("trailing space inside the timestamp value", guide_headers(good, ts + " "), "malformed_timestamp", flags=["Whitespace"]),
        invalid("signature of 63 characters", guide_headers(good[:63], ts), "malformed_signature", flags=["SignatureLength"]),
        invalid("signature of 65 characters", guide_headers(good + "0", ts), "malformed_signature", flags=["SignatureLength"]),
        invalid("signature of one character (never compared as a prefix)", guide_headers(good[:1], ts), "malformed_signature", flags=["SignatureLength"]),
        invalid("signature with a non-hex letter", guide_headers(good[:63] + "g", ts), "malformed_signature"),
        invalid("signature with a dash", guide_headers(good[:63] + "-", ts), "malformed_signature"),
        invalid("signature with a non-ASCII character", guide_headers(good[:63] + "é", ts), "malformed_signature"),
        invalid("the right MAC in upper-case hex", guide_headers(good.upper(), ts), "malformed_signature", flags=["HexCase"]),
        invalid("the right MAC in mixed-case hex", guide_headers(good[:32] + good[32:].upper(), ts), "malformed_signature", flags=["HexCase"]),
        invalid("GitHub-style sha256= prefix", guide_headers("sha256=" + good, ts), "malformed_signature", flags=["ForeignFormat"]),
        invalid("Standard Webhooks-style v1, prefix", guide_headers("v1," + good, ts), "malformed_signature", flags=["ForeignFormat"]),
        invalid("Stripe-style v1= prefix", guide_headers("v1=" + good, ts), "malformed_signature", flags=["ForeignFormat"]),
        invalid("two signatures separated by a comma", guide_headers(good + "," + good, ts), "malformed_signature", flags=["ForeignFormat"]),
        invalid("two signatures separated by a space", guide_headers(good + " " + good, ts), "malformed_signature", flags=["ForeignFormat"]),
        invalid("the right MAC in base64", guide_headers(base64.b64encode(bytes.fromhex(good)).decode(), ts), "malformed_signature", flags=["ForeignFormat"]),
        invalid("signed with another secret", signed(ts, secret=OTHER_SECRET), "signature_mismatch", flags=["WrongMac"]),
        invalid("MAC over another timestamp", guide_headers(guide_signature(SECRET, str(NOW - 1), BODY), ts), "signature_mismatch", flags=["WrongMac"]),
        invalid("all-zero signature", guide_headers("0" * 64, ts), "signature_mismatch", flags=["WrongMac"]),
        invalid("timestamp 'abc'", signed("abc"), "malformed_timestamp", flags=["TimestampGrammar"]),
        invalid("timestamp 'NaN'", signed("NaN"), "malformed_timestamp", flags=["TimestampGrammar"]),
        invalid("negative timestamp", signed("-" + ts), "malformed_timestamp", flags=["TimestampGrammar"]),
        invalid("timestamp with a leading plus", signed("+" + ts), "malformed_timestamp", flags=["TimestampGrammar"]),
        invalid("timestamp with a space inside", signed(ts[:7] + " " + ts[7:]), "malformed_timestamp", flags=["TimestampGrammar"]),
        invalid("timestamp with a leading zero and a valid MAC", signed("0" + ts), "malformed_timestamp", flags=["TimestampGrammar"]),
        invalid("timestamp in exponent notation", signed("1.767e12"), "malformed_timestamp", flags=["TimestampGrammar"]),
        invalid("timestamp in hex", signed(hex(NOW)), "malformed_timestamp", flags=["TimestampGrammar"]),
        invalid("timestamp with digit separators", signed("1_767_225_600_000"), "malformed_timestamp", flags=["TimestampGrammar"]),
        invalid("timestamp with a fraction", signed(ts + ".0"), "malformed_timestamp", flags=["TimestampGrammar"]),
        invalid("timestamp in Arabic-Indic digits", signed("".join(chr(0x0660 + int(d)) for d in ts)), "malformed_timestamp", flags=["TimestampGrammar"]),
        invalid("timestamp in full-width digits", signed("".join(chr(0xFF10 + int(d)) for d in ts)), "malformed_timestamp", flags=["TimestampGrammar"]),
        invalid("timestamp in seconds with a valid MAC", signed(str(NOW // 1000)), "malformed_timestamp", flags=["TimestampUnit"]),
        invalid("timestamp in microseconds with a valid MAC", signed(str(NOW * 1000)), "malformed_timestamp", flags=["TimestampUnit"]),
        invalid("timestamp beyond u64", signed("18446744073709551616"), "malformed_timestamp", flags=["TimestampGrammar"]),
        invalid("timestamp of 40 digits", signed("9" * 40), "malformed_timestamp", flags=["TimestampGrammar"]),
        invalid("one millisecond beyond the future tolerance", signed(str(NOW + 300001)), "timestamp_too_new", flags=["Freshness"]),
        invalid("the largest 13-digit timestamp (year 2286)", signed("9999999999999"), "timestamp_too_new", flags=["Freshness"]),
        invalid("one millisecond beyond the past tolerance", signed(str(NOW - 300001)), "timestamp_too_old", flags=["Freshness"]),
        invalid("the smallest 13-digit timestamp (2001)", signed("1000000000000"), "timestamp_too_old", flags=["Freshness"]),
        valid("exactly the past tolerance is accepted", signed(str(NOW - 300000)), flags=["Freshness"]),
        valid("exactly the future tolerance is accepted", signed(str(NOW + 300000)), flags=["Freshness"]),
        invalid("a digit moved from the body into the timestamp keeps the MAC", guide_headers(guide_signature(SECRET, ts, "123"), ts + "1"), "malformed_timestamp", body="23", flags=["DigitShift"]),
        invalid("a digit moved from the timestamp into the body keeps the MAC", guide_headers(guide_signature(SECRET, ts, "123"), ts[:-1]), "malformed_timestamp", body=ts[-1] + "123", flags=["DigitShift"]),
        invalid("grammar is checked before the MAC", guide_headers("0" * 64, "abc"), "malformed_timestamp", flags=["CheckOrder"]),
        invalid("the MAC is checked before freshness", guide_headers("0" * 64, "1000000000000"), "signature_mismatch", flags=["CheckOrder"]),
        invalid("body re-serialized with spaces", signed(ts), "signature_mismatch", body=json.dumps(json.loads(BODY)), flags=["Reserialized"]),
        invalid("body re-serialized with other key order", signed(ts), "signature_mismatch", body=json.dumps(json.loads(BODY), sort_keys=True, separators=(",", ":")), flags=["Reserialized"]),
        invalid("body re-serialized with \\u escapes", signed(ts), "signature_mismatch", body=BODY.replace("s", "\\u0073", 1), flags=["Reserialized"]),
        invalid("body re-serialized with escaped slashes", signed(ts, body='{"url":"https://x/y"}'), "signature_mismatch", body='{"url":"https:\\/\\/x\\/y"}', flags=["Reserialized"]),
        invalid("CRLF rewritten to LF by a proxy", signed(ts, body="{\r\n}"), "signature_mismatch", body="{\n}", flags=["Reserialized"]),
        invalid("body normalized from NFC to NFD", signed(ts, body='{"name":"' + unicodedata.normalize("NFC", "é") + '"}'), "signature_mismatch", body='{"name":"' + unicodedata.normalize("NFD", "é") + '"}', flags=["Reserialized"]),
        valid("body with a byte order mark verifies (parsing rejects it later)", signed(ts, body=b"\xef\xbb\xbf" + BODY.encode()), body=b"\xef\xbb\xbf" + BODY.encode(), flags=["RawBytes"]),
        valid("invalid UTF-8 body verifies over the raw bytes", signed(ts, body=b"\xff\xfe\x00{"), body=b"\xff\xfe\x00{", flags=["RawBytes"]),
        valid("empty body verifies", signed(ts, body=""), body="", flags=["RawBytes"]),
        valid("non-JSON body verifies", signed(ts, body="hello"), body="hello", flags=["RawBytes"]),
        invalid("Standard Webhooks headers with a secret that is not whsec_", [["webhook-id", "msg_1"], ["webhook-timestamp", str(NOW // 1000)], ["webhook-signature", "v1," + "A" * 43 + "="]], "invalid_secret", flags=["Standard"]),
    ]

    non_ascii_secret = "clé-secrète-partagée-de-l'intégration"
    whsec_as_guide = STANDARD_SECRET
    rotation = [
        valid("signed with the first secret", signed(ts), index=0, flags=["Rotation"]),
        valid("signed with the second secret", signed(ts, secret=SECOND_SECRET), index=1, flags=["Rotation"]),
        invalid("signed with neither secret", signed(ts, secret=OTHER_SECRET), "signature_mismatch", flags=["Rotation"]),
    ]
    size_limit = [
        valid("body exactly at the limit", signed(ts, body="x" * 64), body="x" * 64, flags=["PayloadSize"]),
        invalid("body one byte over the limit", signed(ts, body="x" * 65), "payload_too_large", body="x" * 65, flags=["PayloadSize"]),
        invalid("the size is checked before the headers", [], "payload_too_large", body="x" * 65, flags=["PayloadSize", "CheckOrder"]),
    ]
    no_freshness = [
        valid("a 2001 delivery verifies with the check off", signed("1000000000000"), flags=["Freshness"]),
        valid("a 2286 delivery verifies with the check off", signed("9999999999999"), flags=["Freshness"]),
        invalid("the grammar still applies with the check off", signed(str(NOW // 1000)), "malformed_timestamp", flags=["Freshness"]),
    ]
    one_sided = [
        invalid("one millisecond in the future with no future tolerance", signed(str(NOW + 1)), "timestamp_too_new", flags=["Freshness"]),
        valid("now with no future tolerance", signed(ts), flags=["Freshness"]),
        valid("exactly the past tolerance of 1000 ms", signed(str(NOW - 1000)), flags=["Freshness"]),
        invalid("past tolerance of 1000 ms exceeded by 1 ms", signed(str(NOW - 1001)), "timestamp_too_old", flags=["Freshness"]),
    ]
    special_secrets = [
        valid("non-ASCII secret used as its UTF-8 bytes", signed(ts, secret=non_ascii_secret), flags=["SecretBytes"]),
        invalid("NFD form of the non-ASCII secret is another key", signed(ts, secret=unicodedata.normalize("NFD", non_ascii_secret)), "signature_mismatch", flags=["SecretBytes"]),
    ]
    whsec_guide = [
        valid("a whsec_ secret is used verbatim for the guide's scheme", signed(ts, secret=whsec_as_guide), flags=["SecretBytes"]),
        invalid("a whsec_ secret is not base64-decoded for the guide's scheme", signed(ts, secret=base64.b64decode(whsec_as_guide[6:])), "signature_mismatch", flags=["SecretBytes"]),
    ]

    seconds = str(NOW // 1000)
    msg_id = "msg_2Lp7Qd9xWc"
    sw_good = standard_signature(STANDARD_SECRET, msg_id, seconds, BODY)

    def sw_headers(signature=sw_good, timestamp=seconds, ident=msg_id):
        return [["webhook-id", ident], ["webhook-timestamp", timestamp], ["webhook-signature", signature]]

    other_sw = "whsec_" + base64.b64encode(bytes(range(100, 124))).decode()
    standard = [
        valid("Standard Webhooks delivery", sw_headers(), scheme="standard", flags=["Standard"]),
        valid("one of several signatures matches", sw_headers(standard_signature(other_sw, msg_id, seconds, BODY) + " " + sw_good), scheme="standard", flags=["Standard"]),
        valid("entries of other versions are skipped", sw_headers("v2,abc " + sw_good), scheme="standard", flags=["Standard"]),
        invalid("no v1 entry", sw_headers("v2," + sw_good[3:]), "malformed_signature", flags=["Standard"]),
        invalid("signed with another key", sw_headers(standard_signature(other_sw, msg_id, seconds, BODY)), "signature_mismatch", flags=["Standard"]),
        invalid("MAC over another id", sw_headers(ident="msg_other"), "signature_mismatch", flags=["Standard"]),
        invalid("signed six minutes ago", sw_headers(standard_signature(STANDARD_SECRET, msg_id, str(NOW // 1000 - 360), BODY), str(NOW // 1000 - 360)), "timestamp_too_old", flags=["Standard", "Freshness"]),
        invalid("timestamp in milliseconds", sw_headers(standard_signature(STANDARD_SECRET, msg_id, str(NOW), BODY), str(NOW)), "malformed_timestamp", flags=["Standard", "TimestampUnit"]),
        invalid("webhook-id missing", [["webhook-timestamp", seconds], ["webhook-signature", sw_good]], "missing_id", flags=["Standard", "MissingHeader"]),
        invalid("webhook-signature missing", [["webhook-id", msg_id], ["webhook-timestamp", seconds]], "missing_signature", flags=["Standard", "MissingHeader"]),
        invalid("webhook-timestamp missing", [["webhook-id", msg_id], ["webhook-signature", sw_good]], "missing_timestamp", flags=["Standard", "MissingHeader"]),
        invalid("webhook-id twice", sw_headers() + [["Webhook-Id", msg_id]], "duplicate_header", flags=["Standard", "DuplicateHeader"]),
        valid("webhook-id with a space", sw_headers(standard_signature(STANDARD_SECRET, "msg 1", seconds, BODY), ident="msg 1"), scheme="standard", flags=["Standard", "AnyId"]),
        valid("webhook-id with non-ASCII text, signed as UTF-8", sw_headers(standard_signature(STANDARD_SECRET, "msg_é_日本", seconds, BODY), ident="msg_é_日本"), scheme="standard", flags=["Standard", "AnyId"]),
        valid("webhook-id outside ASCII as a server hands it over, one character per byte it received", sw_headers(standard_signature(STANDARD_SECRET, "msg_café_日本", seconds, BODY), ident=one_char_per_byte("msg_café_日本")), scheme="standard", webhook_id="msg_café_日本", flags=["Standard", "AnyId", "HeaderText"]),
        valid("webhook-id of Latin-1 letters as the text it is", sw_headers(standard_signature(STANDARD_SECRET, "msg_café", seconds, BODY), ident="msg_café"), scheme="standard", flags=["Standard", "AnyId", "HeaderText"]),
        valid("webhook-id of Latin-1 letters as a server hands it over", sw_headers(standard_signature(STANDARD_SECRET, "msg_café", seconds, BODY), ident=one_char_per_byte("msg_café")), scheme="standard", webhook_id="msg_café", flags=["Standard", "AnyId", "HeaderText"]),
        invalid("webhook-id text that is UTF-8 one byte per character stands for those bytes, not its own UTF-8", sw_headers(standard_signature(STANDARD_SECRET, "msg_Ã©", seconds, BODY), ident="msg_Ã©"), "signature_mismatch", flags=["Standard", "HeaderText"]),
        valid("webhook-id of 1000 characters", sw_headers(standard_signature(STANDARD_SECRET, "m" * 1000, seconds, BODY), ident="m" * 1000), scheme="standard", flags=["Standard", "AnyId"]),
        valid("webhook-id with dots, commas and a leading space", sw_headers(standard_signature(STANDARD_SECRET, " a.b,c", seconds, BODY), ident=" a.b,c"), scheme="standard", flags=["Standard", "AnyId"]),
        invalid("webhook-id of spaces only", sw_headers(ident="   "), "missing_id", flags=["Standard", "MissingHeader"]),
        valid("both header sets present and both valid", sw_headers() + guide_headers(guide_signature(STANDARD_SECRET, ts, BODY), ts), scheme="both", flags=["Standard", "BothSchemes"]),
        invalid("both header sets present, the Standard one wrong", sw_headers(standard_signature(other_sw, msg_id, seconds, BODY)) + guide_headers(guide_signature(STANDARD_SECRET, ts, BODY), ts), "signature_mismatch", flags=["Standard", "BothSchemes"]),
        invalid("both header sets present, the guide one wrong", sw_headers() + guide_headers("0" * 64, ts), "signature_mismatch", flags=["Standard", "BothSchemes"]),
    ]

    bare = standard_key(32, first=7)
    bare_key = [
        valid("a bare base64 key verifies Standard Webhooks deliveries", sw_headers(standard_signature(bare, msg_id, seconds, BODY)), scheme="standard", flags=["Standard", "BareKey"]),
        valid("a bare base64 key is still used verbatim for the guide's scheme", signed(ts, secret=bare), flags=["BareKey", "SecretBytes"]),
        invalid("a bare base64 key is not decoded for the guide's scheme", signed(ts, secret=base64.b64decode(bare)), "signature_mismatch", flags=["BareKey", "SecretBytes"]),
    ]
    short_bare = "A" * 30 + "=="  # 32 characters of base64, 22 bytes decoded
    short_bare_key = [
        valid("a 32-character secret whose base64 is a 22-byte key signs the guide's scheme", signed(ts, secret=short_bare), flags=["BareKey"]),
        invalid("the same secret is no Standard Webhooks key: 22 bytes are under 24", sw_headers(standard_signature(short_bare, msg_id, seconds, BODY)), "invalid_secret", flags=["Standard", "BareKey"]),
    ]

    def verify_group(secrets, cases, config=None, now=NOW):
        return {"type": "verify", "secrets": secrets, "config": config or {}, "nowMs": now, "tests": cases}

    secret_cases = [
        c.case("empty secret", ["SecretRules"], secrets=[""], result="invalid", code="invalid_secret"),
        c.case("secret with a leading space", ["SecretRules"], secrets=[" " + SECRET], result="invalid", code="invalid_secret"),
        c.case("secret with a trailing newline (env file)", ["SecretRules"], secrets=[SECRET + "\n"], result="invalid", code="invalid_secret"),
        c.case("secret of 31 bytes", ["SecretRules"], secrets=["s" * 31], result="invalid", code="invalid_secret"),
        c.case("secret of 32 bytes", ["SecretRules"], secrets=["s" * 32], result="valid"),
        c.case("16 two-byte characters are 32 bytes", ["SecretRules"], secrets=["é" * 16], result="valid"),
        c.case("empty list of secrets", ["SecretRules"], secrets=[], result="invalid", code="invalid_secret"),
        c.case("one bad secret in a rotation list", ["SecretRules"], secrets=[SECRET, "short"], result="invalid", code="invalid_secret"),
    ]
    for name, padding in INVISIBLE_PADDING:
        secret_cases += [
            c.case(f"secret ending in {name}", ["SecretRules", "InvisiblePadding"], secrets=[SECRET + padding], result="invalid", code="invalid_secret"),
            c.case(f"secret starting with {name}", ["SecretRules", "InvisiblePadding"], secrets=[padding + SECRET], result="invalid", code="invalid_secret"),
        ]
    secret_cases += [
        c.case("a zero-width joiner inside the secret is part of it", ["SecretRules", "InvisiblePadding"], secrets=[SECRET[:10] + "\u200d" + SECRET[10:]], result="valid"),
        c.case("whsec_ secret ending in a byte order mark", ["SecretRules", "InvisiblePadding"], secrets=[STANDARD_SECRET + "\ufeff"], result="invalid", code="invalid_secret"),
        c.case("whsec_ key of 24 bytes", ["SecretRules", "StandardKey"], secrets=["whsec_" + standard_key(24)], result="valid"),
        c.case("whsec_ key of 23 bytes (38 characters of text)", ["SecretRules", "StandardKey"], secrets=["whsec_" + standard_key(23)], result="invalid", code="invalid_secret"),
        c.case("whsec_ key of 20 bytes (34 characters of text)", ["SecretRules", "StandardKey"], secrets=["whsec_" + standard_key(20)], result="invalid", code="invalid_secret"),
        c.case("whsec_ key of 64 bytes", ["SecretRules", "StandardKey"], secrets=["whsec_" + standard_key(64)], result="valid"),
        c.case("whsec_ key of 100 bytes: no upper bound", ["SecretRules", "StandardKey"], secrets=["whsec_" + standard_key(100)], result="valid"),
        c.case("whsec_ followed by text that is not base64", ["SecretRules", "StandardKey"], secrets=["whsec_" + "not-base64-at-all!" * 3], result="invalid", code="invalid_secret"),
        c.case("whsec_ followed by base64 missing its padding", ["SecretRules", "StandardKey"], secrets=["whsec_" + standard_key(25).rstrip("=")], result="invalid", code="invalid_secret"),
        c.case("whsec_ and nothing else", ["SecretRules", "StandardKey"], secrets=["whsec_"], result="invalid", code="invalid_secret"),
        c.case("bare base64 key of 24 bytes", ["SecretRules", "BareKey"], secrets=[standard_key(24)], result="valid"),
    ]

    rfc4231 = [
        ("0b" * 20, b"Hi There".hex(), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (b"Jefe".hex(), b"what do ya want for nothing?".hex(), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        ("aa" * 20, "dd" * 50, "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        (bytes(range(1, 26)).hex(), "cd" * 50, "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        ("aa" * 131, b"Test Using Larger Than Block-Size Key - Hash Key First".hex(), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        ("aa" * 131, b"This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.".hex(), "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]
    sign_cases = []
    for number, (key, data, tag) in zip([1, 2, 3, 4, 6, 7], rfc4231, strict=True):
        assert hmac.new(bytes.fromhex(key), bytes.fromhex(data), hashlib.sha256).hexdigest() == tag
        sign_cases.append(c.case(f"RFC 4231 test case {number}", ["Rfc4231"], keyHex=key, timestamp="", payloadHex=data, signature=tag))
    sign_cases.append(c.case("the guide's scheme: timestamp text then the body", ["GuideScheme"], keyHex=SECRET.encode().hex(), timestamp=ts, payloadHex=BODY.encode().hex(), signature=good))

    def sign_standard(comment, flags, secret, ident, seconds_value, body=BODY, code=None):
        fields = {"secret": secret, "webhookId": ident, "timestamp": seconds_value, **body_fields(body)}
        if code:
            return c.case(comment, flags, **fields, result="invalid", code=code)
        headers = [["webhook-id", ident], ["webhook-timestamp", str(seconds_value)],
                   ["webhook-signature", standard_signature(secret, ident, seconds_value, body)]]
        return c.case(comment, flags, **fields, result="valid", headers=headers)

    reference = sign_standard("the reference libraries' signing vector", ["StandardReference"], "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, '{"test": 2432232314}')
    assert reference["headers"][2][1] == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    sign_standard_cases = [
        reference,
        sign_standard("a delivery of the Standard group above", ["StandardSign"], STANDARD_SECRET, msg_id, int(seconds)),
        sign_standard("a bare base64 key signs as its whsec_ form does", ["StandardSign", "BareKey"], STANDARD_SECRET.removeprefix("whsec_"), msg_id, int(seconds)),
        sign_standard("an id with a space and non-ASCII text is signed as UTF-8", ["StandardSign", "AnyId"], STANDARD_SECRET, "msg 1 é", int(seconds)),
        sign_standard("raw bytes that are not UTF-8", ["StandardSign", "RawBytes"], STANDARD_SECRET, msg_id, int(seconds), body=b"\xff\xfe\x00{"),
        sign_standard("an empty body", ["StandardSign", "RawBytes"], STANDARD_SECRET, msg_id, 1, body=""),
        sign_standard("a secret that is not base64", ["StandardSign", "SecretRules"], SECRET, msg_id, int(seconds), code="invalid_secret"),
        sign_standard("a whsec_ key of 23 bytes", ["StandardSign", "StandardKey"], "whsec_" + standard_key(23), msg_id, int(seconds), code="invalid_secret"),
        sign_standard("a whsec_ secret ending in a zero-width space", ["StandardSign", "InvisiblePadding"], STANDARD_SECRET + "\u200b", msg_id, int(seconds), code="invalid_secret"),
    ]

    groups = [
        verify_group([SECRET], main),
        verify_group([SECRET, SECOND_SECRET], rotation),
        verify_group([SECRET], size_limit, {"maxPayloadBytes": 64}),
        verify_group([SECRET], no_freshness, {"toleranceMs": None}),
        verify_group([SECRET], one_sided, {"pastToleranceMs": 1000, "futureToleranceMs": 0}),
        verify_group([non_ascii_secret], special_secrets),
        verify_group([whsec_as_guide], whsec_guide),
        verify_group([STANDARD_SECRET], standard),
        verify_group([bare], bare_key),
        verify_group([short_bare], short_bare_key),
        {"type": "secret", "tests": secret_cases},
        {"type": "sign", "tests": sign_cases},
        {"type": "signStandard", "tests": sign_standard_cases},
    ]
    notes = {
        "Valid": "A correctly signed, fresh delivery.",
        "HeaderCase": "Header names are case-insensitive (RFC 9110).",
        "MissingHeader": "Absent, empty or whitespace-only headers count as missing; the signature is reported before the timestamp.",
        "DuplicateHeader": "A header seen twice is rejected instead of picking one value; a proxy-joined value fails the grammar.",
        "Whitespace": "Whitespace handed to the core is part of the value and breaks the grammar.",
        "SignatureLength": "Only exactly 64 hex characters are compared (no prefix comparison, CVE-2024-21491).",
        "HexCase": "One canonical form: lowercase hex.",
        "ForeignFormat": "Formats of other schemes get a hint instead of a silent mismatch.",
        "WrongMac": "Well-formed but not produced by the secret over this timestamp and body.",
        "TimestampGrammar": "Exactly 13 ASCII digits, no sign, whitespace, leading zero or other numerals.",
        "TimestampUnit": "Seconds and microseconds are rejected, never auto-detected.",
        "Freshness": "Two-sided, inclusive window, configurable per side or off.",
        "DigitShift": "timestamp‖body has no delimiter; the 13-digit rule makes the split unambiguous.",
        "CheckOrder": "Size, then headers, then grammar, then MAC, then freshness.",
        "Reserialized": "The MAC covers the exact bytes; any rewrite of the body fails.",
        "RawBytes": "Verification does not decode the body; parsing is a later, separate step.",
        "Rotation": "Several secrets: any may match, and the index of the match is reported.",
        "PayloadSize": "The size limit is inclusive and checked first.",
        "SecretBytes": "The secret is used as its UTF-8 bytes, without normalisation or decoding.",
        "SecretRules": "Empty, padded (whitespace or an invisible character at either end) or short secrets are refused when the verifier is built: under 32 bytes of text, or, after whsec_, under 24 bytes of key.",
        "InvisiblePadding": "Unicode White_Space and the invisible U+180E, U+200B, U+200C, U+200D, U+2060 and U+FEFF count as padding at either end; inside a secret they are part of it.",
        "StandardKey": "After whsec_ comes a padded base64 key of at least 24 bytes (the Standard Webhooks minimum); longer keys are accepted.",
        "BareKey": "A secret without whsec_ that is base64 of at least 24 bytes is also a Standard Webhooks key; the guide's scheme uses its text verbatim.",
        "AnyId": "webhook-id may be any non-blank text; the MAC covers its UTF-8 bytes.",
        "HeaderText": "A header value given as text stands for the bytes it was received as: one byte per character when every character is at most U+00FF and those bytes are UTF-8 (what servers decoding ISO-8859-1 hand over), its UTF-8 otherwise. The id handed back is the text of those bytes.",
        "Standard": "Standard Webhooks, as the official SDKs verify it.",
        "BothSchemes": "When both header sets are present, both must verify.",
        "Rfc4231": "HMAC-SHA256 known answers for the plumbing.",
        "GuideScheme": "HMAC-SHA256 over the timestamp text followed by the body.",
        "StandardReference": "The signing test vector of the Standard Webhooks reference libraries.",
        "StandardSign": "The three Standard Webhooks headers for a secret, an id, a timestamp in seconds and a body.",
    }
    return document("webhook_signatures_v1", "Webhook signature verification: both schemes, rotation, clock edges and the bad-input catalog.", notes, groups)


def document(schema, description, notes, groups):
    count = sum(len(group["tests"]) for group in groups)
    return {"schema": schema, "description": description, "numberOfTests": count, "notes": notes, "testGroups": groups}


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def events():
    c = Counter()
    clinic = "3f1c9a3e-8d2b-4c1a-9f00-0123456789ab"
    report_id = "rep_fedcba9876543210fedcba9876543210"

    def event(event_type, data, ident=EVENT_ID):
        return {"id": ident, "type": event_type, "data": data}

    def valid(comment, body, expected, flags=()):
        text = body if isinstance(body, (str, bytes)) else compact(body)
        return c.case(comment, flags, **body_fields(text), result="valid", expected=expected)

    def invalid(comment, body, code, flags=()):
        text = body if isinstance(body, (str, bytes)) else compact(body)
        return c.case(comment, flags, **body_fields(text), result="invalid", code=code)

    study = event("study.access_requested", {"studyId": STUDY_ID, "studyInstanceUid": UID})
    examples = [
        study,
        event("ephemeral.access_requested", {"retrievalId": "ret-7731", "options": {"priorCount": 2, "layout": {"rows": 1}}}),
        event("secondary_capture.access_requested", {"studyId": STUDY_ID, "studyInstanceUid": UID, "seriesInstanceUid": "1.2.3.4", "sopInstanceUid": "1.2.3.4.5"}),
        event("report.delivered", {"isCritical": True, "presignedUrl": "https://reports.example/r.pdf?sig=1", "reportId": report_id, "studyId": STUDY_ID, "plainText": "No acute findings."}),
        event("modality_worklist.requested", {"callingAe": "CT_SCANNER_1", "clinicId": clinic, "dateEnd": "2026-01-02", "dateStart": "2026-01-01", "sourceIp": "203.0.113.7", "modality": "CT"}),
        event("patient_study.enrichment_requested", {"clinicId": clinic, "studyInstanceUid": UID, "accessionNumber": "ACC123", "patientId": "PID-9"}),
        event("clinical_context.enrichment_requested", {"clinicId": clinic, "studyId": "0b7c2a9e-1f3d-4e5a-8b6c-7d8e9f0a1b2c", "studyInstanceUid": UID, "externalPatientId": "EXT-1", "mrn": "MRN-42"}),
    ]
    cases = [valid(f"{e['type']} with every field", e, e, ["KnownType"]) for e in examples]

    def with_data(**changes):
        data = dict(study["data"])
        for key, value in changes.items():
            if value is None:
                data.pop(key)
            else:
                data[key] = value
        return {**study, "data": data}

    def without(key):
        return {k: v for k, v in study.items() if k != key}

    cases += [
        valid("study.access_requested with only the required fields of ephemeral options absent", event("ephemeral.access_requested", {"retrievalId": "r"}), event("ephemeral.access_requested", {"retrievalId": "r"}), ["KnownType"]),
        valid("unknown fields at every level are ignored", {**study, "createdAt": "2026-01-01", "data": {**study["data"], "priority": "high"}}, study, ["ExtraFields"]),
        valid("fields in another order", {"data": study["data"], "type": study["type"], "id": study["id"]}, study, ["ExtraFields"]),
        valid("an optional field set to null counts as absent", event("report.delivered", {**examples[3]["data"], "plainText": None}), event("report.delivered", {k: v for k, v in examples[3]["data"].items() if k != "plainText"}), ["KnownType"]),
        valid("an unknown event type is kept whole", {"id": EVENT_ID, "type": "study.created", "data": {"x": [1, 2.5, None, True]}}, {"type": "unknown", "eventType": "study.created", "raw": {"id": EVENT_ID, "type": "study.created", "data": {"x": [1, 2.5, None, True]}}}, ["UnknownType"]),
        valid("an unknown event type needs nothing but its type", {"type": "future.event"}, {"type": "unknown", "eventType": "future.event", "raw": {"type": "future.event"}}, ["UnknownType"]),
        valid("64 levels of nesting are accepted", '{"type":"deep","raw":' + "[" * 63 + "]" * 63 + "}", {"type": "unknown", "eventType": "deep", "raw": {"type": "deep", "raw": json.loads("[" * 63 + "]" * 63)}}, ["Nesting"]),
        invalid("65 levels of nesting are refused", '{"type":"deep","raw":' + "[" * 64 + "]" * 64 + "}", "invalid_payload", ["Nesting"]),
        invalid("100000 levels of nesting are refused without a stack overflow", "[" * 100000 + "]" * 100000, "invalid_payload", ["Nesting"]),
        invalid("duplicate type key", '{"id":"' + EVENT_ID + '","type":"report.delivered","type":"study.access_requested","data":' + compact(study["data"]) + "}", "invalid_payload", ["DuplicateKey"]),
        invalid("duplicate key inside data", '{"id":"' + EVENT_ID + '","type":"study.access_requested","data":{"studyId":"' + STUDY_ID + '","studyId":"' + STUDY_ID + '","studyInstanceUid":"' + UID + '"}}', "invalid_payload", ["DuplicateKey"]),
        invalid("body with a byte order mark", b"\xef\xbb\xbf" + compact(study).encode(), "invalid_payload", ["Encoding"]),
        invalid("invalid UTF-8", b'{"type":"\xff"}', "invalid_payload", ["Encoding"]),
        invalid("empty body", "", "invalid_payload", ["Encoding"]),
        invalid("not JSON", "hello", "invalid_payload", ["Encoding"]),
        invalid("trailing data after the object", compact(study) + "x", "invalid_payload", ["Encoding"]),
        invalid("top level is an array", [study], "schema_error", ["Shape"]),
        invalid("top level is a number", "42", "schema_error", ["Shape"]),
        invalid("type is not a string", {**study, "type": 7}, "schema_error", ["Shape"]),
        invalid("type missing", without("type"), "schema_error", ["Shape"]),
        invalid("id missing", without("id"), "schema_error", ["Shape"]),
        invalid("data missing", without("data"), "schema_error", ["Shape"]),
        invalid("data.studyId missing", with_data(studyId=None), "schema_error", ["Shape"]),
        invalid("data.studyInstanceUid missing", with_data(studyInstanceUid=None), "schema_error", ["Shape"]),
        invalid("id with 31 hex digits", {**study, "id": EVENT_ID[:-1]}, "schema_error", ["IdFormat"]),
        invalid("id with 33 hex digits", {**study, "id": EVENT_ID + "0"}, "schema_error", ["IdFormat"]),
        invalid("id in upper-case hex", {**study, "id": "whe_" + EVENT_ID[4:].upper()}, "schema_error", ["IdFormat"]),
        invalid("a study ID where the event ID belongs", {**study, "id": STUDY_ID}, "schema_error", ["IdFormat"]),
        invalid("id with a non-hex letter", {**study, "id": EVENT_ID[:-1] + "z"}, "schema_error", ["IdFormat"]),
        invalid("studyId with the wrong prefix", with_data(studyId="usr_" + STUDY_ID[4:]), "schema_error", ["IdFormat"]),
        invalid("studyInstanceUid over 64 characters", with_data(studyInstanceUid="1." + "2" * 63), "schema_error", ["DicomUid"]),
        invalid("studyInstanceUid with a letter", with_data(studyInstanceUid="1.2.840.a"), "schema_error", ["DicomUid"]),
        invalid("studyInstanceUid with a leading zero", with_data(studyInstanceUid="1.2.840.0113"), "schema_error", ["DicomUid"]),
        invalid("studyInstanceUid with an empty component", with_data(studyInstanceUid="1.2..3"), "schema_error", ["DicomUid"]),
        invalid("reportId with the wrong prefix", event("report.delivered", {**examples[3]["data"], "reportId": STUDY_ID}), "schema_error", ["IdFormat"]),
        invalid("isCritical as a string", event("report.delivered", {**examples[3]["data"], "isCritical": "true"}), "schema_error", ["Shape"]),
        invalid("clinical context studyId in the stu_ form instead of a UUID", event("clinical_context.enrichment_requested", {**examples[6]["data"], "studyId": STUDY_ID}), "schema_error", ["IdFormat"]),
        invalid("clinicId that is not a UUID", event("modality_worklist.requested", {**examples[4]["data"], "clinicId": "clinic-1"}), "schema_error", ["IdFormat"]),
        invalid("ephemeral options that are not an object", event("ephemeral.access_requested", {"retrievalId": "r", "options": [1]}), "schema_error", ["Shape"]),
    ]
    notes = {
        "KnownType": "Each event type of the contract, parsed into its typed form.",
        "ExtraFields": "Unknown fields are ignored so new Avara fields never break receivers.",
        "UnknownType": "Unknown event types are kept as {type: \"unknown\", eventType, raw}, never an error.",
        "Nesting": "Arrays and objects may nest 64 levels deep.",
        "DuplicateKey": "Parsers disagree on duplicate keys, so they are refused.",
        "Encoding": "The body must be UTF-8 JSON without a byte order mark.",
        "Shape": "Required fields and their JSON types.",
        "IdFormat": "Prefixed IDs are the prefix plus 32 lowercase hex digits; clinic and raw study IDs are UUIDs.",
        "DicomUid": "DICOM UIDs: at most 64 characters, digits and dots, no empty component, no leading zero.",
    }
    return document("webhook_events_v1", "Parsing webhook bodies into typed events.", notes, [{"type": "parse", "tests": cases}])


def responses():
    c = Counter()
    urls = ["https://storage.example.com/dicom/image1.dcm?token=abc123", "https://storage.example.com/dicom/image2.dcm?token=def456"]
    item = {
        "AccessionNumber": "ACC0001", "Modality": "CT", "PatientBirthDate": "19700101", "PatientID": "PID-1",
        "PatientName": "DOE^JANE", "PatientSex": "F", "PatientSize": "1.65", "PatientWeight": "60",
        "ProtocolName": "CT HEAD", "RequestedProcedureDescription": "CT head without contrast",
        "ScheduledProcedureStepSequence": [{"Modality": "CT", "ScheduledProcedureStepDescription": "Head", "ScheduledProcedureStepID": "SPS1", "ScheduledProcedureStepStartDate": "20260101", "ScheduledProcedureStepStartTime": "093000"}],
        "StudyDescription": "CT head", "StudyInstanceUID": UID,
    }

    def construct(comment, event_type, name, args, expected=None, code=None, flags=()):
        fields = {"eventType": event_type, "constructor": name, "args": args}
        if code:
            return c.case(comment, flags, **fields, result="invalid", code=code)
        return c.case(comment, flags, **fields, result="valid", expected=expected)

    def normalize(comment, event_type, body, expected=None, code=None, flags=()):
        if code:
            return c.case(comment, flags, eventType=event_type, body=body, result="invalid", code=code)
        return c.case(comment, flags, eventType=event_type, body=body, result="valid", expected=expected)

    built = [
        construct("study access granted", "study.access_requested", "authorized", [urls], {"authorized": True, "urls": urls}),
        construct("study access denied (urls stays, empty)", "study.access_requested", "denied", ["Study not found in PACS"], {"authorized": False, "urls": [], "error": "Study not found in PACS"}),
        construct("ephemeral access granted", "ephemeral.access_requested", "authorized", [urls[:1]], {"authorized": True, "urls": urls[:1]}),
        construct("ephemeral access denied", "ephemeral.access_requested", "denied", ["expired"], {"authorized": False, "urls": [], "error": "expired"}),
        construct("secondary capture upload granted", "secondary_capture.access_requested", "authorized", [["https://upload.example/sc?sig=1"]], {"authorized": True, "uploadUrls": ["https://upload.example/sc?sig=1"]}),
        construct("secondary capture upload denied", "secondary_capture.access_requested", "denied", ["read-only archive"], {"authorized": False, "uploadUrls": [], "error": "read-only archive"}),
        construct("report acknowledged", "report.delivered", "acknowledged", [], {"success": True}),
        construct("worklist with one item", "modality_worklist.requested", "authorized", [[item]], {"authorized": True, "items": [item]}),
        construct("worklist refused", "modality_worklist.requested", "denied", ["unknown AE title"], {"authorized": False, "items": [], "error": "unknown AE title"}),
        construct("no patient enrichment", "patient_study.enrichment_requested", "empty", [], {}),
        construct("no clinical context", "clinical_context.enrichment_requested", "empty", [], {}),
        construct("urls must be strings", "study.access_requested", "authorized", [[1, 2]], code="schema_error", flags=["Invalid"]),
        construct("worklist accession number over 16 characters", "modality_worklist.requested", "authorized", [[{**item, "AccessionNumber": "A" * 17}]], code="schema_error", flags=["Invalid"]),
        construct("a constructor the response does not have", "report.delivered", "denied", ["x"], code="schema_error", flags=["Invalid"]),
    ]
    manifest = {
        "studyInstanceUID": UID,
        "series": [{
            "modality": "CT", "seriesDescription": "Axial 1mm", "seriesInstanceUID": UID + ".1", "seriesNumber": 1,
            "sops": [{"sopClassUID": "1.2.840.10008.5.1.4.1.1.2", "sopInstanceUID": UID + ".1.1", "rows": 512.0, "columns": 512, "bitsAllocated": 16, "photometricInterpretation": "MONOCHROME2", "samplesPerPixel": 1, "rescaleIntercept": -1024, "rescaleSlope": 1.5, "instanceNumber": 1}],
        }, {
            "modality": "SR", "seriesDescription": "Report", "seriesInstanceUID": UID + ".2", "seriesNumber": "2",
            "sops": [{"sopClassUID": "1.2.840.10008.5.1.4.1.1.88.11", "sopInstanceUID": UID + ".2.1"}],
        }],
    }
    manifest_expected = json.loads(json.dumps(manifest))
    manifest_expected["series"][0]["sops"][0]["rows"] = 512
    normalized = [
        normalize("study answer with a manifest and media", "study.access_requested",
                  {"authorized": True, "urls": urls, "manifest": manifest, "mediaUrls": [{"mimeType": "application/pdf", "url": "https://x/r.pdf"}]},
                  {"authorized": True, "urls": urls, "manifest": manifest_expected, "mediaUrls": [{"mimeType": "application/pdf", "url": "https://x/r.pdf"}]}),
        normalize("the guide's denial without urls gains an empty list", "study.access_requested", {"authorized": False, "error": "Study not found in PACS"}, {"authorized": False, "urls": [], "error": "Study not found in PACS"}),
        normalize("unknown fields are dropped", "study.access_requested", {"authorized": True, "urls": [], "debug": True}, {"authorized": True, "urls": []}),
        normalize("authorized must be a boolean", "study.access_requested", {"authorized": "yes", "urls": []}, code="schema_error", flags=["Invalid"]),
        normalize("authorized is required", "study.access_requested", {"urls": urls}, code="schema_error", flags=["Invalid"]),
        normalize("manifest series need a modality", "study.access_requested", {"authorized": True, "urls": [], "manifest": {**manifest, "series": [{**manifest["series"][0], "modality": ""}]}}, code="schema_error", flags=["Invalid"]),
        normalize("ephemeral answer with manifests", "ephemeral.access_requested", {"authorized": True, "urls": urls, "manifests": [manifest]}, {"authorized": True, "urls": urls, "manifests": [manifest_expected]}),
        normalize("secondary capture answer keeps contentCreatorName", "secondary_capture.access_requested", {"authorized": True, "uploadUrls": ["https://u"], "contentCreatorName": "Dr X"}, {"authorized": True, "uploadUrls": ["https://u"], "contentCreatorName": "Dr X"}),
        normalize("report acknowledgement", "report.delivered", {"success": False}, {"success": False}),
        normalize("worklist answer", "modality_worklist.requested", {"authorized": True, "items": [item]}, {"authorized": True, "items": [item]}),
        normalize("patient enrichment with every field", "patient_study.enrichment_requested",
                  {"dateOfBirth": "1970-01-01", "expressCustomerId": "cus_00112233445566778899aabbccddeeff", "externalPatientId": "E1", "facilityName": "North", "height": {"unit": "cm", "value": 170}, "mrn": "M1", "patientName": "Jane Doe", "procedure": "CT", "referringPhysicianName": "Dr Who", "severity": "stat", "sex": "female", "studyDate": "2026-01-01", "studyDescription": "CT head", "studyTime": "09:30", "weight": {"unit": "kg", "value": 61.5}},
                  {"dateOfBirth": "1970-01-01", "expressCustomerId": "cus_00112233445566778899aabbccddeeff", "externalPatientId": "E1", "facilityName": "North", "height": {"unit": "cm", "value": 170.0}, "mrn": "M1", "patientName": "Jane Doe", "procedure": "CT", "referringPhysicianName": "Dr Who", "severity": "stat", "sex": "female", "studyDate": "2026-01-01", "studyDescription": "CT head", "studyTime": "09:30", "weight": {"unit": "kg", "value": 61.5}}),
        normalize("patient sex outside the enum", "patient_study.enrichment_requested", {"sex": "unknown"}, code="schema_error", flags=["Invalid"]),
        normalize("express customer ID in the wrong form", "patient_study.enrichment_requested", {"expressCustomerId": "cus_1"}, code="schema_error", flags=["Invalid"]),
        normalize("clinical context with documents", "clinical_context.enrichment_requested",
                  {"clinicalIndication": "headache", "documents": [{"content": ["a", "b"], "fileName": "n.txt"}], "documentUrls": [{"url": "https://ehr/doc"}], "priorReports": [{"reportText": "normal", "modality": "CT"}], "technologistNotes": ["calm"], "technologistTechnique": "helical"},
                  {"clinicalIndication": "headache", "documents": [{"content": ["a", "b"], "fileName": "n.txt"}], "documentUrls": [{"url": "https://ehr/doc"}], "priorReports": [{"reportText": "normal", "modality": "CT"}], "technologistNotes": ["calm"], "technologistTechnique": "helical"}),
        normalize("clinical document URLs must be https", "clinical_context.enrichment_requested", {"documentUrls": [{"url": "http://ehr/doc"}]}, code="schema_error", flags=["Invalid"]),
        normalize("no response is defined for an unknown event type", "study.created", {}, code="schema_error", flags=["Invalid"]),
    ]
    notes = {"Invalid": "Breaks a rule of the contract; the error names the field."}
    groups = [{"type": "construct", "tests": built}, {"type": "normalize", "tests": normalized}]
    return document("webhook_responses_v1", "What receivers answer: constructors and canonical serialization.", notes, groups)


def main():
    for name, build in [("signatures.json", signatures), ("events.json", events), ("responses.json", responses)]:
        text = json.dumps(build(), indent=1, ensure_ascii=False) + "\n"
        (HERE / name).write_text(text, encoding="utf-8")
        print(f"{name}: {json.loads(text)['numberOfTests']} cases")


if __name__ == "__main__":
    main()
