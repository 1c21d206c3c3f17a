/// <reference types="node" />
// The public surface of the npm package `avara`. Event and response shapes (and the
// response constructor objects) come from `generated/models.d.ts`, derived from the core.

import type { ClientResources, OperationName } from './generated/client';
import type { BuiltManifest } from './generated/manifest';
import type { APIErrorCode, WebhookErrorCode } from './generated/errors';
import type { WebhookEvent, WebhookEventType, WebhookResponses } from './generated/models';

export * from './generated/models';
export * from './generated/client';
export * from './generated/manifest';
export type { APIErrorCode, WebhookErrorCode } from './generated/errors';
export type { Page, PageNavigation, PagePromise } from './lib/pagination';

/** The base of every error the package throws: webhook failures and API failures. */
export declare class AvaraError extends Error {}

/**
 * Every webhook failure: verification, parsing (`invalid_payload`, `schema_error`) and
 * configuration (`invalid_secret`). Answer 401 and log `code`; the message names the
 * header or field at fault and never contains a secret.
 */
export declare class WebhookVerificationError extends AvaraError {
  constructor(code: WebhookErrorCode, message: string);
  readonly code: WebhookErrorCode;
  name: 'WebhookVerificationError';
}

/**
 * The raw request body, exactly as received (e.g. from `express.raw()`); a string is
 * taken as its UTF-8 bytes. A parsed object fails with `payload_not_raw`.
 */
export type WebhookPayload = Buffer | Uint8Array | string;

/**
 * One header's value(s); each element of an array is a separate header line. Bytes are
 * read one character per byte, as HTTP carries them.
 */
export type HeaderValue = string | Uint8Array | readonly (string | Uint8Array)[];

/**
 * The request's headers, in any of the forms Node code holds them:
 * - an object such as `req.headers` or `req.headersDistinct` (an array value means
 *   repeated lines, which count as a duplicate header);
 * - a WHATWG `Headers`, a `Map`, or anything else with `entries()`;
 * - an array of `[name, value]` pairs in arrival order.
 *
 * Names are matched case-insensitively. `undefined`/`null` values mean "absent". A
 * container of another type, a pair that is not `[name, value]`, or a value of another
 * type for a header the core reads (`X-Avara-*`, `webhook-*`) throws
 * `WebhookVerificationError` with `payload_not_raw`; other headers are not looked at.
 */
export type WebhookHeaders =
  | Readonly<Record<string, HeaderValue | undefined>>
  | { entries(): Iterable<readonly [string, HeaderValue]> }
  | ReadonlyArray<readonly [string, HeaderValue]>;

export interface WebhookOptions {
  /**
   * How far in the past and in the future a delivery may be signed (inclusive),
   * default 300000 (5 minutes). `null` turns the freshness check off: replays are
   * then only stopped by deduplicating on the event `id`.
   */
  toleranceMs?: number | null;
  /** Overrides the past side of the window; applied after `toleranceMs`. */
  pastToleranceMs?: number;
  /** Overrides the future side of the window; applied after `toleranceMs`. */
  futureToleranceMs?: number;
  /** Judge freshness against this instant (Unix ms) instead of the system clock. */
  nowMs?: number;
  /** Larger bodies fail with `payload_too_large` before any hashing; default 1 MiB. */
  maxPayloadBytes?: number;
}

/** What a successful verification established. */
export interface Verified {
  /** `guide`: X-Avara-* headers; `standard`: Standard Webhooks; `both`: both verified. */
  scheme: 'guide' | 'standard' | 'both';
  /** Position of the matching secret in the configured list (0 for a single secret). */
  secretIndex: number;
  /** When the sender signed the delivery, in Unix milliseconds. */
  timestampMs: number;
  /** The `webhook-id` header of Standard Webhooks deliveries. */
  webhookId?: string;
}

/**
 * Verifies deliveries. Secrets are used verbatim (at least 32 bytes, no whitespace or
 * invisible character at either end); a `whsec_<base64>` or bare base64 secret also
 * verifies Standard Webhooks deliveries (a key of at least 24 bytes). A list accepts any
 * of them, for rotation. A bad secret throws
 * `WebhookVerificationError` with code `invalid_secret`, whatever is wrong with it: a
 * missing one (`undefined`, as an unset environment variable gives), another type, text
 * with an unpaired surrogate. A bad option throws a `TypeError` (`ERR_INVALID_ARG_TYPE`)
 * or, for a number out of range, a `RangeError` (`ERR_OUT_OF_RANGE`).
 */
export declare class Webhook {
  constructor(secretOrSecrets: string | readonly string[], options?: WebhookOptions | null);
  /** Checks size, headers, signature and freshness; throws `WebhookVerificationError`. */
  verify(body: WebhookPayload, headers: WebhookHeaders): Verified;
  /** `verify`, then parses the body into a typed event. */
  unwrap(body: WebhookPayload, headers: WebhookHeaders): WebhookEvent;
}

