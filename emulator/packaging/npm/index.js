'use strict';

// avara-emulator: the local Avara API as a package. `npx avara-emulator` runs it in the
// foreground; `Emulator.start()` runs one on a free port for a test.

const { Emulator } = require('./lib/emulator');
const { EmulatorError } = require('./lib/errors');
const { binaryPath } = require('./lib/binary');

module.exports = { Emulator, EmulatorError, binaryPath };
