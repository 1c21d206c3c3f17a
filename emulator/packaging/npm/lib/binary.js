'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { EmulatorError } = require('./errors');

// `npm pack` of this package puts the native binary here (see mk/emulator-packages.mk).
const BUNDLED = path.join(__dirname, '..', 'native', 'avara-emulator');

/** The emulator binary: AVARA_EMULATOR_BIN when set, else the one bundled in this package. */
function binaryPath() {
  const override = process.env.AVARA_EMULATOR_BIN;
  const binary = override ? path.resolve(override) : BUNDLED;
  try {
    fs.accessSync(binary, fs.constants.X_OK);
  } catch {
    const origin = override ? 'AVARA_EMULATOR_BIN points to' : 'this package bundles no binary at';
    throw new EmulatorError(
      'emulator_not_found',
      `${origin} ${binary} (missing or not executable); reinstall avara-emulator on linux x64 or set AVARA_EMULATOR_BIN`,
    );
  }
  return binary;
}

module.exports = { binaryPath };
