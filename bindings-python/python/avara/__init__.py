"""Avara Viewer SDK for Python.

Verify webhook deliveries and build the answers a receiver sends::

    from avara import Avara, WebhookVerificationError

    client = Avara()  # webhook secret from AVARA_JWT_WEBHOOK_SECRET
    try:
        event = client.webhooks.unwrap(request.get_data(), request.headers)
    except WebhookVerificationError as error:
        log.warning("rejected webhook: %s", error.code)
        abort(400)
    if event.type == "study.access_requested":
        return StudyAccessRequestedResponse.authorize(urls).to_json()
"""

from . import _models, _native
from ._client import Avara, Webhooks
from ._errors import AvaraError, PayloadNotRawError, WebhookVerificationError
from ._models import *  # noqa: F403  (the generated models, listed in their own __all__)
from ._webhooks import (
    DEFAULT_MAX_PAYLOAD_BYTES,
    DEFAULT_TOLERANCE,
    HeaderValue,
    Headers,
    Payload,
    Verified,
    Webhook,
    sign,
    unsafe_unwrap,
)

__version__: str = _native.VERSION

__all__ = [
    "Avara",
    "AvaraError",
    "DEFAULT_MAX_PAYLOAD_BYTES",
    "DEFAULT_TOLERANCE",
    "HeaderValue",
    "Headers",
    "Payload",
    "PayloadNotRawError",
    "Verified",
    "Webhook",
    "WebhookVerificationError",
    "Webhooks",
    "sign",
    "unsafe_unwrap",
]
__all__ += _models.__all__
