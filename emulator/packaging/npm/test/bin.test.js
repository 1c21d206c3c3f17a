'use strict';

const assert = require('node:assert/strict');
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');
const { test } = require('node:test');
const { accepts } = require('./support');

const LAUNCHER = path.join(__dirname, '..', 'bin', 'avara-emulator.js');
const VERSION = require('../package.json').version;

test('the launcher runs the binary with the given flags', () => {
  const run = spawnSync(process.execPath, [LAUNCHER, '--version'], { encoding: 'utf8' });
  assert.equal(run.status, 0);
  assert.equal(run.stdout, `avara-emulator ${VERSION}\n`);
});

test("the launcher exits with the emulator's status", () => {
  const run = spawnSync(process.execPath, [LAUNCHER, '--no-such-flag'], { encoding: 'utf8' });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /--no-such-flag/);
});

test('the launcher passes SIGTERM on and dies of it, leaving no server behind', async () => {
  const child = spawn(process.execPath, [LAUNCHER, '--port', '0'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const baseURL = await new Promise((resolve) => {
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('AVARA_BASE_URL=')) resolve(line.slice('AVARA_BASE_URL='.length));
    });
  });
  assert.equal(await accepts(baseURL), true);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.kill('SIGTERM');
  assert.deepEqual(await exited, { code: null, signal: 'SIGTERM' });
  assert.equal(await accepts(baseURL), false);
});
