'use strict';

// Starts `avara-emulator` on a free port for one test file and stops it afterwards.
// The binary comes from `make emulator-build` (the Makefile exports its path as
// AVARA_EMULATOR_BIN); a missing binary fails the test rather than skipping it.

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');

const BINARY = process.env.AVARA_EMULATOR_BIN ?? path.join(__dirname, '..', '..', '..', 'target', 'debug', 'avara-emulator');

function configArguments(config) {
  if (config === undefined) {
    return [];
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'avara-node-emulator-')), 'config.json');
  fs.writeFileSync(file, JSON.stringify(config));
  return ['--config', file];
}

/** The variables the emulator prints: `AVARA_BASE_URL`, then `AVARA_API_KEY[_n]` and `AVARA_JWT_WEBHOOK_SECRET[_n]` per key. */
function readVariables(child, keyCount) {
  const last = keyCount === 1 ? 'AVARA_JWT_WEBHOOK_SECRET' : `AVARA_JWT_WEBHOOK_SECRET_${keyCount}`;
  const variables = {};
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`avara-emulator exited with ${code} before it served`)));
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^(AVARA_\w+)=(.*)$/.exec(line);
      if (match === null) return;
      variables[match[1]] = match[2];
      if (match[1] === last) resolve(variables);
    });
  });
}

async function waitUntilServing(baseURL) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(`${baseURL}/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`avara-emulator at ${baseURL} never answered /health`);
}

/**
 * Starts an emulator with `config` (the `--config` JSON) and extra `flags`. Returns the
 * printed variables (`env`), the API key of each configured key (`keys`) and `stop()`.
 */
async function startEmulator({ config, flags = [] } = {}) {
  if (!fs.existsSync(BINARY)) {
    throw new Error(`no emulator binary at ${BINARY}: run \`make emulator-build\` (or set AVARA_EMULATOR_BIN)`);
  }
  const keyCount = Math.max(config?.keys?.length ?? 1, 1);
  const child = spawn(BINARY, [...configArguments(config), '--port', '0', ...flags], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const env = await readVariables(child, keyCount);
  child.removeAllListeners('exit');
  await waitUntilServing(env.AVARA_BASE_URL);
  const keys = Array.from({ length: keyCount }, (_, index) => env[index === 0 ? 'AVARA_API_KEY' : `AVARA_API_KEY_${index + 1}`]);
  return {
    env,
    baseURL: env.AVARA_BASE_URL,
    keys,
    stop() {
      return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill();
      });
    },
  };
}

module.exports = { startEmulator };
