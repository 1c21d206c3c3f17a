'use strict';

const crypto = require('node:crypto');

/**
 * The integration guide's Express receiver, as written there: `express.json()` parses
 * the body, then `verifyWebhookSignature` re-serializes it and HMACs the result.
 */
function guideReceive(rawBody, headers) {
  const req = { headers, body: JSON.parse(rawBody.toString('utf8')) };
  if (!verifyWebhookSignature(req)) {
    throw new Error('Invalid signature');
  }
  return req.body;
}

// Verbatim from the guide (TypeScript annotations dropped).
function verifyWebhookSignature(req) {
  const secret = process.env.AVARA_JWT_WEBHOOK_SECRET;
  if (!secret) {
    throw new Error('AVARA_JWT_WEBHOOK_SECRET not configured');
  }
  const signature = req.headers['x-avara-signature'];
  const timestamp = req.headers['x-avara-timestamp'];
  if (!signature || !timestamp) {
    return false;
  }
  const payload = JSON.stringify(req.body);
  const expectedSignature = crypto
    .createHmac('sha256', secret)
    .update(timestamp + payload)
    .digest('hex');
  return crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expectedSignature));
}

const TOLERANCE_MS = 5 * 60 * 1000;

/**
 * What a careful engineer writes: the raw body hashed as received, a key object made
 * once, the hex signature decoded and compared in constant time, freshness checked.
 */
class TunedVerifier {
  #key;

  constructor(secret) {
    this.#key = crypto.createSecretKey(Buffer.from(secret, 'utf8'));
  }

  verify(rawBody, headers) {
    const signature = headers['x-avara-signature'];
    const timestamp = headers['x-avara-timestamp'];
    if (typeof signature !== 'string' || typeof timestamp !== 'string' || signature.length !== 64) {
      return false;
    }
    const given = Buffer.from(signature, 'hex');
    const expected = crypto.createHmac('sha256', this.#key).update(timestamp).update(rawBody).digest();
    return (
      given.length === expected.length &&
      crypto.timingSafeEqual(given, expected) &&
      Math.abs(Date.now() - Number(timestamp)) <= TOLERANCE_MS
    );
  }

  unwrap(rawBody, headers) {
    if (!this.verify(rawBody, headers)) {
      throw new Error('Invalid signature');
    }
    return JSON.parse(rawBody.toString('utf8'));
  }
}

module.exports = { guideReceive, TunedVerifier };
