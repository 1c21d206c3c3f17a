'use strict';

// Runs tests/vectors/bindings/inputs.json: wrong-typed and unusable arguments and the
// error each gives (format: tests/README.md; policy: ARCHITECTURE.md).

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { after, describe, it } = require('node:test');
const avara = require('..');

const FILE = path.join(__dirname, '..', '..', 'tests', 'vectors', 'bindings', 'inputs.json');
const ABSENT = Symbol('absent');

/** A neutral value description as the JavaScript value it stands for. */
function value(spec) {
  switch (spec.kind) {
    case 'text':
      return spec.text;
    case 'bytes':
      return Buffer.from(spec.hex, 'hex');
    case 'number':
      return spec.number;
    case 'boolean':
      return spec.boolean;
    case 'null':
      return null;
    case 'absent':
      return ABSENT;
    case 'object':
      return structuredClone(spec.object);
    case 'list':
      return spec.items.map(value);
    case 'milliseconds':
      return spec.ms;
    default:
      throw new Error(`no JavaScript value for kind ${spec.kind}`);
  }
}

/** Arguments up to the last one given; an absent one is left out. */
function call(fn, ...args) {
  while (args.length > 0 && args[args.length - 1] === ABSENT) {
    args.pop();
  }
  return fn(...args.map((arg) => (arg === ABSENT ? undefined : arg)));
}

const OPTION_NAMES = { tolerance: 'toleranceMs', maxPayloadBytes: 'maxPayloadBytes' };

function construct(testCase) {
  const secret = 'secrets' in testCase ? value(testCase.secrets) : value(testCase.secret);
  const options = Object.fromEntries(
    Object.entries(testCase.options ?? {}).map(([name, spec]) => [OPTION_NAMES[name], value(spec)]),
  );
  return call((...args) => new avara.Webhook(...args), secret, testCase.options ? options : ABSENT);
}

function deliver(group, testCase) {
  const webhook = new avara.Webhook(group.secret, { nowMs: group.nowMs });
  let headers = Object.fromEntries(group.headers);
  if ('headers' in testCase) {
    headers = value(testCase.headers);
  }
  if ('header' in testCase) {
    const line = value(testCase.header.value);
    if (line === ABSENT) {
      delete headers[testCase.header.name];
    } else {
      headers[testCase.header.name] = line;
    }
  }
  const body = 'body' in testCase ? value(testCase.body) : Buffer.from(group.payload);
  return webhook[testCase.call](body, headers);
}

function sign(group, testCase) {
  return call(
    avara.sign,
    'secret' in testCase ? value(testCase.secret) : group.secret,
    'timestamp' in testCase ? value(testCase.timestamp) : group.timestamp,
    'body' in testCase ? value(testCase.body) : Buffer.from(group.payload),
  );
}

function signStandard(group, testCase) {
  return call(
    avara.signStandard,
    'secret' in testCase ? value(testCase.secret) : group.secret,
    'webhookId' in testCase ? value(testCase.webhookId) : group.webhookId,
    'timestamp' in testCase ? value(testCase.timestamp) : group.timestamp,
    'body' in testCase ? value(testCase.body) : Buffer.from(group.payload),
  );
}

/** `study.access_requested` → `StudyAccessRequestedResponse`. */
function responseExport(eventType) {
  const words = eventType.split(/[._]/).map((word) => word[0].toUpperCase() + word.slice(1));
  return avara[`${words.join('')}Response`];
}

const RUNNERS = {
  webhook: (group, testCase) => construct(testCase),
  verify: deliver,
  unsafe_unwrap: (group, testCase) => avara.unsafeUnwrap(value(testCase.body)),
  sign,
  sign_standard: signStandard,
  response: (group, testCase) =>
    responseExport(testCase.eventType)[testCase.constructor](...testCase.args.map(value)),
};

const ARGUMENT_ERRORS = {
  argument_type: [TypeError, 'ERR_INVALID_ARG_TYPE'],
  argument_range: [RangeError, 'ERR_OUT_OF_RANGE'],
  argument_value: [TypeError, 'ERR_INVALID_ARG_VALUE'],
};

function judge(group, testCase, action) {
  if (testCase.result === 'valid') {
    const result = action();
    if ('signature' in testCase) {
      assert.equal(result, testCase.signature);
    }
    if ('expected' in testCase) {
      assert.deepEqual(result, testCase.expected);
    }
    if ('signedHeaders' in testCase) {
      assert.deepEqual(result, testCase.signedHeaders);
    }
    return;
  }
  assert.throws(action, (error) => {
    if (testCase.error === 'webhook') {
      assert.ok(error instanceof avara.WebhookVerificationError, `not a WebhookVerificationError: ${error}`);
      assert.equal(error.code, testCase.code, error.message);
      assert.ok(error.message.includes(testCase.messageIncludes ?? ''), error.message);
    } else {
      const [Class, code] = ARGUMENT_ERRORS[testCase.error];
      assert.ok(!(error instanceof avara.AvaraError), `an argument error, not ${error}`);
      assert.equal(error.constructor, Class, `${error}`);
      assert.equal(error.code, code, error.message);
      const flat = (text) => text.toLowerCase().replaceAll('_', '');
      assert.ok(flat(error.message).includes(flat(testCase.argument)), error.message);
    }
    return true;
  });
}

const file = JSON.parse(fs.readFileSync(FILE, 'utf8'));
const cases = file.testGroups.flatMap((group) => group.tests.map((testCase) => [group, testCase]));
let ran = 0;

describe('inputs.json', () => {
  it('is the binding inputs schema and counts its cases in numberOfTests', () => {
    assert.equal(file.schema, 'binding_inputs_v1');
    assert.equal(cases.length, file.numberOfTests);
  });

  for (const [group, testCase] of cases) {
    it(`tcId ${testCase.tcId} (${group.type}): ${testCase.comment}`, () => {
      ran += 1;
      const runner = RUNNERS[group.type];
      assert.ok(runner, `no runner for group type ${group.type}`);
      judge(group, testCase, () => runner(group, testCase));
    });
  }
});

after(() => {
  console.log(`node vectors: bindings/inputs.json ${ran} cases`);
});
