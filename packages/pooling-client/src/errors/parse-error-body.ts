export interface ParsedErrorBody {
  message: string;
  type: string;
  param: string | null;
  /** Which of vLLM's error shapes the body had. */
  shape: 'current' | 'legacy' | 'string' | 'detail' | 'unknown';
}

/**
 * Reads an error body in whichever shape the server used, in this order: the current `{error: {...}}` envelope,
 * the legacy flat `{object: "error", ...}`, a plain-string `{error: "..."}` (auth and scaling middleware),
 * FastAPI's `{detail}`, and finally the status line plus the start of whatever else arrived.
 */
export function parseErrorBody(status: number, statusText: string, bodyText: string): ParsedErrorBody {
  const reason = statusText || `HTTP ${status}`;
  const body = parseJsonObject(bodyText);
  if (body) {
    const error = body['error'];
    if (isRecord(error)) {
      return { message: asString(error['message']) ?? reason, type: asString(error['type']) ?? reason, param: asString(error['param']) ?? null, shape: 'current' };
    }
    if (body['object'] === 'error') {
      return { message: asString(body['message']) ?? reason, type: asString(body['type']) ?? reason, param: asString(body['param']) ?? null, shape: 'legacy' };
    }
    if (typeof error === 'string') return { message: error, type: reason, param: null, shape: 'string' };
    if (body['detail'] !== undefined) return { message: detailMessage(body['detail']) ?? reason, type: reason, param: null, shape: 'detail' };
  }
  const snippet = bodyText.trim().slice(0, 200);
  return { message: snippet ? `${reason}: ${snippet}` : reason, type: reason, param: null, shape: 'unknown' };
}

/** FastAPI sends a string, or for validation errors a list of `{loc, msg}`. */
function detailMessage(detail: unknown): string | undefined {
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail)) {
    return detail
      .map((item) => (isRecord(item) ? [Array.isArray(item['loc']) ? item['loc'].join('.') : undefined, asString(item['msg'])].filter(Boolean).join(': ') : String(item)))
      .join('; ');
  }
  return undefined;
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
