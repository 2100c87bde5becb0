/** Token and call counts a block reports for one model call. */
export interface UsageRecord {
  provider?: string;
  model?: string;
  inputTokens?: number;
  outputTokens?: number;
  calls?: number;
  /** Calls answered from the response cache (billed nothing). */
  cached?: number;
}

/** Minimal structured logger; pino and console both fit. */
export interface BlockLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * Services the host hands to blocks (a provider registry, a pooling client ...). Packages that need one
 * add a key by declaration merging, so the engine itself depends on none of them:
 * `declare module '@flow/engine' { interface BlockServices { providers: ProviderRegistry } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface BlockServices {}

/** What a block's `run` receives besides its inputs. */
export interface BlockContext {
  /** Aborted when the run is cancelled or another step failed. */
  signal: AbortSignal;
  logger: BlockLogger;
  services: Partial<BlockServices> & Record<string, unknown>;
  usage: { record(usage: UsageRecord): void };
  step: { name: string; type: string };
}

export const silentLogger: BlockLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};
