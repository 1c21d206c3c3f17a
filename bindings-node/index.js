'use strict';

// `require('avara')` is the client class itself, with everything else as properties.
// `default` serves TypeScript's CommonJS interop; the named exports are literal
// assignments because index.mjs re-exports them and Node finds them by reading this file.
const { Avara } = require('./lib/client.js');
const apiErrors = require('./lib/api-errors.js');
const { AvaraError, WebhookVerificationError } = require('./lib/errors.js');
const { buildManifest, buildManifestFromFiles } = require('./lib/manifest.js');
const { responses, normalizeResponse } = require('./lib/responses.js');
const { Webhook, unsafeUnwrap, sign, signStandard } = require('./lib/webhook.js');
const { encodeRequest, interpretResponse } = require('./lib/wire.js');

module.exports = Avara;
module.exports.default = Avara;
module.exports.Avara = Avara;
module.exports.Webhook = Webhook;
module.exports.AvaraError = AvaraError;
module.exports.WebhookVerificationError = WebhookVerificationError;
module.exports.APIError = apiErrors.APIError;
module.exports.BadRequestError = apiErrors.BadRequestError;
module.exports.AuthenticationError = apiErrors.AuthenticationError;
module.exports.PermissionDeniedError = apiErrors.PermissionDeniedError;
module.exports.NotFoundError = apiErrors.NotFoundError;
module.exports.ConflictError = apiErrors.ConflictError;
module.exports.UnprocessableEntityError = apiErrors.UnprocessableEntityError;
module.exports.RateLimitError = apiErrors.RateLimitError;
module.exports.InternalServerError = apiErrors.InternalServerError;
module.exports.APIConnectionError = apiErrors.APIConnectionError;
module.exports.APIConnectionTimeoutError = apiErrors.APIConnectionTimeoutError;
module.exports.InvalidParamsError = apiErrors.InvalidParamsError;
module.exports.InvalidResponseError = apiErrors.InvalidResponseError;
module.exports.ConfigurationError = apiErrors.ConfigurationError;
module.exports.encodeRequest = encodeRequest;
module.exports.interpretResponse = interpretResponse;
module.exports.unsafeUnwrap = unsafeUnwrap;
module.exports.sign = sign;
module.exports.signStandard = signStandard;
module.exports.normalizeResponse = normalizeResponse;
module.exports.buildManifest = buildManifest;
module.exports.buildManifestFromFiles = buildManifestFromFiles;
module.exports.StudyAccessRequestedResponse = responses.StudyAccessRequestedResponse;
module.exports.EphemeralAccessRequestedResponse = responses.EphemeralAccessRequestedResponse;
module.exports.SecondaryCaptureAccessRequestedResponse = responses.SecondaryCaptureAccessRequestedResponse;
module.exports.ReportDeliveredResponse = responses.ReportDeliveredResponse;
module.exports.ModalityWorklistRequestedResponse = responses.ModalityWorklistRequestedResponse;
module.exports.PatientStudyEnrichmentRequestedResponse = responses.PatientStudyEnrichmentRequestedResponse;
module.exports.ClinicalContextEnrichmentRequestedResponse = responses.ClinicalContextEnrichmentRequestedResponse;
