'use strict';

// Starts `avara-emulator` on a free port for one test file and stops it afterwards,
// through the companion package's own helper (emulator/packaging/npm). The binary comes
// from `make emulator-build` (the Makefile exports its path as AVARA_EMULATOR_BIN); a
// missing binary fails the test rather than skipping it.

const path = require('node:path');
const { Emulator } = require('../../../emulator/packaging/npm');

process.env.AVARA_EMULATOR_BIN ??= path.join(__dirname, '..', '..', '..', 'target', 'debug', 'avara-emulator');

/**
 * Starts an emulator with `config` (the `--config` JSON) and extra `flags`. Returns the
 * printed variables (`env`), the API key of each configured key (`keys`) and `stop()`.
 */
async function startEmulator({ config, flags = [] } = {}) {
  const emulator = await Emulator.start({ config, args: flags });
  const keyCount = Math.max(config?.keys?.length ?? 1, 1);
  const keys = Array.from({ length: keyCount }, (_, index) => emulator.env[index === 0 ? 'AVARA_API_KEY' : `AVARA_API_KEY_${index + 1}`]);
  return { env: emulator.env, baseURL: emulator.baseURL, keys, stop: () => emulator.stop() };
}

module.exports = { startEmulator };
