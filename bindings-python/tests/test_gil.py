"""Large bodies are hashed with the GIL released, so other threads keep running."""

from __future__ import annotations

import pytest

from avara import Webhook, WebhookVerificationError
from delivery import SECRET, TIMESTAMP
from ticking import other_thread_ran_during


def test_other_threads_run_while_a_large_body_is_hashed() -> None:
    # Four secrets and a wrong signature: every secret hashes the whole body.
    webhook = Webhook([SECRET] * 4, tolerance=None, max_payload_bytes=8 << 20)
    body = b"x" * (4 << 20)
    headers = {"X-Avara-Signature": "0" * 64, "X-Avara-Timestamp": TIMESTAMP}

    def verify() -> None:
        with pytest.raises(WebhookVerificationError):
            webhook.verify(body, headers)

    assert other_thread_ran_during(verify), "no other thread ran during the verification"
