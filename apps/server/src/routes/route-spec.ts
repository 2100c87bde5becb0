import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { RequestValidationError } from '../errors/http-errors.js';
import { parseRequestPart } from '../errors/validation-detail.js';
import { exceedsJsonDepth } from '../limits/json-depth.js';

export interface RouteResponseSpec {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
}

/** One endpoint: its path, the zod schemas that validate its request, and what it answers (for OpenAPI). */
export interface RouteSpec<Body extends z.ZodType | undefined = z.ZodType | undefined, Query extends z.ZodType | undefined = z.ZodType | undefined, Params extends z.ZodType | undefined = z.ZodType | undefined> {
  method: 'GET' | 'POST';
  /** Fastify path, `:name` for parameters. */
  url: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  deprecated?: boolean;
  body?: Body;
  /** A fast parse of the body's usual shape, giving what `body` would; undefined sends the body to zod. */
  fastBody?: (value: unknown) => Parsed<Body> | undefined;
  /** A body may be left out entirely (then `body` parses `{}`). */
  bodyOptional?: boolean;
  query?: Query;
  params?: Params;
  responses: Record<number, RouteResponseSpec>;
}

type Parsed<Schema> = Schema extends z.ZodType ? z.output<Schema> : undefined;

export interface RouteInput<Body, Query, Params> {
  body: Body;
  query: Query;
  params: Params;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteRegistry {
  routes: RouteSpec[];
  maxJsonDepth: number;
}

/**
 * Registers a route whose body, query and path parameters are parsed by its zod schemas (422 with a
 * FastAPI-style `detail` on failure); the same spec feeds `/openapi.json`.
 */
export function addRoute<Body extends z.ZodType | undefined, Query extends z.ZodType | undefined, Params extends z.ZodType | undefined>(
  app: FastifyInstance,
  registry: RouteRegistry,
  spec: RouteSpec<Body, Query, Params>,
  handler: (input: RouteInput<Parsed<Body>, Parsed<Query>, Parsed<Params>>) => Promise<unknown>,
): void {
  registry.routes.push(spec as RouteSpec);
  app.route({
    method: spec.method,
    url: spec.url,
    handler: async (request, reply) => {
      let rawBody = request.body;
      if (spec.body && (rawBody === undefined || rawBody === null || rawBody === '') && spec.bodyOptional) rawBody = {};
      if (spec.body && exceedsJsonDepth(rawBody, registry.maxJsonDepth)) {
        throw new RequestValidationError([{ type: 'json_too_deep', loc: ['body'], msg: `The body nests arrays and objects more than ${registry.maxJsonDepth} levels deep.` }]);
      }
      const body = spec.body ? (spec.fastBody?.(rawBody) ?? parseRequestPart(spec.body, rawBody, 'body')) : undefined;
      const query = spec.query ? parseRequestPart(spec.query, request.query ?? {}, 'query') : undefined;
      const params = spec.params ? parseRequestPart(spec.params, request.params ?? {}, 'path') : undefined;
      return handler({ body, query, params, request, reply } as RouteInput<Parsed<Body>, Parsed<Query>, Parsed<Params>>);
    },
  });
}
