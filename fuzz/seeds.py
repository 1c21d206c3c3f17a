#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target from the shared test vectors.

    python3 fuzz/seeds.py

Each seed is in the byte layout its target documents at the top of
`fuzz/fuzz_targets/<target>.rs` (read with `fuzz/src/input.rs`): single bytes,
little-endian integers, chunks with a one-byte length, long chunks with a two-byte length,
then the rest. Seeds are named `seed-<hash of the bytes>` under `fuzz/corpus/<target>/`;
the script replaces those and leaves any other file there (inputs kept from a crash).

The operation, event type and constructor indexes are read from the core's tables, so
seeds follow their order.
"""

import hashlib
import json
import re
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VECTORS = ROOT / "tests" / "vectors"
CORPUS = ROOT / "fuzz" / "corpus"
# Larger bodies only slow every run down; the targets pad bodies themselves where size matters.
MAX_SEED_BYTES = 16 * 1024


def byte(value):
    return bytes([value & 0xFF])


def u64(value):
    return struct.pack("<Q", value)


def chunk(data):
    data = data.encode() if isinstance(data, str) else data
    data = data[:255]
    return byte(len(data)) + data


def long_chunk(data):
    data = data.encode() if isinstance(data, str) else data
    data = data[:0xFFFF]
    return struct.pack("<H", len(data)) + data


def load(path):
    return json.loads((VECTORS / path).read_text(encoding="utf-8"))


def cases(vectors, group_type):
    for group in vectors["testGroups"]:
        if group["type"] == group_type:
            for case in group["tests"]:
                yield group, case


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def source(path):
    return (ROOT / path).read_text(encoding="utf-8")


def operation_names():
    """`operations::ALL`, in order."""
    return re.findall(r'^\s+[A-Z_]+ = "([a-z_.]+)", (?:Get|Post|Patch|Delete) "', source("core/src/client/operations.rs"), re.M)


def event_types():
    """`WebhookEvent::KINDS`, in order."""
    return re.findall(r'^\s+\w+\(\w+Event, \w+Response\) = "([a-z_.]+)",', source("core/src/webhooks/events.rs"), re.M)


def constructors():
    """`responses::CONSTRUCTORS`, in order."""
    table = source("core/src/webhooks/responses.rs").split("pub const CONSTRUCTORS", 1)[1].split("];", 1)[0]
    return re.findall(r'\(\s*"([a-z_.]+)",\s*"(\w+)",', table)


def payload_of(case):
    if "payloadHex" in case:
        return bytes.fromhex(case["payloadHex"])
    return case["payload"].encode()


# verify_unwrap: flags, now_ms, skew, webhook-id, secrets, headers, body.
SIGN_NOTHING, SIGN_GUIDE, SIGN_STANDARD, SIGN_BOTH = range(4)
NO_FRESHNESS = 0b1_0000


def verify_seed(flags, body, now_ms=0, webhook_id=b"", secrets=(), headers=()):
    seed = byte(flags) + u64(now_ms) + byte(0) + chunk(webhook_id)
    seed += byte(len(secrets)) + b"".join(chunk(secret) for secret in secrets)
    seed += byte(len(headers)) + b"".join(chunk(name) + chunk(value) for name, value in headers)
    return seed + body


def verify_unwrap_seeds():
    signatures = load("signatures.json")
    for group, case in cases(signatures, "verify"):
        # The vector as it stands: its secrets, clock and headers, nothing signed anew.
        flags = NO_FRESHNESS if group["config"].get("toleranceMs", 0) is None else 0
        yield verify_seed(flags, payload_of(case), group["nowMs"], b"", group["secrets"], case["headers"])
    for _, case in cases(signatures, "secret"):
        yield verify_seed(SIGN_GUIDE, b"{}", secrets=case["secrets"])
    # Every event body, signed in each scheme with each built-in secret set, to reach parsing.
    for index, (_, case) in enumerate(cases(load("events.json"), "parse")):
        signing = SIGN_GUIDE + index % 3
        secret_set = (index // 3) % 4
        yield verify_seed(signing | secret_set << 2, payload_of(case), webhook_id=f"msg_{index:04d}")


# json_differential: the body itself.
def nested(levels):
    return b"[" * levels + b"]" * levels


def json_differential_seeds():
    for _, case in cases(load("events.json"), "parse"):
        yield payload_of(case)
    for _, case in cases(load("responses.json"), "normalize"):
        yield compact(case["body"])
    for _, case in cases(load("api/responses.json"), "interpret"):
        yield case["body"].encode()
    yield b'{"a":1,"a":2}'
    yield b'{"a":1,"\\u0061":2}'
    yield nested(64)
    yield nested(65)
    yield b'{"n":956.0342718892493,"m":-0.0,"e":1e308,"i":18446744073709551615}'
    yield b"\xef\xbb\xbf{}"


# normalize_idempotent: selector, then the body (or a constructor index and its arguments).
def normalize_idempotent_seeds():
    types = event_types()
    for _, case in cases(load("responses.json"), "normalize"):
        selector = types.index(case["eventType"]) if case["eventType"] in types else len(types)
        prefix = byte(selector)
        if selector == len(types):
            prefix += chunk(case["eventType"])
        yield prefix + compact(case["body"])
    table = constructors()
    for _, case in cases(load("responses.json"), "construct"):
        # Cases for constructors a type does not have name no entry of the table.
        if (case["eventType"], case["constructor"]) in table:
            index = table.index((case["eventType"], case["constructor"]))
            yield byte(0x80) + byte(index) + compact(case["args"])


# params_decoding: the operation index, then the parameters.
def params_decoding_seeds():
    names = operation_names()
    for _, case in cases(load("api/requests.json"), "encode"):
        # Cases for unknown operation names have no index.
        if case["operation"] in names:
            yield byte(names.index(case["operation"])) + compact(case["params"])


# emulator_request: a sequence of requests.
GET, POST, PATCH, DELETE, PUT = range(5)
OTHER_METHOD = 7
METHODS = {"GET": GET, "POST": POST, "PATCH": PATCH, "DELETE": DELETE}
NO_KEY, FULL_KEY, READ_KEY, RAW_AUTHORIZATION = range(4)
ID = re.compile(r"\b(stu|usr|inv|cus)_[0-9a-f]{32}\b")


def with_tokens(text):
    """The IDs in `text` as the target's `$stu`, `$usr`, ... tokens."""
    return ID.sub(lambda found: "$" + found.group(1), text)


