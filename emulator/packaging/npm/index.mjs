import emulator from './index.js';

export const { Emulator, EmulatorError, binaryPath } = emulator;
