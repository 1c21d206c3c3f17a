'use strict';

// Secrets and API keys never show up in inspection, serialization or error messages.

const assert = require('node:assert/strict');
const util = require('node:util');
const { describe, it } = require('node:test');
const Avara = require('..');
const { Webhook, sign } = Avara;

const SECRET = 'SeCrEt-f7b1c0de-9a4e-4b3d-8f2a-DISTINCTIVE-0xC0FFEE';
const API_KEY = 'ak_live_DISTINCTIVE_api_key_7c9e6679-7425-40de-944b';
const NOW = 1767225600000;

function assertHidden(text, ...values) {
  for (const value of values) {
    assert.ok(!text.includes(value), `leaked in: ${text}`);
    assert.ok(!text.includes(value.slice(0, 12)), `partly leaked in: ${text}`);
  }
}

function shows(value) {
  return [
    util.inspect(value),
    util.inspect(value, { showHidden: true, depth: Infinity, getters: true }),
    util.inspect(value, { customInspect: false, showHidden: true, depth: Infinity }),
    String(value),
    `${value}`,
    JSON.stringify(value) ?? '',
    util.format('%o %O %j', value, value, value),
  ].join('\n');
}

function errorText(action) {
  try {
    action();
  } catch (error) {
    return `${error.message}\n${error.stack}\n${util.inspect(error)}`;
  }
  assert.fail('expected an error');
}

describe('a Webhook', () => {
  it('never shows its secrets', () => {
    assertHidden(shows(new Webhook(SECRET)), SECRET);
    assertHidden(shows(new Webhook([SECRET, `${SECRET}-rotated`])), SECRET);
  });

  it('keeps secrets out of every verification failure', () => {
    const webhook = new Webhook(SECRET, { nowMs: NOW });
    const body = '{"type":"x.y"}';
    const failures = [
      { 'x-avara-signature': '0'.repeat(64), 'x-avara-timestamp': String(NOW) },
      { 'x-avara-signature': sign(SECRET, NOW - 10 ** 6, body), 'x-avara-timestamp': String(NOW - 10 ** 6) },
      { 'x-avara-signature': 'nope', 'x-avara-timestamp': 'never' },
      { 'webhook-id': 'msg_1', 'webhook-timestamp': '1767225600', 'webhook-signature': 'v1,AAAA' },
      {},
    ];
    for (const headers of failures) {
      assertHidden(errorText(() => webhook.verify(body, headers)), SECRET);
    }
  });

  it('keeps rejected secrets out of the constructor error', () => {
    for (const secret of [` ${SECRET}`, `${SECRET}\n`, [SECRET, ` ${SECRET}`], Buffer.from(SECRET), [SECRET, { secret: SECRET }]]) {
      assertHidden(errorText(() => new Webhook(secret)), SECRET.trim());
    }
    assertHidden(errorText(() => new Webhook(SECRET.slice(0, 20))), SECRET.slice(0, 20));
  });
});

describe('the Avara client', () => {
  it('never shows its API key or webhook secret', () => {
    const client = new Avara({ apiKey: API_KEY, webhookSecret: SECRET });
    assertHidden(shows(client), API_KEY, SECRET);
    assertHidden(shows(client.webhooks), SECRET);
    assert.throws(() => client.webhooks.verify('{}', { headers: {} }));
    assertHidden(shows(client.webhooks), SECRET);
    assertHidden(JSON.stringify({ client }), API_KEY, SECRET);
  });

  it('says whether an API key is set without showing it', () => {
    assert.match(util.inspect(new Avara({ apiKey: API_KEY })), /apiKey: '\[REDACTED\]'/);
    assert.deepStrictEqual(new Avara({ apiKey: API_KEY }).toJSON(), { apiKey: '[REDACTED]' });
  });

  it('keeps a per-call key out of its errors', () => {
    const client = new Avara({ webhookSecret: SECRET });
    assertHidden(errorText(() => client.webhooks.unwrap('{}', { headers: {}, key: `${SECRET}X` })), SECRET);
    assertHidden(errorText(() => client.webhooks.unwrap('{}', { headers: {}, key: ` ${SECRET}` })), SECRET);
  });
});
