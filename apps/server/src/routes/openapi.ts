import { z } from 'zod';
import type { RouteSpec } from './route-spec.js';

type JsonSchema = Record<string, unknown>;

/**
 * Turns a zod schema into an OpenAPI 3.1 schema object; named sub-schemas (`.meta({ id })`) move to
 * `components.schemas` and are referenced from there.
 */
function toOpenApiSchema(schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>): JsonSchema {
  const generated = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete generated.$schema;
  const definitions = (generated.$defs ?? {}) as Record<string, JsonSchema>;
  delete generated.$defs;
  const relink = (value: JsonSchema): JsonSchema => JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
  for (const [name, definition] of Object.entries(definitions)) components[name] = relink(definition);
  return relink(generated);
}

function pathParameters(spec: RouteSpec, components: Record<string, JsonSchema>): JsonSchema[] {
  const parameters: JsonSchema[] = [];
  const add = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
    if (!schema) return;
    const json = toOpenApiSchema(schema, 'input', components);
    const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((json.required ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      parameters.push({ name, in: where, required: where === 'path' || required.has(name), schema: property, ...(property.description ? { description: property.description } : {}) });
    }
  };
  add(spec.params, 'path');
  add(spec.query, 'query');
  return parameters;
}

/** The OpenAPI document of the registered routes, built from the same zod schemas that validate requests. */
export function buildOpenApiDocument(routes: readonly RouteSpec[], info: { title: string; version: string; description: string }): JsonSchema {
  const components: Record<string, JsonSchema> = {};
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const spec of routes) {
    const path = spec.url.replace(/:([A-Za-z_]+)/g, '{$1}');
    const responses: Record<string, JsonSchema> = {};
    for (const [status, response] of Object.entries(spec.responses)) {
      responses[status] = {
        description: response.description,
        ...(response.schema ? { content: { [response.contentType ?? 'application/json']: { schema: toOpenApiSchema(response.schema, 'output', components) } } } : {}),
      };
    }
    const parameters = pathParameters(spec, components);
    (paths[path] ??= {})[spec.method.toLowerCase()] = {
      operationId: spec.operationId,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: spec.tags,
      ...(spec.deprecated ? { deprecated: true } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(spec.body ? { requestBody: { required: !spec.bodyOptional, content: { 'application/json': { schema: toOpenApiSchema(spec.body, 'input', components) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      schemas: components,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Optional API key; overrides the body `api_key`.' } },
    },
  };
}
