import packageJson from '../package.json' with { type: 'json' };
import { ExitCode, UsageError, type CliIo } from './cli-io.js';
import { batchCommand, batchHelp } from './commands/batch/batch-command.js';
import { blocksCommand, blocksHelp } from './commands/blocks.js';
import { describeCommand, describeHelp } from './commands/describe.js';
import { graphCommand, graphHelp } from './commands/graph.js';
import { runCommand, runHelp } from './commands/run.js';
import { serveCommand, serveHelp } from './commands/serve.js';
import { validateCommand, validateHelp } from './commands/validate.js';

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

const commands: Record<string, { run: Command; help: string; summary: string }> = {
  run: { run: runCommand, help: runHelp, summary: 'run a workflow and print its outputs' },
  validate: { run: validateCommand, help: validateHelp, summary: 'check that a workflow compiles' },
  batch: { run: batchCommand, help: batchHelp, summary: 'run a workflow over many images into a resumable JSONL/CSV file' },
  blocks: { run: blocksCommand, help: blocksHelp, summary: 'list the loaded blocks' },
  describe: { run: describeCommand, help: describeHelp, summary: "show a block's properties and outputs" },
  graph: { run: graphCommand, help: graphHelp, summary: 'print the workflow as a Mermaid or DOT graph' },
  serve: { run: serveCommand, help: serveHelp, summary: 'start the HTTP server (Roboflow-compatible API)' },
};

export const mainHelp = `Usage: flow <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(10)}${command.summary}`)
  .join('\n')}

Run \`flow <command> --help\` for a command's options; \`flow --version\` prints the version. Block packs: --plugin SPEC or FLOW_PLUGINS=a,b.`;

/** Runs the `flow` command line and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${mainHelp}\n`);
    return name === undefined ? ExitCode.usageError : ExitCode.ok;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    io.stdout.write(`flow ${packageJson.version}\n`);
    return ExitCode.ok;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`flow: unknown command "${name}"\n\n${mainHelp}\n`);
    return ExitCode.usageError;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`flow ${name}: ${error.message}\nRun \`flow ${name} --help\` for usage.\n`);
      return ExitCode.usageError;
    }
    io.stderr.write(`flow ${name}: ${(error as Error).message ?? String(error)}\n`);
    return ExitCode.workflowError;
  }
}
