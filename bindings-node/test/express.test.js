'use strict';

// A real Express receiver on loopback: raw bodies and Node's header objects end to end.

const assert = require('node:assert/strict');
const http = require('node:http');
const { after, before, describe, it } = require('node:test');
const express = require('express');
const Avara = require('..');
const { StudyAccessRequestedResponse, WebhookVerificationError, sign } = Avara;

const SECRET = 'express_test_secret_0123456789abcdef';
const BODY = '{"id":"whe_0123456789abcdef0123456789abcdef","type":"study.access_requested","data":{"studyId":"stu_1234567890abcdef1234567890abcdef","studyInstanceUid":"1.2.840.10008.1"}}';

function receiver(readHeaders) {
  const avara = new Avara({ webhookSecret: SECRET });
  const app = express();
  app.post('/webhooks', express.raw({ type: 'application/json' }), (req, res) => {
    try {
      const event = avara.webhooks.unwrap(req.body, { headers: readHeaders(req) });
      res.json(StudyAccessRequestedResponse.authorized([`https://pacs.example/${event.data.studyId}`]));
    } catch (error) {
      assert.ok(error instanceof WebhookVerificationError, String(error));
      res.status(400).json({ code: error.code });
    }
  });
  return app;
}

/** Posts with raw header lines, so a header can be sent twice. */
function post(port, lines, body = BODY) {
  return new Promise((resolve, reject) => {
    const request = http.request({ port, method: 'POST', path: '/webhooks' }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, body: JSON.parse(Buffer.concat(chunks)) }));
    });
    request.on('error', reject);
    request.setHeader('Content-Type', 'application/json');
    for (const [name, values] of Object.entries(lines)) {
      request.setHeader(name, values);
    }
    request.end(body);
  });
}

function signed(body = BODY) {
  const timestamp = String(Date.now());
  return { 'X-Avara-Signature': sign(SECRET, timestamp, body), 'X-Avara-Timestamp': timestamp };
}

describe('an Express receiver', () => {
  const servers = {};
  before(async () => {
    for (const [name, readHeaders] of Object.entries({ headers: (req) => req.headers, distinct: (req) => req.headersDistinct })) {
      servers[name] = receiver(readHeaders).listen(0, '127.0.0.1');
      await new Promise((resolve) => servers[name].once('listening', resolve));
    }
  });
  after(() => Object.values(servers).forEach((server) => server.close()));
  const port = (name) => servers[name].address().port;

  it('verifies the raw body with req.headers and answers', async () => {
    const response = await post(port('headers'), signed());
    assert.equal(response.status, 200);
    assert.deepStrictEqual(response.body, {
      authorized: true,
      urls: ['https://pacs.example/stu_1234567890abcdef1234567890abcdef'],
    });
  });

  it('rejects a tampered body', async () => {
    const response = await post(port('headers'), signed(), BODY.replace('10008', '10009'));
    assert.deepStrictEqual(response, { status: 400, body: { code: 'signature_mismatch' } });
  });

  it('sees a repeated signature line as joined in req.headers', async () => {
    const lines = signed();
    lines['X-Avara-Signature'] = [lines['X-Avara-Signature'], lines['X-Avara-Signature']];
    const response = await post(port('headers'), lines);
    assert.deepStrictEqual(response, { status: 400, body: { code: 'malformed_signature' } });
  });

  it('sees a repeated signature line as a duplicate in req.headersDistinct', async () => {
    assert.equal((await post(port('distinct'), signed())).status, 200);
    const lines = signed();
    lines['X-Avara-Signature'] = [lines['X-Avara-Signature'], lines['X-Avara-Signature']];
    const response = await post(port('distinct'), lines);
    assert.deepStrictEqual(response, { status: 400, body: { code: 'duplicate_header' } });
  });
});
