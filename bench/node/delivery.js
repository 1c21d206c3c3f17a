'use strict';

// The deliveries of bench/delivery.json, signed here with node:crypto (independently of
// the package under test) and with the current time, right before each measurement.

const crypto = require('node:crypto');
const fixture = require('../delivery.json');

function bodies() {
  const small = Buffer.from(fixture.body);
  const head = fixture.body.slice(0, -1);
  const frame = `${head},"padding":""}`;
  const large = Buffer.from(`${head},"padding":"${'x'.repeat(fixture.largeBytes - frame.length)}"}`);
  return [
    ['delivery', small],
    ['1MiB', large],
  ];
}

/** The request's headers as Express hands them over in `req.headers`. */
function request(signed) {
  return { ...Object.fromEntries(fixture.requestHeaders), ...signed };
}

function guideRequest(body) {
  const timestamp = String(Date.now());
  const signature = crypto
    .createHmac('sha256', fixture.secret)
    .update(timestamp)
    .update(body)
    .digest('hex');
  return request({ 'x-avara-signature': signature, 'x-avara-timestamp': timestamp });
}

function standardRequest(body) {
  const seconds = String(Math.floor(Date.now() / 1000));
  const key = Buffer.from(fixture.standardSecret.slice('whsec_'.length), 'base64');
  const signature = crypto
    .createHmac('sha256', key)
    .update(`${fixture.webhookId}.${seconds}.`)
    .update(body)
    .digest('base64');
  return request({
    'webhook-id': fixture.webhookId,
    'webhook-timestamp': seconds,
    'webhook-signature': `v1,${signature}`,
  });
}

module.exports = { fixture, bodies, guideRequest, standardRequest };
