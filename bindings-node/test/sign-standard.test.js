'use strict';

// signStandard: the Standard Webhooks headers, and its arguments checked as sign's are.

const assert = require('node:assert/strict');
const http = require('node:http');
const net = require('node:net');
const { describe, it } = require('node:test');
const { Webhook, WebhookVerificationError, signStandard } = require('..');

const SECRET = 'whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=';
const SECONDS = 1767225600;
const BODY = Buffer.from('{"id":"whe_0123456789abcdef0123456789abcdef","type":"x","data":{}}');

function webhookError(code, messageIncludes) {
  return (error) => {
    assert.ok(error instanceof WebhookVerificationError, `${error}`);
    assert.equal(error.code, code);
    assert.ok(error.message.includes(messageIncludes), error.message);
    return true;
  };
}

function argumentError(type, code, name) {
  return (error) => {
    assert.ok(error instanceof type, `${error}`);
    assert.equal(error.code, code);
    assert.ok(error.message.includes(name), error.message);
    return true;
  };
}

describe('signStandard', () => {
  it('returns the three headers by name, in the spec order, ready to send', () => {
    const headers = signStandard(SECRET, 'msg_1', SECONDS, BODY);
    assert.deepStrictEqual(Object.keys(headers), ['webhook-id', 'webhook-timestamp', 'webhook-signature']);
    assert.equal(headers['webhook-id'], 'msg_1');
    assert.equal(headers['webhook-timestamp'], String(SECONDS));
    assert.match(headers['webhook-signature'], /^v1,[A-Za-z0-9+/]{43}=$/);
    assert.equal(Object.getPrototypeOf(headers), Object.prototype);
  });

  it('verifies with Webhook, from a string body too, with or without whsec_', () => {
    for (const secret of [SECRET, SECRET.slice('whsec_'.length)]) {
      const headers = signStandard(secret, 'msg 1 é', SECONDS, BODY.toString());
      const verified = new Webhook(secret, { nowMs: SECONDS * 1000 }).verify(BODY, headers);
      assert.equal(verified.scheme, 'standard');
      assert.equal(verified.webhookId, 'msg 1 é');
    }
  });

  it('verifies a non-ASCII id handed over as the bytes that arrived', () => {
    const headers = signStandard(SECRET, 'msg é 日本', SECONDS, BODY);
    const arrived = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Buffer.from(value)]));
    const verified = new Webhook(SECRET, { nowMs: SECONDS * 1000 }).verify(BODY, arrived);
    assert.equal(verified.webhookId, 'msg é 日本');
  });

  it('verifies a non-ASCII id from req.headers, which node:http decodes one character per byte', async () => {
    const headers = signStandard(SECRET, 'msg é 日本', SECONDS, BODY);
    const webhook = new Webhook(SECRET, { nowMs: SECONDS * 1000 });
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        let outcome;
        try {
          outcome = webhook.verify(BODY, req.headers).webhookId;
        } catch (error) {
          outcome = error.code;
        }
        res.end(JSON.stringify({ received: req.headers['webhook-id'], outcome }));
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      // Written as bytes: node:http's client refuses header text outside ISO-8859-1.
      const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
      const request = Buffer.from(`POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: ${BODY.length}\r\n${lines}\r\n`);
      const answer = await new Promise((resolve, reject) => {
        const chunks = [];
        const socket = net.connect(server.address().port, '127.0.0.1', () => socket.end(Buffer.concat([request, BODY])));
        socket.on('data', (chunk) => chunks.push(chunk));
        socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        socket.on('error', reject);
      });
      const { received, outcome } = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
      assert.equal(received, Buffer.from('msg é 日本').toString('latin1'));
      assert.equal(outcome, 'msg é 日本');
    } finally {
      server.close();
    }
  });

  it('reads an id handed over as bytes as those bytes, UTF-8 or not', () => {
    const headers = signStandard(SECRET, 'msg_é', SECONDS, BODY);
    const webhook = new Webhook(SECRET, { nowMs: SECONDS * 1000 });
    const latin1Bytes = { ...headers, 'webhook-id': Buffer.from('msg_é', 'latin1') };
    assert.throws(() => webhook.verify(BODY, latin1Bytes), webhookError('malformed_id', 'UTF-8'));
  });

  it('refuses a secret as sign does, and a key the verifier would refuse', () => {
    assert.throws(() => signStandard(undefined, 'msg', SECONDS, BODY), webhookError('invalid_secret', 'the signing secret is missing'));
    assert.throws(() => signStandard(Buffer.from(SECRET), 'msg', SECONDS, BODY), webhookError('invalid_secret', 'must be a string'));
    assert.throws(() => signStandard(`${SECRET}\ud800`, 'msg', SECONDS, BODY), webhookError('invalid_secret', 'surrogate'));
    assert.throws(() => signStandard('whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'msg', SECONDS, BODY), webhookError('invalid_secret', 'at least 24 bytes'));
    assert.throws(() => signStandard(`${SECRET}\ufeff`, 'msg', SECONDS, BODY), webhookError('invalid_secret', 'invisible character'));
  });

  it('refuses a body that is not raw', () => {
    assert.throws(() => signStandard(SECRET, 'msg', SECONDS, { id: 1 }), webhookError('payload_not_raw', 'raw request body'));
  });

  it('refuses an id or a timestamp of another type or out of range with the argument errors', () => {
    assert.throws(() => signStandard(SECRET, 42, SECONDS, BODY), argumentError(TypeError, 'ERR_INVALID_ARG_TYPE', 'webhookId'));
    assert.throws(() => signStandard(SECRET, undefined, SECONDS, BODY), argumentError(TypeError, 'ERR_INVALID_ARG_TYPE', 'webhookId'));
    assert.throws(() => signStandard(SECRET, 'msg\ud800', SECONDS, BODY), argumentError(TypeError, 'ERR_INVALID_ARG_VALUE', 'webhookId'));
    assert.throws(() => signStandard(SECRET, 'msg', String(SECONDS), BODY), argumentError(TypeError, 'ERR_INVALID_ARG_TYPE', 'timestamp'));
    assert.throws(() => signStandard(SECRET, 'msg', -1, BODY), argumentError(RangeError, 'ERR_OUT_OF_RANGE', 'timestamp'));
    assert.throws(() => signStandard(SECRET, 'msg', 1.5, BODY), argumentError(RangeError, 'ERR_OUT_OF_RANGE', 'timestamp'));
  });
});
