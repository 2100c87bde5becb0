/** A JSON Schema node as `describeBlocks` writes a block property. */
interface PropertySchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  items?: PropertySchema;
  anyOf?: PropertySchema[];
  reference?: boolean;
  kind?: Array<{ name: string }>;
  minimum?: number;
  maximum?: number;
}

/**
 * One line about a property: what it takes (types, allowed values, a selector and the kinds it may
 * point to) and its default, e.g. `string, one of "a" | "b"; default "a"` or `selector to image`.
 */
export function describeProperty(schema: PropertySchema): string {
  const accepted = [...new Set(alternatives(schema).map(describeAlternative))];
  const defaultText = schema.default !== undefined ? `; default ${JSON.stringify(schema.default)}` : '';
  return `${accepted.join(' or ')}${defaultText}`;
}

function alternatives(schema: PropertySchema): PropertySchema[] {
  if (schema.anyOf) return schema.anyOf.flatMap(alternatives);
  return [schema];
}

function describeAlternative(schema: PropertySchema): string {
  if (schema.reference) return `selector to ${(schema.kind ?? []).map((kind) => kind.name).join(' | ') || 'any kind'}`;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return `one of ${schema.enum.map((value) => JSON.stringify(value)).join(' | ')}`;
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
  if (type === 'array') return `list of ${schema.items ? [...new Set(alternatives(schema.items).map(describeAlternative))].join(' or ') : 'any'}`;
  const range = schema.minimum !== undefined || schema.maximum !== undefined ? ` (${schema.minimum ?? '…'} to ${schema.maximum ?? '…'})` : '';
  return `${type}${range}`;
}
