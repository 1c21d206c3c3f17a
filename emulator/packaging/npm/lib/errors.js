'use strict';

/** Why the emulator could not be found or started; `code` is stable across releases. */
class EmulatorError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'EmulatorError';
    this.code = code;
  }
}

module.exports = { EmulatorError };
