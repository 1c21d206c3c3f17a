'use strict';

const native = require('../native.js');

const CORE_CODES = new Set(native.errorCodes());

/** The base of every error the package throws (webhooks and API calls alike). */
class AvaraError extends Error {}

Object.defineProperty(AvaraError.prototype, 'name', {
  value: 'AvaraError',
  writable: true,
  configurable: true,
});

/**
 * Every webhook failure: verification, parsing and configuration. `code` is the core's
 * stable code (`signature_mismatch`, `invalid_secret`, ...), the same in every language.
 */
class WebhookVerificationError extends AvaraError {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

Object.defineProperty(WebhookVerificationError.prototype, 'name', {
  value: 'WebhookVerificationError',
  writable: true,
  configurable: true,
});

/**
 * The native module throws plain errors whose `code` is either a core code or napi's
 * status for an argument it could not convert; callers get the class matching each.
 */
function translate(error) {
  if (error instanceof Error && CORE_CODES.has(error.code)) {
    return new WebhookVerificationError(error.code, error.message);
  }
  if (error instanceof Error && /^(InvalidArg|\w+Expected)$/.test(error.code)) {
    const typeError = new TypeError(error.message);
    typeError.code = 'ERR_INVALID_ARG_TYPE';
    return typeError;
  }
  return error;
}

module.exports = { AvaraError, WebhookVerificationError, translate };
