'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');
const { binaryPath } = require('./binary');
const { EmulatorError } = require('./errors');

const HEALTH_POLL_MS = 25;

// Emulators still running when Node exits are killed, so none outlives the test run.
const running = new Set();
let exitHookInstalled = false;

function killRunningOnExit() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const emulator of running) emulator.kill();
  });
}

/** `--config` arguments: a path is passed on, an object is written to a temporary file. */
function writeConfig(config) {
  if (config === undefined || config === null) return { file: undefined, temporary: undefined, keys: 1 };
  if (typeof config === 'string') {
    return { file: config, temporary: undefined, keys: countKeys(JSON.parse(fs.readFileSync(config, 'utf8'))) };
  }
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'avara-emulator-'));
  const file = path.join(temporary, 'config.json');
  fs.writeFileSync(file, JSON.stringify(config));
  return { file, temporary, keys: countKeys(config) };
}

function countKeys(config) {
  return Math.max(Array.isArray(config?.keys) ? config.keys.length : 0, 1);
}

function commandLine(options, configFile) {
  const args = ['--port', String(options.port ?? 0)];
  if (configFile !== undefined) args.push('--config', configFile);
  const flags = {
    '--api-key': options.apiKey,
    '--webhook-url': options.webhookUrl,
    '--webhook-secret': options.webhookSecret,
    '--webhook-scheme': options.webhookScheme,
  };
  for (const [flag, value] of Object.entries(flags)) {
    if (value !== undefined && value !== null) args.push(flag, String(value));
  }
  return [...args, ...(options.args ?? [])];
}

/** Resolves with the `AVARA_*` lines once the last key's webhook secret is printed. */
function readVariables(child, keyCount, deadline) {
  const last = keyCount === 1 ? 'AVARA_JWT_WEBHOOK_SECRET' : `AVARA_JWT_WEBHOOK_SECRET_${keyCount}`;
  const env = {};
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new EmulatorError('emulator_start_timeout', 'avara-emulator printed no settings in time')),
      deadline - Date.now(),
    );
    const settle = (action) => (value) => {
      clearTimeout(timer);
      child.removeListener('exit', onExit);
      child.removeListener('error', onError);
      action(value);
    };
    const done = settle(resolve);
    const fail = settle(reject);
    const onExit = (code, signal) =>
      fail(new EmulatorError('emulator_start_failed', `avara-emulator exited (${signal ?? `status ${code}`}) before it served`));
    const onError = (error) => fail(new EmulatorError('emulator_start_failed', `cannot run avara-emulator: ${error.message}`));
    child.once('exit', onExit);
    child.once('error', onError);
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^(AVARA_\w+)=(.*)$/.exec(line);
      if (match === null) return;
      env[match[1]] = match[2];
      if (match[1] === last) done(env);
    });
  });
}

async function waitUntilServing(baseURL, deadline) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseURL}/health`)).ok) return;
    } catch {
      // Not accepting connections yet.
    }
    await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
  }
  throw new EmulatorError('emulator_start_timeout', `avara-emulator at ${baseURL} never answered /health`);
}

/** One running `avara-emulator` process; see index.d.ts for the options. */
class Emulator {
  #child;
  #temporary;
  #stopTimeoutMs;

  constructor(child, temporary, stopTimeoutMs) {
    this.#child = child;
    this.#temporary = temporary;
    this.#stopTimeoutMs = stopTimeoutMs;
    running.add(this);
    killRunningOnExit();
  }

  static async start(options = {}) {
    const binary = binaryPath();
    const deadline = Date.now() + (options.startTimeoutMs ?? 10_000);
    const config = writeConfig(options.config);
    const child = spawn(binary, commandLine(options, config.file), {
      stdio: ['ignore', 'pipe', options.stderr ?? 'ignore'],
    });
    const emulator = new Emulator(child, config.temporary, options.stopTimeoutMs ?? 5_000);
    try {
      emulator.#serve(await readVariables(child, config.keys, deadline));
      await waitUntilServing(emulator.baseURL, deadline);
    } catch (error) {
      await emulator.stop();
      throw error;
    }
    // A forgotten stop() must not keep Node alive; the exit hook still kills the process.
    child.unref();
    child.stdout.unref();
    return emulator;
  }

  #serve(env) {
    this.env = Object.freeze({ ...env });
    this.baseURL = env.AVARA_BASE_URL;
    this.apiKey = env.AVARA_API_KEY;
    this.webhookSecret = env.AVARA_JWT_WEBHOOK_SECRET;
  }

  /** The child process, e.g. to read its standard error when started with `stderr: 'pipe'`. */
  get process() {
    return this.#child;
  }

  /** Terminates the process (SIGKILL after `stopTimeoutMs`) and removes its temporary files. */
  async stop() {
    const child = this.#child;
    if (this.#isRunning()) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), this.#stopTimeoutMs);
      await exited;
      clearTimeout(timer);
    }
    this.#cleanUp();
  }

  /** Synchronous last resort for process exit. */
  kill() {
    if (this.#isRunning()) this.#child.kill('SIGKILL');
    this.#cleanUp();
  }

  // A child that failed to spawn has no pid and never emits 'exit'.
  #isRunning() {
    const child = this.#child;
    return child.pid !== undefined && child.exitCode === null && child.signalCode === null;
  }

  #cleanUp() {
    running.delete(this);
    if (this.#temporary !== undefined) {
      fs.rmSync(this.#temporary, { recursive: true, force: true });
      this.#temporary = undefined;
    }
  }
}

module.exports = { Emulator };
