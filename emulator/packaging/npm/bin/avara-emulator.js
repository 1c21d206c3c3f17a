#!/usr/bin/env node
'use strict';

// Runs the bundled emulator in the foreground: same flags, same output, same exit status.

const { spawn } = require('node:child_process');
const { binaryPath } = require('../lib/binary');

let binary;
try {
  binary = binaryPath();
} catch (error) {
  console.error(`avara-emulator: ${error.message}`);
  process.exit(1);
}

const child = spawn(binary, process.argv.slice(2), { stdio: 'inherit' });
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];
for (const signal of FORWARDED) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  console.error(`avara-emulator: cannot run ${binary}: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal === null) {
    process.exit(code);
  }
  // Die of the same signal, so a parent shell sees what the emulator saw.
  for (const forwarded of FORWARDED) process.removeAllListeners(forwarded);
  process.kill(process.pid, signal);
});
