import { UsageError } from '../cli-io.js';

/**
 * Turns repeated `--input name=value` flags into a run request's `inputs`. For image inputs the value is
 * a file path (or an http(s) URL); text inputs (every kind textual, e.g. a model answer) keep the text as
 * given; others are parsed as JSON when they parse, else kept as text. Repeating an image input makes a batch.
 */
export function parseInputFlags(flags: readonly string[], imageInputs: ReadonlySet<string>, textInputs: ReadonlySet<string> = new Set()): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const flag of flags) {
    const separator = flag.indexOf('=');
    if (separator <= 0) throw new UsageError(`--input expects name=value, got "${flag}"`);
    const name = flag.slice(0, separator);
    const text = flag.slice(separator + 1);
    if (imageInputs.has(name)) {
      const image = /^https?:\/\//i.test(text) ? { type: 'url', value: text } : { type: 'file', value: text };
      const existing = inputs[name];
      inputs[name] = existing === undefined ? image : Array.isArray(existing) ? [...existing, image] : [existing, image];
      continue;
    }
    if (Object.hasOwn(inputs, name)) throw new UsageError(`--input ${name} is given twice; only image inputs can be repeated to make a batch`);
    inputs[name] = textInputs.has(name) ? text : parseParameter(text);
  }
  return inputs;
}

function parseParameter(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
