import { ExitCode, writeJson, type CliIo } from '../cli-io.js';
import { loadEngine } from '../load-engine.js';
import { parseCommandArgs } from '../parse-command-args.js';

export const blocksHelp = `Usage: flow blocks [--json]

Lists the loaded blocks: type id, legacy aliases, name and pack.

Options:
  --json         One JSON object per block.
  --plugin SPEC  Load a block pack by module specifier; repeatable (also FLOW_PLUGINS=a,b).
  -h, --help     Show this help.`;

export async function blocksCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs<{ json?: boolean }>('blocks', args, {
    json: { type: 'boolean' },
  }, { count: 0, what: '' });
  if (values.help) {
    io.stdout.write(`${blocksHelp}\n`);
    return ExitCode.ok;
  }
  const engine = await loadEngine(io, values.plugin ?? []);
  const rows = engine.registry.blocks.map(({ block, pack }) => ({
    type: block.type,
    aliases: [...(block.aliases ?? [])],
    name: block.name,
    block_type: block.blockType,
    pack,
    deprecated: block.deprecated === true,
  }));
  if (values.json) {
    writeJson(io, rows, false);
    return ExitCode.ok;
  }
  const width = Math.max(...rows.map((row) => row.type.length), 4);
  io.stdout.write(`${'TYPE'.padEnd(width)}  NAME (PACK)\n`);
  for (const row of rows) {
    const aliases = row.aliases.length ? ` [alias ${row.aliases.join(', ')}]` : '';
    io.stdout.write(`${row.type.padEnd(width)}  ${row.name} (${row.pack})${aliases}${row.deprecated ? ' [deprecated]' : ''}\n`);
  }
  return ExitCode.ok;
}
