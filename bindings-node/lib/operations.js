'use strict';

const native = require('../native.js');
const { ConfigurationError, apiError } = require('./api-errors.js');
const { listPages } = require('./pagination.js');
const { paramsText, resultOf } = require('./wire.js');

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
    return resultOf(await this.#client().call(operation, paramsText(params)));
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
}

module.exports = { Operations };
