'use strict';

// One client shared by 16 concurrent promise chains creates 1 600 studies through 10 %
// injected faults (errors, 429s, dropped connections, half of them after the study was
// stored); retries and idempotency keys must leave every study exactly once.

const assert = require('node:assert/strict');
const { after, before, it } = require('node:test');
const Avara = require('..');
const { startEmulator } = require('./support/emulator.js');

const CHAINS = 16;
const STUDIES = 1600;
const FAULTS = ['--error-rate', '0.05', '--drop-rate', '0.03', '--rate-limit-rate', '0.02', '--after-apply-ratio', '0.5', '--retry-after-ms', '5', '--seed', '2026'];

let emulator;

before(async () => {
  emulator = await startEmulator({ flags: FAULTS });
});

after(() => emulator?.stop());

it(`${CHAINS} concurrent chains create ${STUDIES} studies through 10 % faults, each exactly once`, { timeout: 180_000 }, async () => {
  // Twelve retries make a lost create (thirteen faults in a row at 10 %) a one-in-10^13 event.
  const client = new Avara({ apiKey: emulator.keys[0], baseURL: emulator.baseURL, maxRetries: 12 });
  const started = process.hrtime.bigint();
  const created = [];
  await Promise.all(
    Array.from({ length: CHAINS }, async (_, chain) => {
      for (let n = chain; n < STUDIES; n += CHAINS) {
        const study = await client.viewer.studies.create({
          severity: 'normal',
          studyDescription: `study ${n}`,
          studyInstanceUid: `1.2.826.0.1.${n + 1}`,
        });
        created.push(study.studyId);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  assert.equal(new Set(created).size, STUDIES, 'every create returned its own study');

  const listed = [];
  for await (const study of client.viewer.studies.list({ limit: 100 })) {
    listed.push(study.studyId);
  }
  const counts = new Map();
  for (const id of listed) counts.set(id, (counts.get(id) ?? 0) + 1);
  assert.equal(listed.length, STUDIES, 'no study lost and none stored twice');
  assert.deepEqual([...counts.values()].filter((count) => count !== 1), [], 'no duplicates');
  assert.deepEqual(created.filter((id) => !counts.has(id)), [], 'every created study is listed');
  console.log(`node concurrency: ${STUDIES} creates by ${CHAINS} chains in ${seconds.toFixed(2)} s through injected faults; ${listed.length} distinct studies listed`);
});
