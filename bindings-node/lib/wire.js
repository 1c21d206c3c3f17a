'use strict';

const native = require('../native.js');
const { apiError } = require('./api-errors.js');

/** The wire form of a call's parameters: what `JSON.stringify` makes, so `undefined` means absent. */
function paramsText(params) {
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
