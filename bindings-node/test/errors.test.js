'use strict';

// One error class for every webhook failure, with the core's codes.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { describe, it } = require('node:test');
const { Webhook, WebhookVerificationError } = require('..');
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
    const declarations = fs.readFileSync(path.join(__dirname, '..', 'generated', 'errors.d.ts'), 'utf8');
    const union = declarations.match(/export type WebhookErrorCode =([^;]+);/)[1];
    const declared = [...union.matchAll(/'([a-z_]+)'/g)].map((match) => match[1]);
    assert.deepStrictEqual(declared, native.errorCodes());
  });
});
