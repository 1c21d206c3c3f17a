'use strict';

const native = require('../native.js');
const { InvalidParamsError, apiError } = require('./api-errors.js');

/**
 * The wire form of a call's parameters: what `JSON.stringify` makes, so `undefined` means absent.
 * A `Date` among them is refused: no parameter takes an instant, and a date filter's day is the
 * caller's to pick, since it depends on the time zone. Sent as JSON, a valid `Date` would be
 * refused for its time of day anyway, but an invalid one would become `null` and its filter vanish.
 */
function paramsText(params) {
  for (const [field, value] of Object.entries(params ?? {})) {
    if (value instanceof Date) {
      throw new InvalidParamsError({
        code: 'invalid_params',
        field,
        message:
          `${field}: got a Date, which no parameter takes: a date filter takes a day as YYYY-MM-DD text, ` +
          'and the day of an instant depends on the time zone (date.toISOString().slice(0, 10) is its day ' +
          'in UTC) (nothing was sent)',
      });
    }
  }
  return JSON.stringify(params ?? {});
}

/** The value of a native outcome (JSON text), or its failure thrown as an `APIError`. */
function resultOf(outcome) {
  if (typeof outcome !== 'string') {
    throw apiError(outcome);
  }
  return JSON.parse(outcome);
}

/**
 * The HTTP request `client.<operation>(params)` sends, without sending it:
 * `{ method, path, query, body, pathAndQuery }`. Throws `InvalidParamsError` as the call would.
 */
function encodeRequest(operation, params) {
  return resultOf(native.encodeRequest(operation, paramsText(params)));
}

/** What an HTTP answer to `operation` means: the result, or the `APIError` the call would throw. */
function interpretResponse(operation, status, body) {
  return resultOf(native.interpretResponse(operation, status, body));
}

module.exports = { paramsText, resultOf, encodeRequest, interpretResponse };
