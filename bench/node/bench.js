'use strict';

// Node harness: `node bench.js --out FILE` measures every operation and writes the raw
// samples as JSON for bench/report.py; `node bench.js --quick` runs each operation a
// few times and checks its result, which is what `make bench-smoke` does.

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const avara = require('avara');
const standardwebhooks = require('standardwebhooks');
const { measure } = require('./measure.js');
const { fixture, bodies, guideRequest, standardRequest } = require('./delivery.js');
const { guideReceive, TunedVerifier } = require('./peers.js');

const avaraDir = path.dirname(require.resolve('avara/package.json'));
// The package's loader, for the one call that only exists to time the boundary.
const native = require(path.join(avaraDir, 'native.js'));

const isStudyAccess = (event) =>
  event.type === 'study.access_requested' && typeof event.data.studyId === 'string';

function operations() {
  process.env.AVARA_JWT_WEBHOOK_SECRET = fixture.secret;
  const ours = new avara.Webhook(fixture.secret);
  const oursStandard = new avara.Webhook(fixture.standardSecret);
  const tuned = new TunedVerifier(fixture.secret);
  const official = new standardwebhooks.Webhook(fixture.standardSecret);
  // Each entry: name, sizes it runs on (all if absent), a freshly signed call, its check.
  return [
    ['ours.verify', (body, h = guideRequest(body)) => () => ours.verify(body, h), (r) => r.scheme === 'guide'],
    ['ours.unwrap', (body, h = guideRequest(body)) => () => ours.unwrap(body, h), isStudyAccess],
    ['ours.unwrap_standard', (body, h = standardRequest(body)) => () => oursStandard.unwrap(body, h), isStudyAccess],
    ['guide', (body, h = guideRequest(body)) => () => guideReceive(body, h), isStudyAccess],
    ['tuned.verify', (body, h = guideRequest(body)) => () => tuned.verify(body, h), (r) => r === true],
    ['tuned.unwrap', (body, h = guideRequest(body)) => () => tuned.unwrap(body, h), isStudyAccess],
    ['standardwebhooks', (body, h = standardRequest(body)) => () => official.verify(body, h), isStudyAccess],
    ['sha256', (body) => () => crypto.createHash('sha256').update(body).digest(), (r) => r.length === 32],
    ['ffi.noop', () => () => native.__benchNoop(), (r) => r === undefined, ['delivery']],
  ].map(([name, signed, check, sizes]) => ({ name, signed, check, sizes }));
}

function run({ quick, out }) {
  const results = [];
  for (const [size, body] of bodies()) {
    for (const { name, signed, check, sizes } of operations()) {
      if (sizes && !sizes.includes(size)) continue;
      const op = signed(body);
      if (!check(op())) {
        throw new Error(`${name} on the ${size} body returned a wrong result`);
      }
      const samples = measure(op, { samples: quick ? 2 : 30, quick });
      results.push({ size, bytes: body.length, op: name, samples_ns: samples });
      if (quick) console.log(`ok ${size} ${name}`);
    }
  }
  if (out) {
    const report = {
      runtime: 'node',
      versions: {
        node: process.version,
        v8: process.versions.v8,
        openssl: process.versions.openssl,
        avara: require('avara/package.json').version,
        standardwebhooks: require('standardwebhooks/package.json').version,
      },
      native: process.env.NAPI_RS_NATIVE_LIBRARY_PATH ?? path.join(avaraDir, 'avara.linux-x64-gnu.node'),
      results,
    };
    fs.writeFileSync(out, `${JSON.stringify(report, null, 1)}\n`);
  }
}

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
run({ quick: args.includes('--quick'), out: outAt >= 0 ? args[outAt + 1] : undefined });
