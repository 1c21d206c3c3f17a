'use strict';

// Verifies and unwraps the sample delivery the Rust demo signed:
//   node examples/demo.js target/demo/delivery.json

const fs = require('node:fs');
const { Webhook } = require('avara');

const file = process.argv[2] ?? 'target/demo/delivery.json';
const delivery = JSON.parse(fs.readFileSync(file, 'utf8'));

const webhook = new Webhook(delivery.secret);
const body = Buffer.from(delivery.body, 'utf8');
const verified = webhook.verify(body, delivery.headers);
const event = webhook.unwrap(body, delivery.headers);
if (event.type !== 'study.access_requested') {
  throw new Error(`the sample is a study.access_requested delivery, got ${event.type}`);
}

console.log(
  `${'node'.padEnd(8)}verified ${event.type} ${event.id} for ${event.data.studyId} ` +
    `(scheme ${verified.scheme}, secret #${verified.secretIndex})`,
);
