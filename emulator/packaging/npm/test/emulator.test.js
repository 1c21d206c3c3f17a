'use strict';

const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { test } = require('node:test');
const { Emulator, EmulatorError } = require('..');
const { accepts, createStudy } = require('./support');

const SECRET = 'whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=';

test('serves the API with the given key and closes its port on stop', async () => {
  const emulator = await Emulator.start({ apiKey: 'sk_test_node_helper', webhookSecret: SECRET, webhookScheme: 'both' });
  assert.equal(emulator.apiKey, 'sk_test_node_helper');
  assert.equal(emulator.webhookSecret, SECRET);
  assert.match(emulator.baseURL, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.deepEqual(emulator.env, {
    AVARA_BASE_URL: emulator.baseURL,
    AVARA_API_KEY: 'sk_test_node_helper',
    AVARA_JWT_WEBHOOK_SECRET: SECRET,
  });

  const created = await createStudy(emulator, emulator.apiKey, '1.2.826.0.1.1');
  assert.equal(created.status, 200);
  assert.equal((await created.json()).studyInstanceUid, '1.2.826.0.1.1');
  assert.equal((await createStudy(emulator, 'sk_test_unknown', '1.2.826.0.1.2')).status, 401);

  await emulator.stop();
  assert.equal(await accepts(emulator.baseURL), false);
  await emulator.stop();
});

test('a config object gives every key its variables; flags override the first key', async () => {
  const emulator = await Emulator.start({
    config: { keys: [{ key: 'sk_test_from_config' }, { key: 'sk_test_second', userAccess: 'none' }] },
    apiKey: 'sk_test_from_flag',
  });
  try {
    assert.equal(emulator.apiKey, 'sk_test_from_flag');
    assert.equal(emulator.env.AVARA_API_KEY_2, 'sk_test_second');
    assert.match(emulator.env.AVARA_JWT_WEBHOOK_SECRET_2, /^whsec_/);
    assert.equal((await createStudy(emulator, 'sk_test_second', '1.2.826.0.2.1')).status, 200);
  } finally {
    await emulator.stop();
  }
});

test('a config file path is passed on as it is', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'avara-emulator-test-')), 'keys.json');
  fs.writeFileSync(file, JSON.stringify({ keys: [{ key: 'sk_test_file_one' }, { key: 'sk_test_file_two' }] }));
  const emulator = await Emulator.start({ config: file });
  try {
    assert.equal(emulator.apiKey, 'sk_test_file_one');
    assert.equal(emulator.env.AVARA_API_KEY_2, 'sk_test_file_two');
  } finally {
    await emulator.stop();
    fs.rmSync(path.dirname(file), { recursive: true });
  }
});

test('extra flags reach the emulator and stderr can be read', async () => {
  const emulator = await Emulator.start({ args: ['--log-requests'], stderr: 'pipe' });
  const lines = [];
  emulator.process.stderr.setEncoding('utf8').on('data', (chunk) => lines.push(chunk));
  try {
    await createStudy(emulator, emulator.apiKey, '1.2.826.0.3.1');
  } finally {
    await emulator.stop();
  }
  assert.match(lines.join(''), /POST \/v1\/viewer\/studies -> 200/);
});

test('a refused flag fails the start with the emulator_start_failed code', async () => {
  await assert.rejects(Emulator.start({ webhookScheme: 'carrier-pigeon' }), (error) => {
    assert.ok(error instanceof EmulatorError);
    assert.equal(error.code, 'emulator_start_failed');
    return true;
  });
});

test('a missing binary is named in an emulator_not_found error', async () => {
  const saved = process.env.AVARA_EMULATOR_BIN;
  process.env.AVARA_EMULATOR_BIN = path.join(os.tmpdir(), 'no-such-avara-emulator');
  try {
    await assert.rejects(Emulator.start(), (error) => {
      assert.equal(error.code, 'emulator_not_found');
      assert.match(error.message, /no-such-avara-emulator/);
      return true;
    });
  } finally {
    process.env.AVARA_EMULATOR_BIN = saved;
  }
});

test('an emulator left running is killed when Node exits', async () => {
  const script = `require(${JSON.stringify(path.join(__dirname, '..'))}).Emulator.start().then((e) => console.log(e.baseURL));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  assert.equal(code, 0);
  const baseURL = output.trim();
  assert.match(baseURL, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(await accepts(baseURL), false);
});
