import { describe, expect, it } from 'vitest';
import { fastParsePredefinedRun, fastParseSpecificationRun } from './fast-run-body.js';
import { predefinedWorkflowRunSchema, workflowSpecificationRunSchema } from './request-schemas.js';

const specification = { version: '1.0', inputs: [], steps: [], outputs: [] };
const usual = [
  { specification, inputs: {} },
  { specification, inputs: { image: { type: 'base64', value: 'AA==' } }, api_key: 'k', excluded_fields: ['a'], enable_profiling: true, workflow_id: 'w', extra: 1 },
  { specification, inputs: { a: 1 }, api_key: null, excluded_fields: null, workflow_id: null, debug: false, disable_sinks: true, is_preview: true },
];
const unusual: unknown[] = [
  null,
  [],
  'text',
  { inputs: {} },
  { specification: [], inputs: {} },
  { specification, inputs: [] },
  { specification, inputs: {}, api_key: 5 },
  { specification, inputs: {}, excluded_fields: ['a', 2] },
  { specification, inputs: {}, enable_profiling: 'yes' },
  { specification, inputs: {}, is_preview: null },
];

describe('fast run-body parse', () => {
  it('gives exactly what zod gives for the usual shapes', () => {
    for (const body of usual) expect(fastParseSpecificationRun(body)).toEqual(workflowSpecificationRunSchema.parse(body));
    const saved = { inputs: { a: 1 }, use_cache: false, workflow_version_id: 'v1' };
    expect(fastParsePredefinedRun(saved)).toEqual(predefinedWorkflowRunSchema.parse(saved));
    expect(fastParsePredefinedRun({ inputs: {} })).toEqual(predefinedWorkflowRunSchema.parse({ inputs: {} }));
  });

  it('leaves every other body to zod (which then words the 422)', () => {
    for (const body of unusual) expect(fastParseSpecificationRun(body)).toBeUndefined();
    expect(fastParsePredefinedRun({ inputs: {}, use_cache: 'no' })).toBeUndefined();
  });

  it('copies inputs and specification as zod does, so the request object is not shared', () => {
    const body = { specification, inputs: { a: 1 } };
    const parsed = fastParseSpecificationRun(body)!;
    expect(parsed.inputs).not.toBe(body.inputs);
    expect(parsed.specification).not.toBe(body.specification);
  });
});
