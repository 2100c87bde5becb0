/** A Python-style annotation for a JSON Schema, as the reference's `primitives_connections` shows. */
export function pythonTypeHint(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) {
    const options = ((schema.anyOf ?? schema.oneOf) as Record<string, unknown>[]).filter((option) => !isSelector(option));
    const nullable = options.some((option) => option.type === 'null');
    const hints = [...new Set(options.filter((option) => option.type !== 'null').map(pythonTypeHint))];
    const inner = hints.length === 1 ? hints[0]! : `Union[${hints.join(', ')}]`;
    return nullable ? `Optional[${inner}]` : inner;
  }
  if (schema.enum || schema.const !== undefined) return 'str';
  switch (schema.type) {
    case 'string':
      return 'str';
    case 'integer':
      return 'int';
    case 'number':
      return 'float';
    case 'boolean':
      return 'bool';
    case 'array':
      return `List[${schema.items ? pythonTypeHint(schema.items as Record<string, unknown>) : 'Any'}]`;
    case 'object':
      return 'Dict[str, Any]';
    default:
      return 'Any';
  }
}

export function isSelector(schema: Record<string, unknown>): boolean {
  return schema.reference === true;
}
