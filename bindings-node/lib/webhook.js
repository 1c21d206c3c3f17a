'use strict';

const { inspect } = require('node:util');
const native = require('../native.js');
const { translate } = require('./errors.js');

/**
 * `Headers` and `Map` hand out their lines through `entries()`; plain objects such as
 * `req.headers` and arrays of pairs go to the native reader unchanged.
 */
function headerLines(headers) {
  const iterable =
    headers !== null &&
    typeof headers === 'object' &&
    !Array.isArray(headers) &&
    typeof headers.entries === 'function';
  return iterable ? Array.from(headers.entries()) : headers;
}

/** Verifies deliveries against one secret or several (rotation). */
class Webhook {
  #native;

  constructor(secretOrSecrets, options) {
    try {
      this.#native = new native.NativeWebhook(secretOrSecrets, options);
    } catch (error) {
      throw translate(error);
    }
  }

  verify(body, headers) {
    try {
      return this.#native.verify(body, headerLines(headers));
    } catch (error) {
      throw translate(error);
    }
  }

  unwrap(body, headers) {
    try {
      return this.#native.unwrap(body, headerLines(headers));
    } catch (error) {
      throw translate(error);
    }
  }

  [inspect.custom]() {
    return 'Webhook { secrets: [REDACTED] }';
  }
}

function unsafeUnwrap(body) {
  try {
    return native.unsafeUnwrap(body);
  } catch (error) {
    throw translate(error);
  }
}

function sign(secret, timestamp, body) {
  try {
    return native.sign(secret, timestamp, body);
  } catch (error) {
    throw translate(error);
  }
}

module.exports = { Webhook, unsafeUnwrap, sign };
