import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-io.js';

/** `util.parseArgs` with our usage errors instead of Node's codes. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(command: string, args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional.*$/s, ''), command);
  }
}
