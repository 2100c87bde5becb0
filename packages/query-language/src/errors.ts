import { FlowError } from '@flow/kinds';

/**
 * The reference's error family (`RoboflowQueryLanguageError` and its subclasses), one class each, with a
 * stable code. `context` says where in the definition the failure happened (`<root>[0]`,
 * `<root>.statements[1]`), as the reference's execution contexts do.
 */
export class QueryLanguageError extends FlowError {
  readonly context: string | undefined;

  constructor({ code, message, context, cause }: { code: string; message: string; context?: string; cause?: unknown }) {
    super({ code, message, cause, details: context === undefined ? undefined : { context } });
    this.name = 'QueryLanguageError';
    this.context = context;
  }
}

/** A dynamic operand or parameter names a value that was not given. */
export class UndeclaredSymbolError extends QueryLanguageError {
  constructor(options: { message: string; context?: string; cause?: unknown }) {
    super({ code: 'QUERY_LANGUAGE_UNDECLARED_SYMBOL', ...options });
    this.name = 'UndeclaredSymbolError';
  }
}

/** An operation got a value of a type it cannot work on. */
export class InvalidInputTypeError extends QueryLanguageError {
  constructor(options: { message: string; context?: string; cause?: unknown }) {
    super({ code: 'QUERY_LANGUAGE_INVALID_INPUT_TYPE', ...options });
    this.name = 'InvalidInputTypeError';
  }
}

/** An operation failed on a value of the right type. */
export class OperationError extends QueryLanguageError {
  constructor(options: { message: string; context?: string; cause?: unknown }) {
    super({ code: 'QUERY_LANGUAGE_OPERATION_ERROR', ...options });
    this.name = 'OperationError';
  }
}

/** A statement failed while it was evaluated (a comparison between values that cannot be compared ...). */
export class EvaluationEngineError extends QueryLanguageError {
  constructor(options: { message: string; context?: string; cause?: unknown }) {
    super({ code: 'QUERY_LANGUAGE_EVALUATION_ERROR', ...options });
    this.name = 'EvaluationEngineError';
  }
}

/** A definition (operations or statements) does not match the language; `issues` say where and why. */
export class QueryLanguageDefinitionError extends QueryLanguageError {
  readonly issues: readonly string[];

  constructor(issues: readonly string[]) {
    super({ code: 'QUERY_LANGUAGE_INVALID_DEFINITION', message: `Invalid query-language definition: ${issues.join('; ')}` });
    this.name = 'QueryLanguageDefinitionError';
    this.issues = issues;
  }
}

/**
 * A failure with Python's own words (a `TypeError` in the reference): raised by the Python-semantics
 * helpers and turned into the reference's wrapping error by whoever catches it.
 */
export class PythonTypeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TypeError';
  }
}

/** Python's `ValueError`, `KeyError`, `ZeroDivisionError` ... as raised by the helpers. */
export class PythonValueError extends Error {
  constructor(message: string, name = 'ValueError') {
    super(message);
    this.name = name;
  }
}

export function isQueryLanguageError(error: unknown): error is QueryLanguageError {
  return FlowError.isInstance(error) && error.code.startsWith('QUERY_LANGUAGE_');
}
