'use strict';

const native = require('../native.js');
const { WebhookVerificationError, translate } = require('./errors.js');

function call(fn) {
  try {
    return fn();
  } catch (error) {
    throw translate(error);
  }
}

/** Deeper values break the contract anyway; the core reports them. */
const MAX_DEPTH = 64;

/**
 * napi hands strings over as UTF-8 with U+FFFD where an unpaired surrogate was, which
 * would build a response the caller never wrote. Text without a UTF-8 form breaks the
 * contract instead (`schema_error`, as in every package).
 */
function refuseIllFormedText(value, path, depth = 0) {
  if (typeof value === 'string') {
    if (!value.isWellFormed()) {
      throw new WebhookVerificationError(
        'schema_error',
        `${path}: the text holds an unpaired UTF-16 surrogate, which has no UTF-8 form`,
      );
    }
  } else if (value !== null && typeof value === 'object' && depth < MAX_DEPTH) {
    for (const [key, item] of Object.entries(value)) {
      const itemPath = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
      refuseIllFormedText(key, `${itemPath} (the key)`, depth + 1);
      refuseIllFormedText(item, itemPath, depth + 1);
    }
  }
}

/**
 * One frozen object per response type (`StudyAccessRequestedResponse`, ...) holding the
 * core's common-case constructors, built from the core's own table.
 */
const responses = {};
for (const { eventType, responseName, name, params } of native.responseConstructors()) {
  responses[responseName] ??= {};
  // A computed method keeps the constructor's name in stack traces.
  responses[responseName][name] = {
    [name](...args) {
      args.forEach((arg, index) => refuseIllFormedText(arg, params[index] ?? `argument ${index}`));
      return call(() => native.constructResponse(eventType, name, args));
    },
  }[name];
}
Object.values(responses).forEach(Object.freeze);

/** Checks a response body for `eventType` and returns its canonical form. */
function normalizeResponse(eventType, body) {
  refuseIllFormedText(body, 'body');
  return call(() => native.normalizeResponse(eventType, body));
}

module.exports = { responses: Object.freeze(responses), normalizeResponse };
