export { main, mainHelp } from './main.js';
export { ExitCode, UsageError, type CliIo } from './cli-io.js';
export { parseInputFlags } from './inputs/parse-input-flags.js';