/** Parses a body into a typed event WITHOUT checking its signature: only for bodies verified elsewhere. */
export declare function unsafeUnwrap(body: WebhookPayload): WebhookEvent;

/**
 * The `X-Avara-Signature` Avara sends: lowercase hex HMAC-SHA256 of the timestamp text
 * followed by the body. For tests and local senders. A bad secret throws
 * `invalid_secret`, a bad body `payload_not_raw`, a bad timestamp a `TypeError` or
 * `RangeError`.
 */
export declare function sign(
  secret: string | Buffer | Uint8Array,
  timestamp: string | number,
  body: WebhookPayload,
): string;

/** The headers of a Standard Webhooks delivery, by name; pass them as request headers. */
export interface StandardWebhookHeaders {
  /** The id, as given. */
  'webhook-id': string;
  /** Unix seconds in decimal. */
  'webhook-timestamp': string;
  /** One `v1,<base64>` entry: HMAC-SHA256 of `id.timestamp.body`. */
  'webhook-signature': string;
}

/**
 * Signs a delivery with Standard Webhooks, for tests and local senders: the three
 * `webhook-*` headers for a secret (`whsec_<base64>` or bare base64), an id, a timestamp
 * in Unix seconds and the body. The secret follows the verifier's rules (a key of at
 * least 24 bytes, nothing padding either end), so what this signs `Webhook` verifies;
 * the id and timestamp are signed as given. A bad secret throws `invalid_secret`, a bad
 * body `payload_not_raw`, a bad id or timestamp a `TypeError` or `RangeError`.
 */
export declare function signStandard(
  secret: string,
  webhookId: string,
  timestamp: number,
  body: WebhookPayload,
): StandardWebhookHeaders;

/**
 * Checks a response body against the contract for `eventType` and returns its canonical
 * form (unknown fields dropped); throws `WebhookVerificationError` with `schema_error`.
 */
export declare function normalizeResponse<T extends WebhookEventType>(
  eventType: T,
  body: object,
): WebhookResponses[T];

export interface ClientOptions {
  /**
   * Defaults to the environment variable `AVARA_API_KEY`. Never printed. Without one the
   * client still verifies webhooks; API calls reject with `ConfigurationError`.
   */
  apiKey?: string;
  /** Defaults to `AVARA_BASE_URL`, then `https://api.avarasoftware.com`. */
  baseURL?: string;
  /** How long one attempt may take, in milliseconds (default 60000). */
  timeout?: number;
  /** Retries after a connection failure, a timeout, 408, 409, 429 or 5xx (default 2). */
  maxRetries?: number;
  /** Sent with every request, after `AVARA_CUSTOM_HEADERS`. */
  defaultHeaders?: Readonly<Record<string, string>>;
  /**
   * Defaults to `AVARA_JWT_WEBHOOK_SECRET`, then `AVARA_WEBHOOK_KEY`. A list accepts any
   * of its secrets (rotation).
   */
  webhookSecret?: string | readonly string[];
}

export interface WebhookRequestOptions {
  headers: WebhookHeaders;
  /** A secret for this call only, instead of the client's `webhookSecret`. */
  key?: string;
}

/** `avara.webhooks`, as the official SDKs spell it. */
export declare class Webhooks {
  private constructor();
  unwrap(body: WebhookPayload, options: WebhookRequestOptions): WebhookEvent;
  verify(body: WebhookPayload, options: WebhookRequestOptions): Verified;
  unsafeUnwrap(body: WebhookPayload): WebhookEvent;
}

/**
 * The Avara client: API resources (`viewer`, `express`) and `webhooks`. Every API call
 * returns a Promise and runs on libuv's thread pool (see the README on concurrency).
 * `util.inspect` and `JSON.stringify` show no credentials.
 */
declare class Avara {
  /** The error classes are also properties of the client class (`Avara.APIError`). */
  static readonly AvaraError: typeof AvaraError;
  static readonly WebhookVerificationError: typeof WebhookVerificationError;
  static readonly APIError: typeof APIError;
  static readonly BadRequestError: typeof BadRequestError;
  static readonly AuthenticationError: typeof AuthenticationError;
  static readonly PermissionDeniedError: typeof PermissionDeniedError;
  static readonly NotFoundError: typeof NotFoundError;
  static readonly ConflictError: typeof ConflictError;
  static readonly UnprocessableEntityError: typeof UnprocessableEntityError;
  static readonly RateLimitError: typeof RateLimitError;
  static readonly InternalServerError: typeof InternalServerError;
  static readonly APIConnectionError: typeof APIConnectionError;
  static readonly APIConnectionTimeoutError: typeof APIConnectionTimeoutError;
  static readonly InvalidParamsError: typeof InvalidParamsError;
  static readonly InvalidResponseError: typeof InvalidResponseError;
  static readonly ConfigurationError: typeof ConfigurationError;
  constructor(options?: ClientOptions);
  readonly webhooks: Webhooks;
  toJSON(): { apiKey: string | undefined };
}

interface Avara extends ClientResources {}

