import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { ExitCode, UsageError, type CliIo } from '../../cli-io.js';
import { parseInputFlags } from '../../inputs/parse-input-flags.js';
import { imageInputNames, textInputNames } from '../../inputs/workflow-input-names.js';
import { loadEngine } from '../../load-engine.js';
import { printWorkflowError } from '../../print-workflow-error.js';
import { readDefinition } from '../../read-definition.js';
import { imageExtensions, listImages, resolveImageSources } from './list-images.js';
import { runBatch } from './run-batch.js';

export const batchHelp = `Usage: flow batch DEFINITION.json IMAGES... --out RESULTS [options]

Runs the workflow once per image and appends one JSON line per image to RESULTS as each run finishes:
  {"image": path, "sha256": hex, "outputs": {...}, "usage": {...}}   or
  {"image": path, "sha256": hex, "error": {"code", "message", "step"}}
IMAGES are files, folders (walked recursively for .jpg .jpeg .png .webp .gif .bmp) or globs ("photos/**/*.jpg").
Running the same command again resumes: images already in RESULTS with the same path and content hash are
skipped (failed ones too, unless --retry-failed). A run killed at any moment loses no finished result.

Options:
  --out FILE           Results file (required). JSON Lines, or CSV with --format csv / a .csv name.
  --format FORMAT      jsonl (default) or csv: one column per scalar output path (predictions.top ...).
                       CSV is written from the JSON Lines journal FILE.jsonl at the end of every run.
  --image-input NAME   The image input each file is bound to (default: the workflow's only image input).
  --input name=value   A value for another input, the same for every image; repeatable.
  --concurrency N      Images run at once (default 4).
  --save-images DIR    Write image outputs to DIR as files (<image>-<sha8>.<output>.png) and put
                       {"type": "file", "value": path} in the results instead of base64.
  --retry-failed       Run images whose earlier result is an error again (their old lines are removed).
  --quiet              No progress and no summary (errors still go to stderr).
  --plugin SPEC        Load a block pack by module specifier; repeatable (also FLOW_PLUGINS=a,b).
  -h, --help           Show this help.

Progress goes to stderr: a live bar on a terminal, else a line every few seconds. Ctrl-C stops taking new
images and lets running ones finish; a second Ctrl-C aborts them (they are not recorded, so a resume runs
them again).

Exit codes: 0 every image succeeded, 1 some failed (or the workflow does not compile), 2 usage error,
130 interrupted by Ctrl-C (the results file is resumable).`;

interface BatchValues {
  out?: string;
  format?: string;
  'image-input'?: string;
  input?: string[];
  concurrency?: string;
  'save-images'?: string;
  'retry-failed'?: boolean;
  quiet?: boolean;
  plugin?: string[];
  help?: boolean;
}

function parseBatchArgs(args: readonly string[]): { values: BatchValues; positionals: string[] } {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        format: { type: 'string' },
        'image-input': { type: 'string' },
        input: { type: 'string', multiple: true },
        concurrency: { type: 'string' },
        'save-images': { type: 'string' },
        'retry-failed': { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        plugin: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }) as { values: BatchValues; positionals: string[] };
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional.*$/s, ''), 'batch');
  }
}

export async function batchCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseBatchArgs(args);
  if (values.help) {
    io.stdout.write(`${batchHelp}\n`);
    return ExitCode.ok;
  }
  const [definitionPath, ...imageArgs] = positionals;
  if (definitionPath === undefined) throw new UsageError('missing the workflow definition file', 'batch');
  if (imageArgs.length === 0) throw new UsageError('missing IMAGES: give image files, folders or globs', 'batch');
  if (!values.out) throw new UsageError('missing --out RESULTS (the JSON Lines or CSV file to write)', 'batch');
  const format = values.format ?? (values.out.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl');
  if (format !== 'jsonl' && format !== 'csv') throw new UsageError(`--format must be jsonl or csv, got "${format}"`, 'batch');
  const concurrency = values.concurrency === undefined ? 4 : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) throw new UsageError(`--concurrency must be a whole number from 1 to 256, got "${values.concurrency}"`, 'batch');

  const definition = await readDefinition(definitionPath, io.cwd);
  const sources = await resolveImageSources(imageArgs, io.cwd);
  const firstImage = listImages(sources, io.cwd);
  const found = !(await firstImage.next()).done;
  await firstImage.return(undefined);
  if (!found) throw new UsageError(`no images found in ${imageArgs.join(' ')} (folders and globs take ${imageExtensions.join(' ')})`, 'batch');
  const engine = await loadEngine(io, values.plugin ?? []);
  const compiled = engine.validate(definition);
  if (!compiled.ok) {
    printWorkflowError(io, compiled.error, { json: false, pretty: true });
    return ExitCode.workflowError;
  }
  const workflow = compiled.workflow;
  const images = imageInputNames(workflow.plan);
  let imageInput = values['image-input'];
  if (imageInput === undefined) {
    if (images.length === 0) throw new UsageError('the workflow has no image input (WorkflowImage) to bind the images to', 'batch');
    if (images.length > 1) throw new UsageError(`the workflow has several image inputs (${images.join(', ')}); choose one with --image-input NAME`, 'batch');
    imageInput = images[0]!;
  } else if (!images.includes(imageInput)) {
    throw new UsageError(`--image-input ${imageInput}: not an image input of the workflow (image inputs: ${images.join(', ') || 'none'})`, 'batch');
  }

  const parameters = parseInputFlags(values.input ?? [], new Set(images), textInputNames(workflow.plan));
  const known = new Set(workflow.inputNames);
  for (const name of Object.keys(parameters)) {
    if (name === imageInput) throw new UsageError(`--input ${name}: that input takes the batch's images; do not set it with --input`, 'batch');
    if (!known.has(name)) throw new UsageError(`--input ${name}: the workflow has no input named "${name}" (inputs: ${[...known].join(', ')})`, 'batch');
  }
  const absoluteParameters = Object.fromEntries(
    Object.entries(parameters).map(([name, value]) => {
      const image = value as { type?: unknown; value?: unknown };
      return [name, image?.type === 'file' && typeof image.value === 'string' ? { type: 'file', value: resolve(io.cwd, image.value) } : value];
    }),
  );

  return runBatch({
    io,
    workflow,
    sources,
    imageInput,
    parameters: absoluteParameters,
    outPath: resolve(io.cwd, values.out),
    format,
    concurrency,
    saveImagesDirectory: values['save-images'],
    retryFailed: values['retry-failed'] === true,
    quiet: values.quiet === true,
  });
}
