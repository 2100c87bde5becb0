import { dirname, resolve } from 'node:path';
import { ExitCode, UsageError, writeJson, type CliIo } from '../cli-io.js';
import { cliImageLoaders } from '../inputs/image-loaders.js';
import { parseInputFlags } from '../inputs/parse-input-flags.js';
import { runImagePrefixes, saveImageOutputs } from '../outputs/save-images.js';
import { loadEngine } from '../load-engine.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { printWorkflowError } from '../print-workflow-error.js';
import { readJsonFile } from '../read-json-file.js';
import { UsageTally } from '../usage/usage-table.js';
import { unwrapSpecification } from '../read-definition.js';
import { stderrBlockLogger, warnDefaultedInputs } from '../run-diagnostics.js';

export const runHelp = `Usage: flow run DEFINITION.json [--inputs INPUTS.json] [--input name=value ...]

Runs a workflow and prints what POST /workflows/run would answer: {"outputs": [...], "profiler_trace": []}.

Options:
  --inputs FILE        JSON object of input values (the "inputs" of a run request). Image values may be
                       {"type": "base64", "value": ...}, a data URL, {"type": "url", "value": "https://..."}
                       or {"type": "file", "value": "path"} (relative to the inputs file).
  --input name=value   One input; repeatable. For an image input the value is a file path or URL (repeat
                       it for a batch); otherwise JSON, or plain text when it is not JSON. Wins over --inputs.
  --exclude NAME       Drop an output from every result (excluded_fields); repeatable.
  --save-images DIR    Write image outputs to DIR as files named after the input image and the output
                       (pets.annotated.png) and print {"type": "file", "value": path} instead of base64.
  --usage              Print a table of model calls and tokens per step to stderr.
  --plugin SPEC        Load a block pack by module specifier; repeatable (also FLOW_PLUGINS=a,b).
  --pretty / --compact Force indented or one-line JSON (default: indented on a terminal).
  -q, --quiet          Do not print blocks' warnings (e.g. why a VLM answer did not parse) or inputs left
                       to their defaults on stderr.
  -h, --help           Show this help.

Model blocks read their keys and endpoints from the environment (OPENAI_API_KEY / OPENAI_BASE_URL,
OPENROUTER_*, ANTHROPIC_*, GEMINI_*, VLLM_BASE_URL); FLOW_CACHE_DIR caches model answers on disk.

Exit codes: 0 ok, 1 the workflow failed to compile or run (the error body is printed), 2 usage error.`;

/** Kinds whose values are text: `--input` keeps such values verbatim instead of parsing them as JSON. */
export const textKinds = new Set(['string', 'language_model_output', 'top_class', 'prediction_type', 'parent_id', 'inference_id', 'secret', 'roboflow_api_key', 'ROBOFLOW_MANAGED_KEY', 'roboflow_model_id', 'roboflow_project']);

export async function runCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs<{ inputs?: string; input?: string[]; exclude?: string[]; pretty?: boolean; compact?: boolean; 'save-images'?: string; usage?: boolean; quiet?: boolean }>('run', args, {
    quiet: { type: 'boolean', short: 'q' },
    inputs: { type: 'string' },
    input: { type: 'string', multiple: true },
    exclude: { type: 'string', multiple: true },
    pretty: { type: 'boolean' },
    compact: { type: 'boolean' },
    'save-images': { type: 'string' },
    usage: { type: 'boolean' },
  }, { count: 1, what: 'the workflow definition file' });
  if (values.help) {
    io.stdout.write(`${runHelp}\n`);
    return ExitCode.ok;
  }
  const pretty = values.compact ? false : (values.pretty ?? io.stdout.isTTY === true);
  const definitionPath = positionals[0]!;
  const definition = unwrapSpecification(await readJsonFile(definitionPath, io.cwd, 'definition'));

  let inputs: Record<string, unknown> = {};
  let imageBase = io.cwd;
  if (values.inputs) {
    const file = await readJsonFile(values.inputs, io.cwd, 'inputs');
    if (typeof file !== 'object' || file === null || Array.isArray(file)) throw new UsageError(`inputs file ${values.inputs} must hold a JSON object of input values`, 'run');
    inputs = unwrapRequestInputs(file as Record<string, unknown>);
    imageBase = dirname(resolve(io.cwd, values.inputs));
  }

  const engine = await loadEngine(io, values.plugin ?? []);
  const tally = new UsageTally();
  try {
    const workflow = engine.compile(definition);
    if (values.input?.length) {
      const plan = workflow.plan;
      const imageInputs = new Set(plan.inputs.filter((input) => input.batch && input.kinds.includes('image')).map((input) => input.name));
      const textInputs = new Set(
        plan.inputs
          .filter((input) => {
            const kinds = input.definition.kind?.length ? input.kinds : (plan.inputInterface[input.name] ?? []);
            return kinds.length > 0 && kinds.every((kind) => textKinds.has(kind));
          })
          .map((input) => input.name),
      );
      const known = new Set(workflow.inputNames);
      const flagged = parseInputFlags(values.input, imageInputs, textInputs);
      for (const name of Object.keys(flagged)) {
        if (!known.has(name)) throw new UsageError(`--input ${name}: the workflow has no input named "${name}" (inputs: ${[...known].join(', ') || 'none'})`, 'run');
      }
      const fromFlags = Object.fromEntries(Object.entries(flagged).map(([name, value]) => [name, absoluteImagePaths(value, io.cwd)]));
      inputs = { ...inputs, ...fromFlags };
    }
    if (!values.quiet) warnDefaultedInputs(io, workflow, inputs);
    const { createModelServices } = await import('@flow/server');
    const outputs = await workflow.run(inputs, {
      ...cliImageLoaders(imageBase),
      services: { ...createModelServices(io.env) },
      onUsage: tally.record,
      ...(values.quiet ? {} : { logger: stderrBlockLogger(io) }),
    });
    const excluded = new Set(values.exclude ?? []);
    let serialized = workflow.serialize(outputs).map((record) => Object.fromEntries(Object.entries(record).filter(([name]) => !excluded.has(name))));
    if (values['save-images'] !== undefined) {
      const prefixes = runImagePrefixes(inputs, workflow.plan.inputs.filter((input) => input.batch && input.kinds.includes('image')).map((input) => input.name), serialized.length);
      serialized = await Promise.all(serialized.map((record, index) => saveImageOutputs(record, values['save-images']!, prefixes[index]!, io.cwd)));
    }
    writeJson(io, { outputs: serialized, profiler_trace: [] }, pretty);
    return ExitCode.ok;
  } catch (error) {
    if (printWorkflowError(io, error, { json: true, pretty })) return ExitCode.workflowError;
    throw error;
  } finally {
    if (values.usage) io.stderr.write(tally.format());
  }
}

/** `--input` image paths are relative to the working directory, not to the inputs file. */
function absoluteImagePaths(value: unknown, cwd: string): unknown {
  if (Array.isArray(value)) return value.map((item) => absoluteImagePaths(item, cwd));
  const image = value as { type?: unknown; value?: unknown } | null;
  if (image?.type === 'file' && typeof image.value === 'string') return { type: 'file', value: resolve(cwd, image.value) };
  return value;
}

/** Accepts the inputs object itself or a whole run request body with an `inputs` object. */
function unwrapRequestInputs(file: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(file);
  const isRequestBody = typeof file.inputs === 'object' && file.inputs !== null && keys.every((key) => ['inputs', 'specification', 'api_key', 'excluded_fields', 'enable_profiling', 'workflow_id', 'use_cache'].includes(key));
  return isRequestBody ? (file.inputs as Record<string, unknown>) : file;
}
