import type { FastifyInstance } from 'fastify';

/**
 * CORS for browser clients such as a workflow editor served from another origin. Off unless origins are
 * configured (`FLOW_CORS_ORIGINS=https://editor.example,https://other.example` or `*`). Credentials are
 * never allowed: keys travel in the body or the Authorization header, which the preflight lists.
 */
export function registerCors(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  if (allowedOrigins.length === 0) return;
  const anyOrigin = allowedOrigins.includes('*');
  const allowed = (origin: string | undefined): origin is string => origin !== undefined && (anyOrigin || allowedOrigins.includes(origin));

  app.addHook('onSend', async (request, reply, payload) => {
    const origin = request.headers.origin;
    if (allowed(origin)) {
      reply.header('access-control-allow-origin', anyOrigin ? '*' : origin);
      reply.header('access-control-expose-headers', 'X-Request-ID, X-Processing-Time, X-Workflow-Id, Retry-After');
      if (!anyOrigin) reply.header('vary', appendVary(reply.getHeader('vary'), 'Origin'));
    }
    return payload;
  });

  // Preflight for every path; the route answers 204 whether or not the origin is allowed, but only an
  // allowed origin gets the Access-Control-Allow-* headers, so the browser refuses the others.
  app.options('*', async (request, reply) => {
    if (allowed(request.headers.origin)) {
      reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
      reply.header('access-control-allow-headers', request.headers['access-control-request-headers'] ?? 'Content-Type, Authorization, X-Request-ID');
      reply.header('access-control-max-age', '600');
    }
    return reply.code(204).send();
  });
}

function appendVary(current: unknown, value: string): string {
  const existing = typeof current === 'string' && current.length > 0 ? current.split(',').map((part) => part.trim()) : [];
  return existing.includes(value) ? existing.join(', ') : [...existing, value].join(', ');
}
