import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-io.js';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
const commonOptions = {
  plugin: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionsConfig;

/**
 * `util.parseArgs` for one command, with `--plugin` and `--help` added and our usage errors instead of
 * Node's codes. `positionals` says how many positional arguments the command takes.
 */
export function parseCommandArgs<T extends OptionsConfig>(command: string, args: readonly string[], options: T, positionals: { count: number; what: string }) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: { ...options, ...commonOptions }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional.*$/s, ''), command);
  }
  const given = parsed.positionals.length;
  if (!(parsed.values as { help?: boolean }).help && given !== positionals.count) {
    throw new UsageError(given < positionals.count ? `missing ${positionals.what}` : `unexpected argument "${parsed.positionals[positionals.count]}"`, command);
  }
  return parsed;
}
