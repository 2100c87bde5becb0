import { WorkflowCompilationError } from '@flow/engine';
import { ExitCode, writeJson, type CliIo } from '../cli-io.js';
import { loadEngine } from '../load-engine.js';
import { missingBlocksSummary } from '../missing-blocks-summary.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { printWorkflowError } from '../print-workflow-error.js';
import { readJsonFile } from '../read-json-file.js';
import { unwrapSpecification } from '../read-definition.js';

export const validateHelp = `Usage: flow validate DEFINITION.json [--json]

Compiles a workflow without running it. Exits 0 when it compiles, 1 with every problem found otherwise.
DEFINITION.json is the definition itself or a run request body holding it in "specification".

Options:
  --json         Print {"status": "ok"} or the error body POST /workflows/validate would answer.
  --plugin SPEC  Load a block pack by module specifier; repeatable (also FLOW_PLUGINS=a,b).
  -h, --help     Show this help.`;

export async function validateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs<{ json?: boolean }>('validate', args, {
    json: { type: 'boolean' },
  }, { count: 1, what: 'the workflow definition file' });
  if (values.help) {
    io.stdout.write(`${validateHelp}\n`);
    return ExitCode.ok;
  }
  const definition = unwrapSpecification(await readJsonFile(positionals[0]!, io.cwd, 'definition'));
  const engine = await loadEngine(io, values.plugin ?? []);
  const result = engine.validate(definition);
  if (!result.ok) {
    printWorkflowError(io, result.error, { json: values.json === true, pretty: true });
    if (result.error instanceof WorkflowCompilationError) io.stderr.write(missingBlocksSummary(result.error.problems));
    return ExitCode.workflowError;
  }
  const plan = result.workflow.plan;
  if (values.json) writeJson(io, { status: 'ok' }, false);
  else io.stdout.write(`ok: ${positionals[0]} compiles (${count(plan.inputs.length, 'input')}, ${count(plan.steps.length, 'step')}, ${count(plan.outputs.length, 'output')})\n`);
  return ExitCode.ok;
}

function count(amount: number, noun: string): string {
  return `${amount} ${noun}${amount === 1 ? '' : 's'}`;
}
