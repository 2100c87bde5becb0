import { z } from 'zod';

const MiB = 1024 * 1024;

const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off', 'TRUE', 'FALSE', 'True', 'False'], { message: 'expected true or false' })
    .optional()
    .transform((value) => (value === undefined ? fallback : ['true', '1', 'yes', 'on'].includes(value.toLowerCase())));

const integer = (fallback: number, { min, max }: { min: number; max?: number }) =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === '') return fallback;
      const parsed = Number(value.replace(/_/g, ''));
      if (!Number.isInteger(parsed) || parsed < min || (max !== undefined && parsed > max)) {
        context.addIssue({ code: 'custom', message: `expected an integer${max === undefined ? ` >= ${min}` : ` from ${min} to ${max}`}, got "${value}"` });
        return z.NEVER;
      }
      return parsed;
    });

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

/**
 * Every environment variable the server reads, with its default. Names follow the `FLOW_` prefix;
 * `HOST`, `PORT` and `LOG_LEVEL` are the usual unprefixed ones.
 */
const environmentSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: integer(9001, { min: 0, max: 65535 }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FLOW_LOG_SYNC: booleanFlag(true),
  FLOW_PLUGINS: optionalText,
  FLOW_WORKFLOWS_DIR: optionalText,
  FLOW_BODY_LIMIT_BYTES: integer(32 * MiB, { min: 1024 }),
  FLOW_MAX_JSON_DEPTH: integer(64, { min: 8, max: 10_000 }),
  FLOW_MAX_IMAGES_PER_REQUEST: integer(64, { min: 1 }),
  FLOW_MAX_STEPS: integer(1000, { min: 1 }),
  FLOW_MAX_BATCH_SIZE: integer(1000, { min: 1 }),
  FLOW_MAX_RESPONSE_BYTES: integer(64 * MiB, { min: 1024 }),
  FLOW_REQUEST_TIMEOUT_MS: integer(60_000, { min: 100 }),
  FLOW_MAX_CONCURRENT_RUNS: integer(32, { min: 1 }),
  FLOW_MAX_QUEUED_RUNS: integer(256, { min: 0 }),
  FLOW_MAX_CONCURRENT_STEPS: integer(8, { min: 1 }),
  FLOW_ELEMENT_CONCURRENCY: integer(8, { min: 1 }),
  FLOW_COMPILED_CACHE_SIZE: integer(256, { min: 0 }),
  FLOW_ALLOW_URL_INPUT: booleanFlag(true),
  FLOW_ALLOW_HTTP_URLS: booleanFlag(false),
  FLOW_ALLOW_PRIVATE_URLS: booleanFlag(false),
  FLOW_URL_FETCH_TIMEOUT_MS: integer(10_000, { min: 100 }),
  FLOW_URL_MAX_BYTES: integer(20 * MiB, { min: 1024 }),
  FLOW_URL_MAX_REDIRECTS: integer(3, { min: 0, max: 20 }),
  FLOW_URL_MAX_BYTES_PER_REQUEST: integer(64 * MiB, { min: 1024 }),
  FLOW_URL_MAX_BYTES_IN_FLIGHT: integer(256 * MiB, { min: 1024 }),
  FLOW_ENABLE_PROFILING: booleanFlag(false),
  FLOW_SHUTDOWN_TIMEOUT_MS: integer(20_000, { min: 0 }),
  FLOW_METRICS_DEFAULT: booleanFlag(true),
  FLOW_CORS_ORIGINS: optionalText,
});

/** The server's settings, resolved from the environment and overridable one by one in code. */
export interface ServerConfig {
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Log lines to stdout are written by the server's thread at the end of each event-loop turn (true), or from libuv's thread pool (false). */
  logSync: boolean;
  /** Extra block packs to import (module specifiers), from `FLOW_PLUGINS`. */
  plugins: string[];
  /** Folder of saved workflow definitions served by `POST /{workspace}/workflows/{id}`. */
  workflowsDir: string | undefined;
  bodyLimitBytes: number;
  /** Deepest nesting of arrays/objects a JSON body may have. */
  maxJsonDepth: number;
  maxImagesPerRequest: number;
  /** Most steps a definition may have (inputs and outputs: as many each); compiling is CPU work a request controls. */
  maxSteps: number;
  /** Most elements a batch input may carry. */
  maxBatchSize: number;
  /** Largest JSON answer a run may produce (an output echoing a big image per element grows fast). */
  maxResponseBytes: number;
  /** Deadline of one run, from the moment it is accepted. */
  requestTimeoutMs: number;
  maxConcurrentRuns: number;
  /** Runs allowed to wait for a slot; beyond that a request gets 503 at once. */
  maxQueuedRuns: number;
  maxConcurrentSteps: number;
  elementConcurrency: number;
  /** Compiled workflows kept (LRU); 0 disables the cache. */
  compiledCacheSize: number;
  urlImages: {
    enabled: boolean;
    allowHttp: boolean;
    allowPrivateAddresses: boolean;
    timeoutMs: number;
    maxBytes: number;
    maxRedirects: number;
    /** Bytes all URL images of one request may pull together. */
    maxBytesPerRequest: number;
    /** Bytes URL images of all requests in progress may hold together. */
    maxBytesInFlight: number;
  };
  /** Lets requests ask for `enable_profiling`; off, `profiler_trace` is always `[]`. */
  enableProfiling: boolean;
  shutdownTimeoutMs: number;
  /** Process metrics (CPU, memory, event loop) on /metrics besides the server's own. */
  collectDefaultMetrics: boolean;
  /** Browser origins allowed to call the API (CORS); empty turns CORS off, `*` allows any. */
  corsOrigins: string[];
}

