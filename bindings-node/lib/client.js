'use strict';

const { inspect } = require('node:util');
const native = require('../native.js');
const { attachResources } = require('../generated/client.js');
const { ConfigurationError, apiError } = require('./api-errors.js');
const { WebhookVerificationError } = require('./errors.js');
const { listPages } = require('./pagination.js');
const { Webhook, unsafeUnwrap } = require('./webhook.js');
const { paramsText, valueOf } = require('./wire.js');

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

/** A list call's success: `{ page, next }`; a failure has a `code` instead. */
function isPage(outcome) {
  return typeof outcome.page === 'string';
}

/**
 * Runs operations by name on the core's client, which is built on the first call: a
 * client used only for webhooks needs no API key, and a missing one fails the call
 * (`ConfigurationError`), not the constructor.
 */
class Operations {
  #settings;
  #native;

  constructor(settings) {
    this.#settings = settings;
  }

  #client() {
    if (this.#native === undefined) {
      let built;
      try {
        built = native.buildClient(this.#settings);
      } catch {
        // napi's conversion message may quote the value, which may be the key.
        throw new ConfigurationError({
          code: 'configuration',
          message:
            'the client options have the wrong types: apiKey and baseURL must be strings, timeout and ' +
            'maxRetries numbers, defaultHeaders an object of strings',
        });
      }
      if (!(built instanceof native.NativeClient)) {
        throw apiError(built);
      }
      this.#native = built;
      this.#settings = undefined;
    }
    return this.#native;
  }

  async call(operation, params) {
    return valueOf(await this.#client().call(operation, paramsText(params)));
  }

  list(operation, itemsKey, params) {
    const fetchPage = async (text) => {
      const outcome = await this.#client().list(operation, text);
      if (!isPage(outcome)) {
        throw apiError(outcome);
      }
      return outcome;
    };
    return listPages(fetchPage, itemsKey, () => paramsText(params));
  }

  [inspect.custom]() {
    return 'Operations {}';
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
