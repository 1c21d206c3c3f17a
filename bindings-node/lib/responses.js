'use strict';

const native = require('../native.js');
const { translate } = require('./errors.js');

function call(fn) {
  try {
    return fn();
  } catch (error) {
    throw translate(error);
  }
}

/**
 * One frozen object per response type (`StudyAccessRequestedResponse`, ...) holding the
 * core's common-case constructors, built from the core's own table.
 */
const responses = {};
for (const { eventType, responseName, name } of native.responseConstructors()) {
  responses[responseName] ??= {};
  // A computed method keeps the constructor's name in stack traces.
  responses[responseName][name] = {
    [name](...args) {
      return call(() => native.constructResponse(eventType, name, args));
    },
  }[name];
}
Object.values(responses).forEach(Object.freeze);

/** Checks a response body for `eventType` and returns its canonical form. */
function normalizeResponse(eventType, body) {
  return call(() => native.normalizeResponse(eventType, body));
}

module.exports = { responses: Object.freeze(responses), normalizeResponse };
