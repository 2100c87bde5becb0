import { EvaluationEngineError, isQueryLanguageError, UndeclaredSymbolError } from '../errors.js';
import { buildOperationsChain } from '../operations/build-operations-chain.js';
import type { Operand, Statement } from '../schemas/definitions.js';
import { binaryOperators, unaryOperators } from './operators.js';

/** A compiled statement: true or false for the named values it is evaluated against. */
export type StatementFunction = (values: Readonly<Record<string, unknown>>) => boolean;

type OperandFunction = (values: Readonly<Record<string, unknown>>) => unknown;

function buildOperand(operand: Operand, context: string): OperandFunction {
  const operations = buildOperationsChain(operand.operations, `${context}.operations`);
  if (operand.type === 'StaticOperand') {
    const value = operand.value;
    return (values) => operations(value, values);
  }
  const name = operand.operand_name;
  return (values) => {
    if (!Object.hasOwn(values, name)) throw new UndeclaredSymbolError({ message: `Encountered undefined symbol \`${name}\``, context: 'unknown' });
    return operations(values[name], values);
  };
}

function guarded(kind: string, context: string, evaluate: StatementFunction): StatementFunction {
  return (values) => {
    try {
      return evaluate(values);
    } catch (error) {
      if (error instanceof UndeclaredSymbolError) {
        throw new UndeclaredSymbolError({
          message: `Attempted to execute evaluation of type: ${kind} in context ${context}, but encountered error: ${error.message}`,
          context: `step_execution | roboflow_query_language_evaluation | ${context}`,
          cause: error,
        });
      }
      if (isQueryLanguageError(error)) throw error;
      throw new EvaluationEngineError({
        message: `Attempted to execute evaluation of type: ${kind} in context ${context}, but encountered error: ${(error as Error).message}`,
        context: `step_execution | roboflow_query_language_evaluation | ${context}`,
        cause: error,
      });
    }
  };
}

/**
 * Compiles a parsed statement (reference `build_eval_function`). A group evaluates every statement in
 * order, without short-circuiting, and combines the results with `and` / `or`.
 */
export function buildStatement(definition: Statement, context = '<root>'): StatementFunction {
  if (definition.type === 'BinaryStatement') {
    const left = buildOperand(definition.left_operand, context);
    const right = buildOperand(definition.right_operand, context);
    const operator = binaryOperators[definition.comparator.type];
    const negate = definition.negate;
    return guarded(definition.type, context, (values) => {
      const result = operator(left(values), right(values));
      return negate ? !result : result;
    });
  }
  if (definition.type === 'UnaryStatement') {
    const operand = buildOperand(definition.operand, context);
    const operator = unaryOperators[definition.operator.type];
    const negate = definition.negate;
    return guarded(definition.type, context, (values) => {
      const result = operator(operand(values));
      return negate ? !result : result;
    });
  }
  const statements = definition.statements.map((statement, index) => buildStatement(statement, `${context}.statements[${index}]`));
  if (statements.length === 0) {
    return () => {
      throw new EvaluationEngineError({
        message: `Attempted to execute evaluation of statements in context of ${context}, but empty statements list provided.`,
        context: `step_execution | roboflow_query_language_evaluation | ${context}`,
      });
    };
  }
  const all = definition.operator === 'and';
  return (values) => {
    let result = statements[0]!(values);
    for (let index = 1; index < statements.length; index++) {
      const next = statements[index]!(values);
      result = all ? result && next : result || next;
    }
    return result;
  };
}