/** A configuration value could not be read; the message names each variable at fault. */
export class ServerConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid server configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ServerConfigError';
  }
}

/** Reads the server configuration from environment variables; throws `ServerConfigError` listing every bad one. */
export function loadServerConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ServerConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}${issue.message.includes('got "') ? '' : describeValue(env, issue.path)}`),
    );
  }
  const values = parsed.data;
  return {
    host: values.HOST,
    port: values.PORT,
    logLevel: values.LOG_LEVEL,
    logSync: values.FLOW_LOG_SYNC,
    plugins: splitList(values.FLOW_PLUGINS),
    workflowsDir: values.FLOW_WORKFLOWS_DIR,
    bodyLimitBytes: values.FLOW_BODY_LIMIT_BYTES,
    maxJsonDepth: values.FLOW_MAX_JSON_DEPTH,
    maxImagesPerRequest: values.FLOW_MAX_IMAGES_PER_REQUEST,
    maxSteps: values.FLOW_MAX_STEPS,
    maxBatchSize: values.FLOW_MAX_BATCH_SIZE,
    maxResponseBytes: values.FLOW_MAX_RESPONSE_BYTES,
    requestTimeoutMs: values.FLOW_REQUEST_TIMEOUT_MS,
    maxConcurrentRuns: values.FLOW_MAX_CONCURRENT_RUNS,
    maxQueuedRuns: values.FLOW_MAX_QUEUED_RUNS,
    maxConcurrentSteps: values.FLOW_MAX_CONCURRENT_STEPS,
    elementConcurrency: values.FLOW_ELEMENT_CONCURRENCY,
    compiledCacheSize: values.FLOW_COMPILED_CACHE_SIZE,
    urlImages: {
      enabled: values.FLOW_ALLOW_URL_INPUT,
      allowHttp: values.FLOW_ALLOW_HTTP_URLS,
      allowPrivateAddresses: values.FLOW_ALLOW_PRIVATE_URLS,
      timeoutMs: values.FLOW_URL_FETCH_TIMEOUT_MS,
      maxBytes: values.FLOW_URL_MAX_BYTES,
      maxRedirects: values.FLOW_URL_MAX_REDIRECTS,
      maxBytesPerRequest: values.FLOW_URL_MAX_BYTES_PER_REQUEST,
      maxBytesInFlight: values.FLOW_URL_MAX_BYTES_IN_FLIGHT,
    },
    enableProfiling: values.FLOW_ENABLE_PROFILING,
    shutdownTimeoutMs: values.FLOW_SHUTDOWN_TIMEOUT_MS,
    collectDefaultMetrics: values.FLOW_METRICS_DEFAULT,
    corsOrigins: splitList(values.FLOW_CORS_ORIGINS),
  };
}

function splitList(text: string | undefined): string[] {
  return (text ?? '').split(',').map((part) => part.trim()).filter(Boolean);
}

function describeValue(env: Record<string, string | undefined>, path: PropertyKey[]): string {
  const name = path[0];
  if (typeof name !== 'string' || env[name] === undefined) return '';
  return ` (got "${env[name]}")`;
}

/** A partial configuration merged over the defaults, for code that builds a server without env vars. */
export type ServerConfigOverrides = Partial<Omit<ServerConfig, 'urlImages'>> & { urlImages?: Partial<ServerConfig['urlImages']> };

export function mergeServerConfig(base: ServerConfig, overrides: ServerConfigOverrides = {}): ServerConfig {
  return { ...base, ...overrides, urlImages: { ...base.urlImages, ...overrides.urlImages } };
}
