import type { z } from 'zod';
import type { predefinedWorkflowRunSchema, workflowSpecificationRunSchema } from './request-schemas.js';

// The run bodies' zod parse is a few per cent of the server's CPU per request. Nearly every body has the
// usual shape, which a few typeof checks confirm; those get zod's exact output (defaults filled in,
// unknown keys kept) without zod. Anything else returns undefined and goes to zod, which also words the 422.

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalString = (value: unknown) => value === undefined || value === null || typeof value === 'string';
const optionalBoolean = (value: unknown) => value === undefined || typeof value === 'boolean';
function optionalStrings(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (!Array.isArray(value)) return false;
  for (const item of value) if (typeof item !== 'string') return false;
  return true;
}

/** The fields every run body shares, as zod would check them (straight-line code: a table of checks cost ~10 µs). */
function hasUsualBase(body: Record<string, unknown>): boolean {
  return (
    isRecord(body.inputs) &&
    optionalString(body.api_key) &&
    optionalStrings(body.excluded_fields) &&
    optionalBoolean(body.enable_profiling) &&
    optionalBoolean(body.debug) &&
    optionalString(body.workflow_id) &&
    optionalBoolean(body.disable_sinks)
  );
}

/**
 * zod's output for a usual body: unknown keys kept, defaults filled in, `inputs` copied (a block cannot
 * mutate the request's own object). Object.assign then plain sets: a spread literal with extra keys costs
 * V8 ~3.7 µs here (a fresh dictionary object each time), this ~0.05 µs.
 */
function withBaseDefaults(body: Record<string, unknown>): Record<string, unknown> {
  const parsed: Record<string, unknown> = Object.assign({}, body);
  parsed.inputs = Object.assign({}, body.inputs);
  parsed.enable_profiling = body.enable_profiling ?? false;
  parsed.debug = body.debug ?? false;
  parsed.disable_sinks = body.disable_sinks ?? false;
  return parsed;
}

/** `POST /workflows/run` bodies of the usual shape, parsed as `workflowSpecificationRunSchema` would. */
export function fastParseSpecificationRun(body: unknown): z.output<typeof workflowSpecificationRunSchema> | undefined {
  if (!isRecord(body) || !isRecord(body.specification) || !hasUsualBase(body) || !optionalBoolean(body.is_preview)) return undefined;
  const parsed = withBaseDefaults(body);
  parsed.specification = Object.assign({}, body.specification);
  parsed.is_preview = body.is_preview ?? false;
  return parsed as z.output<typeof workflowSpecificationRunSchema>;
}

/** Saved-workflow run bodies of the usual shape, parsed as `predefinedWorkflowRunSchema` would. */
export function fastParsePredefinedRun(body: unknown): z.output<typeof predefinedWorkflowRunSchema> | undefined {
  if (!isRecord(body) || !hasUsualBase(body) || !optionalBoolean(body.use_cache) || !optionalString(body.workflow_version_id)) return undefined;
  const parsed = withBaseDefaults(body);
  parsed.use_cache = body.use_cache ?? true;
  return parsed as z.output<typeof predefinedWorkflowRunSchema>;
}
