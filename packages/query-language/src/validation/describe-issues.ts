import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

function typeOf(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' ? (value as { type: string }).type : undefined;
}

function slotName(key: PropertyKey | undefined, parentKey: PropertyKey | undefined): string {
  if (key === 'comparator') return 'comparator';
  if (key === 'operator') return 'operator';
  if (key === 'left_operand' || key === 'right_operand' || key === 'operand') return 'operand';
  if (key === 'filter_operation' || key === 'condition_statement' || key === 'condition') return 'statement group';
  if (parentKey === 'statements') return 'statement';
  return 'operation';
}

/**
 * One message per issue that names the query-language element at fault: `operation NumberRound:
 * decimal_digits: expected number, received undefined`, `unknown operation type "Foo"`.
 */
export function describeIssue(issue: Issue, input: unknown, knownTypes: readonly string[]): string {
  let node: unknown = input;
  let owner: { type: string; slot: string; depth: number } | undefined;
  const rootType = typeOf(input);
  if (rootType !== undefined) owner = { type: rootType, slot: rootType === 'StatementGroup' ? 'statement group' : 'operation', depth: 0 };
  for (let depth = 0; depth < issue.path.length; depth++) {
    const key = issue.path[depth];
    node = typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
    const type = typeOf(node);
    if (type !== undefined) owner = { type, slot: slotName(key, issue.path[depth - 1]), depth: depth + 1 };
  }
  const noMatchingType = issue.code === 'invalid_union' && (issue as { note?: string }).note === 'No matching discriminator';
  if (noMatchingType) {
    const path = issue.path[issue.path.length - 1] === 'type' ? issue.path.slice(0, -1) : issue.path;
    let container: unknown = input;
    for (const key of path) container = typeof container === 'object' && container !== null ? (container as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
    const slot = slotName(path[path.length - 1], path[path.length - 2]);
    const written = typeOf(container);
    const expected = slot === 'operation' ? ` (known operations: ${knownTypes.join(', ')})` : '';
    return written === undefined ? `${slot} has no "type"${expected}` : `unknown ${slot} type "${written}"${expected}`;
  }
  if (owner === undefined) return issue.message;
  const field = issue.path.slice(owner.depth).join('.');
  return `${owner.slot} ${owner.type}${field ? `: ${field}` : ''}: ${issue.message}`;
}
