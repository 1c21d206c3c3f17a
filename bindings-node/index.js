'use strict';

// `require('avara')` is the client class itself, with everything else as properties.
// `default` serves TypeScript's CommonJS interop; the named exports are literal
// assignments because index.mjs re-exports them and Node finds them by reading this file.
const { Avara } = require('./lib/client.js');
const { WebhookVerificationError } = require('./lib/errors.js');
const { responses, normalizeResponse } = require('./lib/responses.js');
const { Webhook, unsafeUnwrap, sign } = require('./lib/webhook.js');

module.exports = Avara;
module.exports.default = Avara;
module.exports.Avara = Avara;
module.exports.Webhook = Webhook;
module.exports.WebhookVerificationError = WebhookVerificationError;
module.exports.unsafeUnwrap = unsafeUnwrap;
module.exports.sign = sign;
module.exports.normalizeResponse = normalizeResponse;
module.exports.StudyAccessRequestedResponse = responses.StudyAccessRequestedResponse;
module.exports.EphemeralAccessRequestedResponse = responses.EphemeralAccessRequestedResponse;
module.exports.SecondaryCaptureAccessRequestedResponse = responses.SecondaryCaptureAccessRequestedResponse;
module.exports.ReportDeliveredResponse = responses.ReportDeliveredResponse;
module.exports.ModalityWorklistRequestedResponse = responses.ModalityWorklistRequestedResponse;
module.exports.PatientStudyEnrichmentRequestedResponse = responses.PatientStudyEnrichmentRequestedResponse;
module.exports.ClinicalContextEnrichmentRequestedResponse = responses.ClinicalContextEnrichmentRequestedResponse;
