import { PythonError } from './python/semantics.js';

/** The one logger method the parse functions use; a block's `context.logger` fits. */
export interface FailureLogger {
  warn(message: string, fields?: Record<string, unknown>): void;
}

/**
 * Log fields for a failed parse. `errorType` is the Python exception the reference would have raised
 * (`KeyError`, ...). Anything else is flagged `unexpected`: it would point at a bug here, not in the answer.
 */
export function describeFailure(reason: string, error?: unknown): Record<string, unknown> {
  if (error === undefined) return { reason };
  if (error instanceof PythonError) return { reason, errorType: error.pythonType, details: error.message };
  return { reason, unexpected: true, errorType: error instanceof Error ? error.name : typeof error, details: error instanceof Error ? error.message : String(error) };
}
