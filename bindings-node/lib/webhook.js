'use strict';

const { inspect } = require('node:util');
const native = require('../native.js');
const { translate } = require('./errors.js');
const { headerLines } = require('./headers.js');

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
    let event;
    try {
      event = this.#native.unwrap(body, headerLines(headers));
    } catch (error) {
      throw translate(error);
    }
    return plainEvent(event);
  }

  [inspect.custom]() {
    return 'Webhook { secrets: [REDACTED] }';
  }
}

function unsafeUnwrap(body) {
  let event;
  try {
    event = native.unsafeUnwrap(body);
  } catch (error) {
    throw translate(error);
  }
  return plainEvent(event);
}

/** Events arrive as JSON text (src/event.rs). */
function plainEvent(event) {
  return JSON.parse(event);
}

function sign(secret, timestamp, body) {
  try {
    return native.sign(secret, timestamp, body);
  } catch (error) {
    throw translate(error);
  }
}

/** The three Standard Webhooks headers, by name in the spec's order, ready to send. */
function signStandard(secret, webhookId, timestamp, body) {
  let pairs;
  try {
    pairs = native.signStandard(secret, webhookId, timestamp, body);
  } catch (error) {
    throw translate(error);
  }
  return Object.fromEntries(pairs);
}

module.exports = { Webhook, unsafeUnwrap, sign, signStandard };
