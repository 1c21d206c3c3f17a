"""Verifies and unwraps the delivery the Rust demo wrote, and prints one line about it.

Usage: python demo.py path/to/delivery.json
The file holds {"secret": ..., "headers": [[name, value], ...], "body": "<raw JSON text>"}.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from avara import Webhook


def main(path: str) -> None:
    delivery = json.loads(Path(path).read_text(encoding="utf-8"))
    webhook = Webhook(delivery["secret"])
    body = delivery["body"].encode("utf-8")
    headers = [(name, value) for name, value in delivery["headers"]]
    verified = webhook.verify(body, headers)
    event = webhook.unwrap(body, headers)
    study_id = getattr(getattr(event, "data", None), "study_id", None)
    subject = f" for {study_id}" if study_id else ""
    print(
        f"{'python':<8}verified {event.type} {getattr(event, 'id', '-')}{subject} "
        f"(scheme {verified.scheme}, secret #{verified.secret_index})"
    )


if __name__ == "__main__":
    main(sys.argv[1])
