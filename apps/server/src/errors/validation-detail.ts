import type { z } from 'zod';
import { RequestValidationError, type ValidationDetail } from './http-errors.js';

const pydanticTypes: Record<string, [type: string, message: string]> = {
  object: ['dict_type', 'Input should be a valid dictionary'],
  record: ['dict_type', 'Input should be a valid dictionary'],
  array: ['list_type', 'Input should be a valid list'],
  string: ['string_type', 'Input should be a valid string'],
  boolean: ['bool_type', 'Input should be a valid boolean'],
  number: ['float_type', 'Input should be a valid number'],
  int: ['int_type', 'Input should be a valid integer'],
};

/**
 * FastAPI/pydantic-style `detail` items for zod issues (`loc` starts with "body", "query" or "path").
 * The offending input is not echoed back: it may be huge or hold a key.
 */
export function toValidationDetail(issues: readonly z.core.$ZodIssue[], location: 'body' | 'query' | 'path'): ValidationDetail[] {
  return issues.map((issue) => {
    const loc = [location, ...issue.path.map((part) => (typeof part === 'number' ? part : String(part)))];
    if (issue.code === 'invalid_type') {
      if (!('input' in issue) || issue.input === undefined) return { type: 'missing', loc, msg: 'Field required' };
      const known = pydanticTypes[issue.expected];
      if (known) return { type: known[0], loc, msg: known[1] };
    }
    return { type: issue.code, loc, msg: issue.message };
  });
}

/** Parses `value` with `schema` or throws a `RequestValidationError` (422). */
export function parseRequestPart<Schema extends z.ZodType>(schema: Schema, value: unknown, location: 'body' | 'query' | 'path'): z.output<Schema> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw new RequestValidationError(toValidationDetail(result.error.issues, location));
}
