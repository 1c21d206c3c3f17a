'use strict';

const { AvaraError } = require('./errors.js');

/**
 * Every failure of an API call, whatever its cause: `code` is the core's stable code
 * (the same in every language), the other fields say what the core knows (`null` when
 * it does not apply). The message never contains the API key.
 */
class APIError extends AvaraError {
  constructor(failure) {
    super(failure.message);
    this.code = failure.code;
    this.status = failure.status ?? null;
    this.requestId = failure.requestId ?? null;
    this.body = failure.body ?? null;
    this.field = failure.field ?? null;
    this.attempts = failure.attempts ?? 0;
  }
}

class BadRequestError extends APIError {}
class AuthenticationError extends APIError {}
class PermissionDeniedError extends APIError {}
class NotFoundError extends APIError {}
class ConflictError extends APIError {}
class UnprocessableEntityError extends APIError {}
class RateLimitError extends APIError {}
class InternalServerError extends APIError {}
class APIConnectionError extends APIError {}
class APIConnectionTimeoutError extends APIConnectionError {}
/** The parameters broke the contract; nothing was sent. `field` names the culprit. */
class InvalidParamsError extends APIError {}
/** A success answer that does not match the contract. */
class InvalidResponseError extends APIError {}
/** The client cannot be built: no API key, a bad base URL or timeout. Nothing was sent. */
class ConfigurationError extends APIError {}

/**
 * The core's code → the class thrown for it, for every code of the generated
 * `APIErrorCode` (test/errors.test.js); an unexpected status (`api_status`) is an `APIError`.
 */
const CLASS_OF_CODE = {
  bad_request: BadRequestError,
  authentication: AuthenticationError,
  permission_denied: PermissionDeniedError,
  not_found: NotFoundError,
  conflict: ConflictError,
  unprocessable_entity: UnprocessableEntityError,
  rate_limited: RateLimitError,
  internal_server: InternalServerError,
  api_status: APIError,
  connection: APIConnectionError,
  timeout: APIConnectionTimeoutError,
  invalid_params: InvalidParamsError,
  invalid_response: InvalidResponseError,
  configuration: ConfigurationError,
};

const classes = {
  APIError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  APIConnectionError,
  APIConnectionTimeoutError,
  InvalidParamsError,
  InvalidResponseError,
  ConfigurationError,
};

for (const [name, errorClass] of Object.entries(classes)) {
  Object.defineProperty(errorClass.prototype, 'name', { value: name, writable: true, configurable: true });
}

/** The error for a failure the native module reported. */
function apiError(failure) {
  const ErrorClass = Object.hasOwn(CLASS_OF_CODE, failure.code) ? CLASS_OF_CODE[failure.code] : APIError;
  return new ErrorClass(failure);
}

module.exports = { ...classes, CLASS_OF_CODE, apiError };
