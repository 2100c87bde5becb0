import type { z } from 'zod';
import type { predefinedWorkflowRunSchema, workflowSpecificationRunSchema } from './request-schemas.js';

// The run bodies' zod parse is a few per cent of the server's CPU per request. Nearly every body has the
// usual shape, which a few typeof checks confirm; those get zod's exact output (defaults filled in,
// unknown keys kept) without zod. Anything else returns undefined and goes to zod, which also words the 422.

type FieldCheck = (value: unknown) => boolean;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalString: FieldCheck = (value) => value === undefined || value === null || typeof value === 'string';
const optionalBoolean: FieldCheck = (value) => value === undefined || typeof value === 'boolean';
const optionalStrings: FieldCheck = (value) => value === undefined || value === null || (Array.isArray(value) && value.every((item) => typeof item === 'string'));

const baseChecks: Record<string, FieldCheck> = {
  api_key: optionalString,
  inputs: isRecord,
  excluded_fields: optionalStrings,
  enable_profiling: optionalBoolean,
  debug: optionalBoolean,
  workflow_id: optionalString,
  disable_sinks: optionalBoolean,
};
const baseDefaults = { enable_profiling: false, debug: false, disable_sinks: false };

function fastParser<Output>(checks: Record<string, FieldCheck>, defaults: Record<string, boolean>): (body: unknown) => Output | undefined {
  const entries = Object.entries(checks);
  const defaultEntries = Object.entries(defaults);
  return (body) => {
    if (!isRecord(body)) return undefined;
    for (const [name, check] of entries) if (!check(body[name])) return undefined;
    const parsed: Record<string, unknown> = { ...body };
    for (const [name, value] of defaultEntries) if (parsed[name] === undefined) parsed[name] = value;
    // zod's record schema gives a copy; so does this (a block cannot mutate the request's own object).
    parsed.inputs = { ...(body.inputs as Record<string, unknown>) };
    if (body.specification !== undefined) parsed.specification = { ...(body.specification as Record<string, unknown>) };
    return parsed as Output;
  };
}

/** `POST /workflows/run` bodies of the usual shape, parsed as `workflowSpecificationRunSchema` would. */
export const fastParseSpecificationRun = fastParser<z.output<typeof workflowSpecificationRunSchema>>(
  { ...baseChecks, specification: isRecord, is_preview: optionalBoolean },
  { ...baseDefaults, is_preview: false },
);

/** Saved-workflow run bodies of the usual shape, parsed as `predefinedWorkflowRunSchema` would. */
export const fastParsePredefinedRun = fastParser<z.output<typeof predefinedWorkflowRunSchema>>(
  { ...baseChecks, use_cache: optionalBoolean, workflow_version_id: optionalString },
  { ...baseDefaults, use_cache: true },
);
