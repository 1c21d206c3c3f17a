'use strict';

// Every header container Node code holds reaches the core line by line.

const assert = require('node:assert/strict');
const { describe, it } = require('node:test');
const { Webhook, WebhookVerificationError, sign } = require('..');

const SECRET = 'headers_test_secret_0123456789abcdef';
const NOW = 1767225600000;
const BODY = Buffer.from('{"type":"test.ping"}');
const SIGNATURE = sign(SECRET, NOW, BODY);
const webhook = new Webhook(SECRET, { nowMs: NOW });

function rejects(headers, code) {
  assert.throws(() => webhook.verify(BODY, headers), (error) => {
    assert.ok(error instanceof WebhookVerificationError);
    assert.equal(error.code, code, error.message);
    return true;
  });
}

describe('header containers', () => {
  it('reads req.headers (lowercase names)', () => {
    const verified = webhook.verify(BODY, { 'x-avara-signature': SIGNATURE, 'x-avara-timestamp': String(NOW), host: 'a' });
    assert.deepStrictEqual(verified, { scheme: 'guide', secretIndex: 0, timestampMs: NOW });
  });

  it('matches names case-insensitively', () => {
    assert.equal(webhook.verify(BODY, { 'X-AVARA-SIGNATURE': SIGNATURE, 'X-Avara-Timestamp': String(NOW) }).scheme, 'guide');
  });

  it('reads req.headersDistinct, where two values are a duplicate', () => {
    const distinct = { 'x-avara-signature': [SIGNATURE], 'x-avara-timestamp': [String(NOW)] };
    assert.equal(webhook.verify(BODY, distinct).secretIndex, 0);
    rejects({ ...distinct, 'x-avara-signature': [SIGNATURE, SIGNATURE] }, 'duplicate_header');
  });

  it('counts the same name in two spellings as a duplicate', () => {
    rejects({ 'x-avara-signature': SIGNATURE, 'X-Avara-Signature': SIGNATURE, 'x-avara-timestamp': String(NOW) }, 'duplicate_header');
  });

  it('reads a WHATWG Headers, which joins repeated lines itself', () => {
    const headers = new Headers({ 'X-Avara-Signature': SIGNATURE, 'X-Avara-Timestamp': String(NOW) });
    assert.equal(webhook.verify(BODY, headers).scheme, 'guide');
    headers.append('X-Avara-Signature', SIGNATURE);
    rejects(headers, 'malformed_signature');
  });

  it('reads a Map, with array values as repeated lines', () => {
    const map = new Map([['X-Avara-Signature', SIGNATURE], ['X-Avara-Timestamp', String(NOW)]]);
    assert.equal(webhook.verify(BODY, map).scheme, 'guide');
    map.set('X-Avara-Signature', [SIGNATURE, SIGNATURE]);
    rejects(map, 'duplicate_header');
  });

  it('reads [name, value] pairs in order, keeping duplicates', () => {
    const pairs = [['X-Avara-Signature', SIGNATURE], ['X-Avara-Timestamp', String(NOW)]];
    assert.equal(webhook.unwrap(BODY, pairs).eventType, 'test.ping');
    rejects([...pairs, ['x-avara-timestamp', String(NOW)]], 'duplicate_header');
  });

  it('treats undefined and null values as absent', () => {
    rejects({ 'x-avara-signature': SIGNATURE, 'x-avara-timestamp': undefined }, 'missing_timestamp');
    rejects({ 'x-avara-signature': null, 'x-avara-timestamp': String(NOW) }, 'missing_signature');
  });

  it('ignores inherited properties', () => {
    const headers = Object.create({ 'x-avara-signature': SIGNATURE });
    headers['x-avara-timestamp'] = String(NOW);
    rejects(headers, 'missing_signature');
  });

  it('reads the Standard Webhooks headers too', () => {
    const standard = new Webhook('whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcY', { nowMs: NOW });
    assert.throws(
      () => standard.verify(BODY, { 'webhook-id': 'msg_1', 'webhook-timestamp': String(NOW / 1000), 'webhook-signature': 'v1,AAAA' }),
      (error) => error.code === 'malformed_signature',
    );
  });
});

describe('bodies', () => {
  const headers = { 'x-avara-signature': SIGNATURE, 'x-avara-timestamp': String(NOW) };

  it('reads a Buffer that is a slice of a larger pool', () => {
    const pooled = Buffer.concat([Buffer.from('prefix'), BODY]).subarray(6);
    assert.ok(pooled.byteOffset > 0 || pooled.buffer.byteLength > pooled.length);
    assert.equal(webhook.verify(pooled, headers).scheme, 'guide');
  });

  it('reads a Uint8Array view at an offset', () => {
    const backing = new ArrayBuffer(BODY.length + 10);
    const view = new Uint8Array(backing, 5, BODY.length);
    view.set(BODY);
    assert.equal(webhook.verify(view, headers).scheme, 'guide');
  });

  it('reads a string as its UTF-8 bytes', () => {
    assert.equal(webhook.verify(BODY.toString('utf8'), headers).scheme, 'guide');
    const text = '{"type":"x.y","note":"café"}';
    const utf8 = { 'x-avara-signature': sign(SECRET, NOW, Buffer.from(text, 'utf8')), 'x-avara-timestamp': String(NOW) };
    assert.deepStrictEqual(webhook.unwrap(text, utf8), { type: 'unknown', eventType: 'x.y', raw: JSON.parse(text) });
  });

  it('verifies bodies that are not UTF-8, then refuses to parse them', () => {
    const latin1 = Buffer.from('{"type":"caf\xe9"}', 'latin1');
    const signed = { 'x-avara-signature': sign(SECRET, NOW, latin1), 'x-avara-timestamp': String(NOW) };
    assert.equal(webhook.verify(latin1, signed).scheme, 'guide');
    assert.throws(() => webhook.unwrap(latin1, signed), (error) => error.code === 'invalid_payload');
  });
});
