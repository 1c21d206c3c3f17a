import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Emulator, EmulatorError, binaryPath } from 'avara-emulator';

test('the ES module exports the same helper', async () => {
  assert.equal(typeof binaryPath(), 'string');
  assert.equal(typeof EmulatorError, 'function');
  const emulator = await Emulator.start();
  try {
    assert.equal((await fetch(`${emulator.baseURL}/health`)).status, 200);
  } finally {
    await emulator.stop();
  }
});
