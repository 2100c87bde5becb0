import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-io.js';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
const commonOptions: OptionsConfig = {
  plugin: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
};

export interface ParsedCommand<Values> {
  values: Values & { plugin?: string[]; help?: boolean };
  positionals: string[];
}

/**
 * `util.parseArgs` for one command, with `--plugin` and `--help` added and our usage errors instead of
 * Node's codes. `positionals` says how many positional arguments the command takes; `Values` names the
 * types of the command's own options.
 */
export function parseCommandArgs<Values extends Record<string, unknown>>(
  command: string,
  args: readonly string[],
  options: OptionsConfig,
  positionals: { count: number; what: string },
): ParsedCommand<Values> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: { ...options, ...commonOptions }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional.*$/s, ''), command);
  }
  const given = parsed.positionals.length;
  if (parsed.values.help !== true && given !== positionals.count) {
    throw new UsageError(given < positionals.count ? `missing ${positionals.what}` : `unexpected argument "${parsed.positionals[positionals.count]}"`, command);
  }
  return parsed as ParsedCommand<Values>;
}