/** What the core reports about a failed call. */
export interface APIFailure {
  code: APIErrorCode;
  message: string;
  field?: string | null;
  status?: number | null;
  body?: unknown;
  requestId?: string | null;
  attempts?: number;
}

/**
 * Every failure of an API call; the subclass follows `code`. Fields that do not apply
 * are `null`. The message never contains the API key.
 */
export declare class APIError extends AvaraError {
  constructor(failure: APIFailure);
  readonly code: APIErrorCode;
  /** The HTTP status of the last attempt, if an answer came. */
  readonly status: number | null;
  /** The `x-request-id` of the last attempt, to quote to support. */
  readonly requestId: string | null;
  /** The parsed error body (or its text). */
  readonly body: unknown;
  /** The parameter at fault (`invalid_params`, and server errors naming one). */
  readonly field: string | null;
  /** How many times the request was sent (0 when it never was). */
  readonly attempts: number;
}

/** HTTP 400. */
export declare class BadRequestError extends APIError {
  readonly code: 'bad_request';
}
/** HTTP 401: the key is missing, mistyped or revoked. */
export declare class AuthenticationError extends APIError {
  readonly code: 'authentication';
}
/** HTTP 403: the key's study scope, user access or Express access does not allow it. */
export declare class PermissionDeniedError extends APIError {
  readonly code: 'permission_denied';
}
/** HTTP 404. */
export declare class NotFoundError extends APIError {
  readonly code: 'not_found';
}
/** HTTP 409. */
export declare class ConflictError extends APIError {
  readonly code: 'conflict';
}
/** HTTP 422. */
export declare class UnprocessableEntityError extends APIError {
  readonly code: 'unprocessable_entity';
}
/** HTTP 429 after every retry. */
export declare class RateLimitError extends APIError {
  readonly code: 'rate_limited';
}
/** HTTP 5xx after every retry. */
export declare class InternalServerError extends APIError {
  readonly code: 'internal_server';
}
/** The server could not be reached (or `timeout`, see the subclass). */
export declare class APIConnectionError extends APIError {
  readonly code: 'connection' | 'timeout';
}
/** No answer in time. */
export declare class APIConnectionTimeoutError extends APIConnectionError {
  readonly code: 'timeout';
}
/** The parameters break the contract; nothing was sent. `field` names the culprit. */
export declare class InvalidParamsError extends APIError {
  readonly code: 'invalid_params';
}
/** A success answer that does not match the contract. */
export declare class InvalidResponseError extends APIError {
  readonly code: 'invalid_response';
}
/** The client cannot be built (no API key, bad base URL or option); nothing was sent. */
export declare class ConfigurationError extends APIError {
  readonly code: 'configuration';
}

/** The HTTP request of an operation, as `encodeRequest` gives it. */
export interface EncodedRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  /** Decoded `[name, value]` pairs, in name order. */
  query: Array<[string, string]>;
  /** The JSON body, or `null` for none. */
  body: unknown;
  /** The percent-encoded path and query. */
  pathAndQuery: string;
}

/**
 * The request `operation` (e.g. `'viewer.studies.create'`) would send with `params` (wire
 * form, path parameters included), without sending it. Throws `InvalidParamsError`.
 */
export declare function encodeRequest(operation: OperationName | (string & {}), params?: object): EncodedRequest;

/**
 * What an HTTP answer (`status`, body text) to `operation` means: the result in canonical
 * form, or the `APIError` the call would throw.
 */
export declare function interpretResponse(operation: OperationName | (string & {}), status: number, body: string): unknown;

/** One object of a study: its URL, and its whole file or any prefix of it reaching Pixel Data. */
export type ManifestItem =
  | readonly [url: string, bytes: Uint8Array]
  | { readonly url: string; readonly bytes: Uint8Array };

/**
 * Builds the manifest sidecar of `study.access_requested` from the study's objects: their
 * headers are read on libuv's thread pool, never on the event loop, and the buffers are
 * read in place, so they must not change until the promise settles. Pass the result to
 * `StudyAccessRequestedResponse.authorized`. Rejects with `InvalidParamsError` (field
 * `studyInstanceUid`) for a bad UID and a `TypeError` naming the item for a bad item; an
 * unusable object is never an error but one of `skipped`.
 */
export declare function buildManifest(
  studyInstanceUid: string,
  items: Iterable<ManifestItem> | AsyncIterable<ManifestItem>,
): Promise<BuiltManifest>;

export interface ManifestFileOptions {
  /** Each file's URL in the answer, e.g. a presigned URL (a promise of one is awaited). */
  urlFor: (path: string) => string | PromiseLike<string>;
}

/**
 * `buildManifest` over files, of which only the header is read (64 KiB first, more only
 * when the header goes on), on libuv's thread pool. A file that cannot be read rejects
 * like `fs` does (`code` such as `ENOENT`, `path`).
 */
export declare function buildManifestFromFiles(
  studyInstanceUid: string,
  paths: Iterable<string>,
  options: ManifestFileOptions,
): Promise<BuiltManifest>;

export { Avara };
export default Avara;
