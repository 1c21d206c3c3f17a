"""Avara Viewer SDK for Python.

Call the API (``AsyncAvara`` has the same surface for asyncio)::

    from avara import Avara, NotFoundError

    client = Avara()  # API key from AVARA_API_KEY
    study = client.viewer.studies.create(
        severity="normal", study_description="Brain MRI", study_instance_uid="1.2.3.4"
    )
    for study in client.viewer.studies.list(severity="stat"):  # every page
        print(study.study_id)

Verify webhook deliveries and build the answers a receiver sends::

    from avara import Avara, WebhookVerificationError

    client = Avara()  # webhook secret from AVARA_JWT_WEBHOOK_SECRET
    try:
        event = client.webhooks.unwrap(request.get_data(), request.headers)
    except WebhookVerificationError as error:
        log.warning("rejected webhook: %s", error.code)
        abort(401)
    if event.type == "study.access_requested":
        return StudyAccessRequestedResponse.authorize(urls).to_json()

Answer with a manifest the Viewer loads progressively, built from the DICOM headers::

    built = build_manifest_from_files(study_uid, paths, url_for=presign)
    return StudyAccessRequestedResponse.authorize(built).to_json()
"""

from . import _api_models, _api_resources, _models, _native
from ._api_models import *  # noqa: F403  (the generated API models, listed in their own __all__)
from ._api_resources import *  # noqa: F403  (the generated page classes)
from ._api_runtime import NOT_GIVEN, AsyncPage, AsyncPager, NotGiven, SyncPage
from ._client import AsyncAvara, Avara, Webhooks
from ._errors import (
    APIConnectionError,
    APIConnectionTimeoutError,
    APIError,
    APIErrorCode,
    APIStatusError,
    AuthenticationError,
    AvaraError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    InternalServerError,
    InvalidParamsError,
    InvalidResponseError,
    NotFoundError,
    PayloadNotRawError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
    WebhookErrorCode,
    WebhookVerificationError,
)
from ._manifest import BuiltManifest, SkipCode, SkippedInput, build_manifest, build_manifest_from_files
from ._models import *  # noqa: F403  (the generated models, listed in their own __all__)
from ._native import encode_request, interpret_response
from ._webhooks import (
    DEFAULT_MAX_PAYLOAD_BYTES,
    DEFAULT_TOLERANCE,
    Headers,
    HeaderValue,
    Payload,
    Verified,
    Webhook,
    sign,
    sign_standard,
    unsafe_unwrap,
)

__version__: str = _native.VERSION

__all__ = [
    "APIConnectionError",
    "APIConnectionTimeoutError",
    "APIError",
    "APIErrorCode",
    "APIStatusError",
    "AsyncAvara",
    "AsyncPage",
    "AsyncPager",
    "AuthenticationError",
    "Avara",
    "AvaraError",
    "BadRequestError",
    "BuiltManifest",
    "ConfigurationError",
    "ConflictError",
    "InternalServerError",
    "InvalidParamsError",
    "InvalidResponseError",
    "NOT_GIVEN",
    "NotFoundError",
    "NotGiven",
    "PermissionDeniedError",
    "RateLimitError",
    "SyncPage",
    "UnprocessableEntityError",
    "DEFAULT_MAX_PAYLOAD_BYTES",
    "DEFAULT_TOLERANCE",
    "HeaderValue",
    "Headers",
    "Payload",
    "PayloadNotRawError",
    "SkipCode",
    "SkippedInput",
    "Verified",
    "Webhook",
    "WebhookErrorCode",
    "WebhookVerificationError",
    "Webhooks",
    "build_manifest",
    "build_manifest_from_files",
    "encode_request",
    "interpret_response",
    "sign",
    "sign_standard",
    "unsafe_unwrap",
]
__all__ += _models.__all__
__all__ += _api_resources.__all__
__all__ += [name for name in _api_models.__all__ if name not in _models.__all__]
