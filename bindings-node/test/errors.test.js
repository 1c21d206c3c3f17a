'use strict';

// One error class for every webhook failure, with the core's codes.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { describe, it } = require('node:test');
const { Webhook, WebhookVerificationError } = require('..');
const { APIError, CLASS_OF_CODE, apiError } = require('../lib/api-errors.js');
const native = require('../native.js');

describe('WebhookVerificationError', () => {
  it('is an Error with a name, a code and a stack', () => {
    const error = new WebhookVerificationError('signature_mismatch', 'no secret matches');
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'WebhookVerificationError');
    assert.equal(error.code, 'signature_mismatch');
    assert.equal(error.message, 'no secret matches');
    assert.match(error.stack, /^WebhookVerificationError: no secret matches/);
    assert.equal(String(error), 'WebhookVerificationError: no secret matches');
  });

  it('carries the core message, which names the header at fault', () => {
    const webhook = new Webhook('errors_test_secret_0123456789abcdefgh');
    assert.throws(() => webhook.verify('{}', { 'x-avara-signature': 'a'.repeat(64) }), (error) => {
      assert.ok(error instanceof WebhookVerificationError);
      assert.equal(error.code, 'missing_timestamp');
      assert.match(error.message, /X-Avara-Timestamp/);
      assert.match(error.stack, /verify/);
      return true;
    });
  });

  it('declares exactly the core codes, in the core order, generated from the core', () => {
    assert.deepStrictEqual(declaredCodes('WebhookErrorCode'), native.errorCodes());
  });
});

describe('APIError', () => {
  it('has a class for every code of the generated APIErrorCode, each its own but api_status', () => {
    const codes = declaredCodes('APIErrorCode');
    assert.deepStrictEqual(Object.keys(CLASS_OF_CODE).sort(), [...codes].sort());
    for (const code of codes) {
      const error = apiError({ code, message: 'm' });
      assert.ok(error instanceof CLASS_OF_CODE[code] && error instanceof APIError, code);
      assert.equal(error.code, code);
    }
    const specific = codes.filter((code) => CLASS_OF_CODE[code] !== APIError);
    assert.deepStrictEqual(specific, codes.filter((code) => code !== 'api_status'));
    assert.equal(new Set(specific.map((code) => CLASS_OF_CODE[code])).size, specific.length);
  });
});

/** The codes of a union in the generated `errors.d.ts`, in order. */
function declaredCodes(name) {
  const declarations = fs.readFileSync(path.join(__dirname, '..', 'generated', 'errors.d.ts'), 'utf8');
  const union = declarations.match(new RegExp(`export type ${name} =([^;]+);`))[1];
  return [...union.matchAll(/'([a-z_]+)'/g)].map((match) => match[1]);
}
