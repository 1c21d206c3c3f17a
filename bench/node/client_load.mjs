// Requests per second of one Node client against a running emulator.
//
//   node client_load.mjs --client sdk|fetch|raw --op create|list --in-flight N --seconds S
//                        --base-url URL --api-key KEY
//
// `sdk` is avara; `fetch` the peer a Node user would otherwise write (global fetch and
// JSON.parse, which the official TypeScript SDK also uses); `raw` node:http on a
// keep-alive agent, reading the body without parsing it: the loopback round trip every
// client pays. Prints one JSON object: calls and seconds.

import http from 'node:http';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({
  options: {
    client: { type: 'string' },
    op: { type: 'string' },
    'in-flight': { type: 'string', default: '1' },
    seconds: { type: 'string', default: '3' },
    'base-url': { type: 'string' },
    'api-key': { type: 'string' },
  },
});
const baseURL = options['base-url'];
const apiKey = options['api-key'];
const inFlight = Number(options['in-flight']);
// Distinct per process so repeated runs against one emulator never collide on a UID.
const uidPrefix = `1.2.826.0.1.3680043.${process.hrtime.bigint() % 1000000000n}`;
const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', accept: 'application/json' };
const createBody = (index) =>
  ({ severity: 'normal', studyDescription: 'Benchmark CT', studyInstanceUid: `${uidPrefix}.${index}` });

async function sdkCall() {
  const { default: Avara } = await import('avara');
  const client = new Avara({ apiKey, baseURL, maxRetries: 0 });
  return async (index) => {
    if (options.op === 'create') {
      await client.viewer.studies.create(createBody(index));
    } else {
      const page = await client.viewer.studies.list({ limit: 20 });
      if (page.studies.length !== 20) throw new Error('short page');
    }
  };
}

function fetchCall() {
  return async (index) => {
    const response = options.op === 'create'
      ? await fetch(`${baseURL}/v1/viewer/studies`, { method: 'POST', headers, body: JSON.stringify(createBody(index)) })
      : await fetch(`${baseURL}/v1/viewer/studies?limit=20`, { headers });
    const parsed = JSON.parse(await response.text());
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${JSON.stringify(parsed)}`);
  };
}

function rawCall() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
  const url = new URL(baseURL);
  return (index) => new Promise((resolve, reject) => {
    const create = options.op === 'create';
    const request = http.request({
      host: url.hostname, port: url.port, agent, headers,
      method: create ? 'POST' : 'GET',
      path: create ? '/v1/viewer/studies' : '/v1/viewer/studies?limit=20',
    }, (response) => {
      response.on('data', () => {});
      response.on('end', () => (response.statusCode < 300 ? resolve() : reject(new Error(`HTTP ${response.statusCode}`))));
    });
    request.on('error', reject);
    request.end(create ? JSON.stringify(createBody(index)) : undefined);
  });
}

const call = options.client === 'sdk' ? await sdkCall() : options.client === 'fetch' ? fetchCall() : rawCall();
await call(0);
let next = 1;
let calls = 0;
const started = performance.now();
const deadline = started + Number(options.seconds) * 1000;
async function worker() {
  while (performance.now() < deadline) {
    await call(next++);
    calls += 1;
  }
}
await Promise.all(Array.from({ length: inFlight }, worker));
console.log(JSON.stringify({ calls, seconds: (performance.now() - started) / 1000 }));
process.exit(0);
