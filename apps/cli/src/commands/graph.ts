import { buildWorkflowGraph, renderDot, renderMermaid } from '@flow/engine';
import { ExitCode, UsageError, type CliIo } from '../cli-io.js';
import { loadEngine } from '../load-engine.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { printWorkflowError } from '../print-workflow-error.js';
import { readDefinition } from '../read-definition.js';

export const graphHelp = `Usage: flow graph DEFINITION.json [--format mermaid|dot]

Prints the workflow's DAG: inputs, steps (name and block), outputs, and edges labelled with the property
they feed (\`output → property\` when the value comes from a step). POST /workflows/graph answers the same
Mermaid text.

Options:
  --format FORMAT  mermaid (default; paste into a Markdown \`\`\`mermaid block) or dot (Graphviz:
                   flow graph w.json --format dot | dot -Tsvg > w.svg).
  --plugin SPEC    Load a block pack by module specifier; repeatable (also FLOW_PLUGINS=a,b).
  -h, --help       Show this help.

Exit codes: 0 ok, 1 the workflow does not compile, 2 usage error.`;

const renderers = { mermaid: renderMermaid, dot: renderDot } as const;

export async function graphCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs<{ format?: string }>('graph', args, { format: { type: 'string' } }, { count: 1, what: 'the workflow definition file' });
  if (values.help) {
    io.stdout.write(`${graphHelp}\n`);
    return ExitCode.ok;
  }
  const format = values.format ?? 'mermaid';
  if (!Object.hasOwn(renderers, format)) throw new UsageError(`--format must be mermaid or dot, got "${format}"`, 'graph');
  const definition = await readDefinition(positionals[0]!, io.cwd);
  const engine = await loadEngine(io, values.plugin ?? []);
  const result = engine.validate(definition);
  if (!result.ok) {
    printWorkflowError(io, result.error, { json: false, pretty: true });
    return ExitCode.workflowError;
  }
  io.stdout.write(renderers[format as keyof typeof renderers](buildWorkflowGraph(result.workflow.plan)));
  return ExitCode.ok;
}
