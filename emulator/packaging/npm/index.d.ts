import type { ChildProcess, StdioNull, StdioPipe } from 'node:child_process';
import type { Stream } from 'node:stream';

/** Options of {@link Emulator.start}; the emulator's own defaults apply to what is left out. */
export interface EmulatorOptions {
  /** Port on 127.0.0.1; default 0, a free one. */
  port?: number;
  /** Bearer token of the first key (default: a generated `sk_test_...`). */
  apiKey?: string;
  /** Study data webhook endpoint of the first key, for landing pages and ephemeral sessions. */
  webhookUrl?: string;
  /**
   * Webhook signing secret of the first key (default: a generated `whsec_...`): at least 32
   * bytes of text; the `standard` and `both` schemes need a Standard Webhooks key, `whsec_`
   * and base64 of at least 24 bytes or the base64 alone.
   */
  webhookSecret?: string;
  /** `guide` (X-Avara-Signature), `standard` (Standard Webhooks) or `both`; default `guide`. */
  webhookScheme?: 'guide' | 'standard' | 'both';
  /** The `--config` JSON (keys, faults, settings) as an object, or the path of such a file. */
  config?: Record<string, unknown> | string;
  /** Further command-line flags, e.g. `['--log-requests', '--seed', '7']`. */
  args?: readonly string[];
  /** Where the emulator's standard error goes; default `'ignore'`. `'pipe'` makes `emulator.process.stderr` readable. */
  stderr?: StdioNull | StdioPipe | Stream | number;
  /** How long to wait for the settings and `GET /health`; default 10000. */
  startTimeoutMs?: number;
  /** How long `stop()` waits after SIGTERM before SIGKILL; default 5000. */
  stopTimeoutMs?: number;
}

/** The variables the emulator prints: AVARA_BASE_URL, then AVARA_API_KEY[_n] and AVARA_JWT_WEBHOOK_SECRET[_n] per key. */
export type EmulatorEnv = Readonly<Record<string, string>>;

/** A running `avara-emulator`, serving once `start` resolves. Killed when Node exits. */
export declare class Emulator {
  private constructor();
  /** Starts the emulator (by default on a free port) and waits until `GET /health` answers. */
  static start(options?: EmulatorOptions): Promise<Emulator>;
  /** `http://127.0.0.1:<port>` */
  readonly baseURL: string;
  /** The first key's API key. */
  readonly apiKey: string;
  /** The first key's webhook signing secret. */
  readonly webhookSecret: string;
  /** Every printed `AVARA_*` variable, e.g. to pass on to a child process. */
  readonly env: EmulatorEnv;
  /** The emulator's process. */
  readonly process: ChildProcess;
  /** Terminates the emulator (SIGKILL after `stopTimeoutMs`) and waits for it to exit. */
  stop(): Promise<void>;
  /** Kills the emulator at once, without waiting. */
  kill(): void;
}

/** `code` is one of `emulator_not_found`, `emulator_start_failed`, `emulator_start_timeout`. */
export declare class EmulatorError extends Error {
  readonly code: 'emulator_not_found' | 'emulator_start_failed' | 'emulator_start_timeout';
}

/** The emulator binary in use: `AVARA_EMULATOR_BIN` when set, else the bundled one. */
export declare function binaryPath(): string;
