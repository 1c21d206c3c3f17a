'use strict';

// The integration guide's JavaScript samples (tests/guide/js/*.mjs), byte for byte as
// printed, run against the emulator. The only change allowed is the study ID of the
// reroute sample, replaced at run time by one that exists.

const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { after, before, it } = require('node:test');
const Avara = require('..');
const { startEmulator } = require('./support/emulator.js');

const REPOSITORY = path.join(__dirname, '..', '..');
const SAMPLES = path.join(REPOSITORY, 'tests', 'guide', 'js');
const GUIDE = path.join(REPOSITORY, '..', 'shared', 'seed', 'integration-guide.txt');
const GUIDE_STUDY_ID = 'stu_1234567890abcdef1234567890abcdef';
const GUIDE_STUDY_UID = '1.3.6.1.4.1.543245.54356543';

let emulator;

/** What `npm install` in tests/guide/js would make: `avara` resolving to this package. */
function linkPackage() {
  const link = path.join(SAMPLES, 'node_modules', 'avara');
  fs.mkdirSync(path.dirname(link), { recursive: true });
  if (!fs.existsSync(link)) {
    fs.rmSync(link, { force: true }); // a dangling link from a moved checkout
    fs.symlinkSync(path.relative(path.dirname(link), path.join(REPOSITORY, 'bindings-node')), link, 'dir');
  }
}

/** Runs module source in the samples' folder, so `import Avara from 'avara'` finds the package. */
function runSample(source) {
  return spawnSync(process.execPath, ['--input-type=module'], {
    cwd: SAMPLES,
    input: source,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, AVARA_API_KEY: emulator.keys[0], AVARA_BASE_URL: emulator.baseURL },
  });
}

function sample(name) {
  return fs.readFileSync(path.join(SAMPLES, name), 'utf8');
}

before(async () => {
  linkPackage();
  emulator = await startEmulator();
});

after(() => emulator?.stop());

it('has each sample verbatim in the integration guide', () => {
  assert.ok(fs.existsSync(GUIDE), `the integration guide is missing: expected ${GUIDE} (a checkout of ../shared beside the repository)`);
  const guide = fs.readFileSync(GUIDE, 'utf8');
  const files = fs.readdirSync(SAMPLES).filter((name) => name.endsWith('.mjs')).sort();
  assert.deepEqual(files, ['create-study.mjs', 'reroute-url.mjs']);
  for (const name of files) {
    assert.ok(guide.includes(sample(name)), `${name} is not a verbatim excerpt of the guide`);
  }
});

it('runs create-study.mjs unchanged: the study exists afterwards', async () => {
  const run = spawnSync(process.execPath, [path.join(SAMPLES, 'create-study.mjs')], {
    cwd: SAMPLES,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, AVARA_API_KEY: emulator.keys[0], AVARA_BASE_URL: emulator.baseURL },
  });
  assert.equal(run.status, 0, run.stderr);
  const client = new Avara({ apiKey: emulator.keys[0], baseURL: emulator.baseURL });
  const study = await client.viewer.studies.retrieveByUid(GUIDE_STUDY_UID);
  assert.equal(study.studyDescription, 'Coronary CT Angiogram');
});

it('runs reroute-url.mjs with an existing study ID, and fails with NotFoundError with the printed one', async () => {
  const client = new Avara({ apiKey: emulator.keys[0], baseURL: emulator.baseURL });
  const study = await client.viewer.studies.create({ severity: 'normal', studyDescription: 'Reroute sample', studyInstanceUid: '1.2.826.0.1.77' });
  const source = sample('reroute-url.mjs');
  assert.ok(source.includes(GUIDE_STUDY_ID));
  const run = runSample(source.replaceAll(GUIDE_STUDY_ID, study.studyId));
  assert.equal(run.status, 0, run.stderr);

  const printed = runSample(source);
  assert.notEqual(printed.status, 0, 'the printed study ID does not exist on the emulator');
  assert.match(printed.stderr, /NotFoundError/);
});
