import { ExitCode, UsageError, writeJson, type CliIo } from '../cli-io.js';
import { loadEngine } from '../load-engine.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { describeProperty } from './describe-property.js';

export const describeHelp = `Usage: flow describe TYPE [--json]

Shows one block: its properties (JSON Schema of the step) and outputs with their kinds.
TYPE is a type id (roboflow_core/vlm_as_detector@v2) or a legacy alias.

Options:
  --json         The block's entry of GET /workflows/blocks/describe.
  --plugin SPEC  Load a block pack by module specifier; repeatable (also FLOW_PLUGINS=a,b).
  -h, --help     Show this help.`;

export async function describeCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs<{ json?: boolean }>('describe', args, {
    json: { type: 'boolean' },
  }, { count: 1, what: 'the block type' });
  if (values.help) {
    io.stdout.write(`${describeHelp}\n`);
    return ExitCode.ok;
  }
  const engine = await loadEngine(io, values.plugin ?? []);
  const registered = engine.registry.find(positionals[0]!);
  if (!registered) {
    throw new UsageError(`no block "${positionals[0]}" is loaded; \`flow blocks\` lists them`, 'describe');
  }
  const entry = engine.describeBlocks().blocks.find((block) => block.manifest_type_identifier === registered.block.type)!;
  if (values.json) {
    writeJson(io, entry, true);
    return ExitCode.ok;
  }
  const schema = entry.block_schema as { properties?: Record<string, Parameters<typeof describeProperty>[0] & { description?: string }>; required?: string[] };
  const block = registered.block;
  io.stdout.write(`${block.type} — ${block.name} (${registered.pack})${block.deprecated ? ' [deprecated]' : ''}\n${block.shortDescription}\n\nProperties:\n`);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const required = schema.required?.includes(name) ? ' (required)' : '';
    io.stdout.write(`  ${name}${required}: ${describeProperty(property)}\n${property.description ? `      ${property.description}\n` : ''}`);
  }
  io.stdout.write('\nOutputs:\n');
  for (const output of entry.outputs_manifest) io.stdout.write(`  ${output.name}: ${output.kind.map((kind) => kind.name).join(' | ')}\n`);
  return ExitCode.ok;
}
