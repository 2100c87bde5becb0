import { z } from 'zod';
import { QueryLanguageDefinitionError } from '../errors.js';
import { buildOperationsChain, type OperationsChain } from '../operations/build-operations-chain.js';
import { operationDefinitionSchema, operationTypes, statementGroupDefinitionSchema, type OperationDefinition, type StatementGroup } from '../schemas/definitions.js';
import { buildStatement, type StatementFunction } from '../statements/build-statement.js';
import { describeIssue } from './describe-issues.js';

const operationsListSchema = z.array(operationDefinitionSchema);

function pathText(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('');
}

function issuesOf(error: z.ZodError, input: unknown): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? `${pathText(issue.path)}: ` : '';
    return `${where}${describeIssue(issue, input, operationTypes)}`;
  });
}

/** Parses a list of operations (defaults filled in); a `QueryLanguageDefinitionError` names each fault. */
export function parseOperations(definitions: unknown): OperationDefinition[] {
  const result = operationsListSchema.safeParse(definitions);
  if (!result.success) throw new QueryLanguageDefinitionError(issuesOf(result.error, definitions));
  return result.data;
}

/** Parses a `StatementGroup` (defaults filled in); a `QueryLanguageDefinitionError` names each fault. */
export function parseStatementGroup(definition: unknown): StatementGroup {
  const result = statementGroupDefinitionSchema.safeParse(definition);
  if (!result.success) throw new QueryLanguageDefinitionError(issuesOf(result.error, definition));
  return result.data;
}

const compiledChains = new WeakMap<object, OperationsChain>();
const compiledStatements = new WeakMap<object, StatementFunction>();

/**
 * Compiles operations in their wire form into one function. The result is cached per definition
 * object, so a block calling this for every batch element compiles once.
 */
export function compileOperations(definitions: unknown): OperationsChain {
  const cacheable = typeof definitions === 'object' && definitions !== null;
  const cached = cacheable ? compiledChains.get(definitions) : undefined;
  if (cached) return cached;
  const chain = buildOperationsChain(parseOperations(definitions));
  if (cacheable) compiledChains.set(definitions, chain);
  return chain;
}

/** Compiles a `StatementGroup` in its wire form (cached per definition object). */
export function compileStatementGroup(definition: unknown): StatementFunction {
  const cacheable = typeof definition === 'object' && definition !== null;
  const cached = cacheable ? compiledStatements.get(definition) : undefined;
  if (cached) return cached;
  const evaluateGroup = buildStatement(parseStatementGroup(definition));
  if (cacheable) compiledStatements.set(definition, evaluateGroup);
  return evaluateGroup;
}

/** Applies operations to a value (reference `execute_operations`). */
export function executeOperations(value: unknown, operations: unknown, globalParameters: Readonly<Record<string, unknown>> = {}): unknown {
  return compileOperations(operations)(value, globalParameters);
}

/** Evaluates a `StatementGroup` against named values (reference `evaluate`). */
export function evaluate(values: Readonly<Record<string, unknown>>, definition: unknown): boolean {
  return compileStatementGroup(definition)(values);
}
