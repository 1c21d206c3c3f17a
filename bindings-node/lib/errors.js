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
 * The native module throws plain errors whose `code` is a core code, napi's status for
 * an argument it could not convert, or one of Node's codes for an unusable argument;
 * callers get the class matching each (ARCHITECTURE.md, "Wrong-typed or unusable input").
 */
function translate(error) {
  if (!(error instanceof Error)) {
    return error;
  }
  if (CORE_CODES.has(error.code)) {
    return new WebhookVerificationError(error.code, error.message);
  }
  if (/^(InvalidArg|\w+Expected)$/.test(error.code)) {
    return argumentError(TypeError, 'ERR_INVALID_ARG_TYPE', error.message);
  }
  if (error.code === 'ERR_INVALID_ARG_VALUE') {
    return argumentError(TypeError, error.code, error.message);
  }
  if (error.code === 'ERR_OUT_OF_RANGE') {
    return argumentError(RangeError, error.code, error.message);
  }
  return error;
}

function argumentError(Class, code, message) {
  const error = new Class(message);
  error.code = code;
  return error;
}

module.exports = { AvaraError, WebhookVerificationError, translate };
