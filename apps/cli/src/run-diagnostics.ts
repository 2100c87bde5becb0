import type { BlockLogger, CompiledWorkflow } from '@flow/engine';
import type { CliIo } from './cli-io.js';

/**
 * What blocks say while `flow run` runs (why a VLM answer did not parse, ...): warnings and errors go to
 * stderr, so stdout stays the JSON answer; debug and info lines are dropped.
 */
export function stderrBlockLogger(io: CliIo): BlockLogger {
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    const details = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
    io.stderr.write(`flow run: ${level}: ${message}${details}\n`);
  };
  const ignore = () => {};
  return { debug: ignore, info: ignore, warn: write('warning'), error: write('error') };
}

/** Declared parameters the inputs leave out: the run uses their defaults, which may not be what was meant. */
export function warnDefaultedInputs(io: CliIo, workflow: CompiledWorkflow, inputs: Record<string, unknown>): void {
  for (const input of workflow.plan.inputs) {
    if (input.batch || Object.hasOwn(inputs, input.name)) continue;
    const fallback = (input.definition as { default_value?: unknown }).default_value;
    io.stderr.write(`flow run: warning: input "${input.name}" was not given; using its default ${JSON.stringify(fallback ?? null)}\n`);
  }
}
