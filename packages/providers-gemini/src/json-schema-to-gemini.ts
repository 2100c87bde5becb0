import type { JsonSchema } from '@flow/providers-core';

/**
 * Gemini's `responseSchema` is a subset of OpenAPI 3.0's Schema object. Kept: `type` (upper-cased), `format`,
 * `description`, `title`, `nullable`, `enum` (strings only), `properties`, `required`, `propertyOrdering`, `items`,
 * `minItems`/`maxItems`, `minimum`/`maximum`, `minLength`/`maxLength`, `pattern`, `minProperties`/`maxProperties`,
 * `anyOf`, `default`, `example`. Converted: `type: [T, 'null']` → `type: T, nullable: true`; `const` → a one-value
 * `enum`; `oneOf` → `anyOf`; `examples` → its first item as `example`; local `$ref`s (`#/$defs/...`,
 * `#/definitions/...`) inlined (a recursive reference is cut at depth 8). Dropped (listed in `dropped`):
 * `additionalProperties`, `allOf`, `not`, `if`/`then`/`else`, `patternProperties`, `$schema`, `$id`, non-string `enum`s
 * and everything else OpenAPI's subset does not know.
 */
export interface GeminiSchemaConversion {
  schema: Record<string, unknown>;
  /** JSON-pointer-like paths of the keywords that were dropped, e.g. `/properties/box/additionalProperties`. */
  dropped: string[];
}

const copied = new Set([
  'format',
  'description',
  'title',
  'nullable',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'minProperties',
  'maxProperties',
  'default',
  'example',
  'propertyOrdering',
]);
const handled = new Set(['type', 'enum', 'const', 'properties', 'required', 'items', 'anyOf', 'oneOf', 'examples', '$ref', '$defs', 'definitions']);
const scalarTypes = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);

export function jsonSchemaToGemini(root: JsonSchema): GeminiSchemaConversion {
  const dropped: string[] = [];
  const definitions = { ...(root['definitions'] as Record<string, JsonSchema> | undefined), ...(root['$defs'] as Record<string, JsonSchema> | undefined) };

  const resolve = (schema: JsonSchema, path: string, depth: number): JsonSchema | undefined => {
    const ref = schema['$ref'];
    if (typeof ref !== 'string') return schema;
    const name = /^#\/(?:\$defs|definitions)\/(.+)$/.exec(ref)?.[1];
    const target = name === undefined ? undefined : definitions[name];
    if (target === undefined || depth > 8) {
      dropped.push(`${path}/$ref`);
      return undefined;
    }
    return resolve(target, path, depth + 1);
  };

  const convert = (input: JsonSchema, path: string, depth: number): Record<string, unknown> => {
    const schema = resolve(input, path, depth) ?? {};
    const out: Record<string, unknown> = {};
    const type = schema['type'];
    const types = (Array.isArray(type) ? type : type === undefined ? [] : [type]).filter((value): value is string => typeof value === 'string' && scalarTypes.has(value));
    const nonNull = types.filter((value) => value !== 'null');
    if (types.includes('null')) out['nullable'] = true;
    if (nonNull.length === 1) out['type'] = nonNull[0]!.toUpperCase();
    else if (nonNull.length > 1) out['anyOf'] = nonNull.map((value) => ({ type: value.toUpperCase() }));
    for (const [keyword, value] of Object.entries(schema)) {
      if (copied.has(keyword)) out[keyword] = value;
      else if (!handled.has(keyword)) dropped.push(`${path}/${keyword}`);
    }
    const values = schema['const'] !== undefined ? [schema['const']] : schema['enum'];
    if (Array.isArray(values)) {
      if (values.every((value) => typeof value === 'string')) {
        out['enum'] = values;
        out['type'] ??= 'STRING';
        if (out['format'] === undefined) out['format'] = 'enum';
      } else {
        dropped.push(`${path}/${schema['const'] !== undefined ? 'const' : 'enum'}`);
      }
    }
    if (Array.isArray(schema['examples']) && schema['examples'].length > 0 && out['example'] === undefined) out['example'] = schema['examples'][0];
    const properties = schema['properties'];
    if (typeof properties === 'object' && properties !== null) {
      out['properties'] = Object.fromEntries(Object.entries(properties as Record<string, JsonSchema>).map(([name, value]) => [name, convert(value, `${path}/properties/${name}`, depth + 1)]));
      out['type'] ??= 'OBJECT';
    }
    if (Array.isArray(schema['required'])) out['required'] = schema['required'];
    const items = schema['items'];
    if (typeof items === 'object' && items !== null && !Array.isArray(items)) out['items'] = convert(items as JsonSchema, `${path}/items`, depth + 1);
    else if (items !== undefined) dropped.push(`${path}/items`);
    const alternatives = (schema['anyOf'] ?? schema['oneOf']) as JsonSchema[] | undefined;
    if (Array.isArray(alternatives)) {
      const keyword = schema['anyOf'] !== undefined ? 'anyOf' : 'oneOf';
      const converted = alternatives.map((value, index) => convert(value, `${path}/${keyword}/${index}`, depth + 1));
      // `{ anyOf: [T, { type: 'null' }] }` is how many generators spell a nullable T.
      const nullable = converted.filter((value) => Object.keys(value).length === 1 && value['nullable'] === true);
      const rest = converted.filter((value) => !nullable.includes(value));
      if (nullable.length > 0) out['nullable'] = true;
      if (rest.length === 1) Object.assign(out, rest[0]);
      else if (rest.length > 1) out['anyOf'] = rest;
    }
    return out;
  };

  return { schema: convert(root, '', 0), dropped };
}
