import { stringifyJson } from '@flow/kinds';

/** What a command may touch: streams, working directory and environment (tests pass their own). */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  cwd: string;
  env: Record<string, string | undefined>;
}

/** Exit codes: 0 ok, 1 the workflow failed (compile or run), 2 the command line was wrong. */
export const ExitCode = { ok: 0, workflowError: 1, usageError: 2 } as const;

/** A mistake in how the command was called; printed with the command's usage hint, exit 2. */
export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** JSON on stdout; float-kinded numbers print as the reference prints them (`2.0`). */
export function writeJson(io: CliIo, value: unknown, pretty: boolean): void {
  io.stdout.write(`${pretty ? stringifyJson(value, 2) : stringifyJson(value)}\n`);
}
