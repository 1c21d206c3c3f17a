'use strict';

const { inspect } = require('node:util');
const { attachResources } = require('../generated/client.js');
const { WebhookVerificationError } = require('./errors.js');
const { Operations } = require('./operations.js');
const { Webhook, unsafeUnwrap } = require('./webhook.js');

const REDACTED = '[REDACTED]';

/** `avara.webhooks`, spelled as in the official SDKs. */
class Webhooks {
  #secret;
  #webhook;

  constructor(secret) {
    this.#secret = secret;
  }

  unwrap(body, options) {
    return this.#verifier(options?.key).unwrap(body, options?.headers);
  }

  verify(body, options) {
    return this.#verifier(options?.key).verify(body, options?.headers);
  }

  unsafeUnwrap(body) {
    return unsafeUnwrap(body);
  }

  /** Built on first use, so a client used only for API calls needs no webhook secret. */
  #verifier(key) {
    if (key !== undefined) {
      return new Webhook(key);
    }
    if (this.#webhook === undefined) {
      if (this.#secret === undefined) {
        throw new WebhookVerificationError(
          'invalid_secret',
          'no webhook secret is configured: pass webhookSecret to new Avara() or set ' +
            'AVARA_JWT_WEBHOOK_SECRET (or AVARA_WEBHOOK_KEY)',
        );
      }
      this.#webhook = new Webhook(this.#secret);
      this.#secret = undefined;
    }
    return this.#webhook;
  }

  [inspect.custom]() {
    return 'Webhooks {}';
  }
}

/**
 * The Avara client: `client.viewer.studies.create(...)`, `client.webhooks.unwrap(...)`.
 * Credentials are kept private: inspecting or serializing the client hides them.
 */
class Avara {
  #apiKey;

  constructor({
    apiKey = process.env.AVARA_API_KEY,
    baseURL,
    timeout,
    maxRetries,
    defaultHeaders,
    webhookSecret = process.env.AVARA_JWT_WEBHOOK_SECRET ?? process.env.AVARA_WEBHOOK_KEY,
  } = {}) {
    this.#apiKey = apiKey;
    this.webhooks = new Webhooks(webhookSecret);
    const settings = { apiKey, baseURL, timeoutMs: timeout, maxRetries, defaultHeaders, runtime: `node ${process.versions.node}` };
    attachResources(this, new Operations(settings));
  }

  toJSON() {
    return { apiKey: this.#apiKey === undefined ? undefined : REDACTED };
  }

  [inspect.custom](depth, options, inspectValue) {
    return `Avara ${inspectValue(this.toJSON(), options)}`;
  }
}

module.exports = { Avara };