def request(method, target, body=b"", auth=FULL_KEY, headers=()):
    """`method` is an index into the target's METHODS or another method's name; `auth` is
    a key or the Authorization header's text."""
    seed = byte(method) if isinstance(method, int) else byte(OTHER_METHOD) + chunk(method)
    seed += byte(auth) if isinstance(auth, int) else byte(RAW_AUTHORIZATION) + chunk(auth)
    seed += chunk(target)
    seed += byte(len(headers)) + b"".join(chunk(name) + chunk(value) for name, value in headers)
    return seed + long_chunk(body)


def sequence(*requests):
    return byte(len(requests) - 1) + b"".join(requests)


def emulator_request_seeds():
    creates = {}
    encoded = []
    for _, case in cases(load("api/requests.json"), "encode"):
        if case["result"] != "valid":
            continue
        expected = case["expected"]
        body = b"" if expected["body"] is None else compact(expected["body"])
        call = (METHODS[expected["method"]], expected["pathAndQuery"], body)
        encoded.append(call)
        creates.setdefault(case["operation"], call)
    made_by = {
        "stu": creates["viewer.studies.create"],
        "usr": creates["viewer.users.invite"],
        "cus": creates["express.create"],
    }
    for index, (method, target, body) in enumerate(encoded):
        yield sequence(request(method, target, body))
        # The same call on a resource made just before, through the `$` tokens.
        kinds = sorted(set(ID.findall(target + body.decode())) & made_by.keys())
        if kinds:
            made = [request(*made_by[kind]) for kind in kinds]
            filled = request(method, with_tokens(target), with_tokens(body.decode()).encode())
            yield sequence(*made, filled)
        if method != GET:
            retried = request(method, target, body, headers=[("Idempotency-Key", f"idk_{index}")])
            yield sequence(retried, retried)
        yield sequence(request(method, target, body, auth=READ_KEY))
    reroute = (POST, "/v1/viewer/studies/reroute-url", b'{"studyId":"$stu"}')
    yield sequence(request(*made_by["stu"]), request(*reroute), request(GET, "$url"))
    yield sequence(request(GET, "/health", auth=NO_KEY), request(GET, "/v1/nothing"), request(PUT, "/v1/express"))
    yield sequence(request("PURGE", "/v1/express"), request(PATCH, "/v1/viewer/studies", b"{", auth="Basic dXNlcg=="))


TARGETS = {
    "verify_unwrap": verify_unwrap_seeds,
    "json_differential": json_differential_seeds,
    "normalize_idempotent": normalize_idempotent_seeds,
    "params_decoding": params_decoding_seeds,
    "emulator_request": emulator_request_seeds,
}


def main():
    total = 0
    for target, seeds in TARGETS.items():
        directory = CORPUS / target
        directory.mkdir(parents=True, exist_ok=True)
        for old in directory.glob("seed-*"):
            old.unlink()
        written = set()
        for seed in seeds():
            if len(seed) > MAX_SEED_BYTES:
                continue
            name = "seed-" + hashlib.sha1(seed).hexdigest()[:16]
            (directory / name).write_bytes(seed)
            written.add(name)
        total += len(written)
        print(f"{target}: {len(written)} seeds")
    print(f"{total} seeds in {CORPUS.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
