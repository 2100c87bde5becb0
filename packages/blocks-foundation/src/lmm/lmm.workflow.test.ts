import { readFileSync } from 'node:fs';
import { resolveBlockOutputs } from '@flow/engine';
import { lmmV1 } from './lmm-block.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chatBody, imageParts, OPENAI_TEST_KEY, pngInput, startModelHost, textParts, type ModelHost } from '../test-support/model-host.js';

interface BlockRun {
  prompt: string;
  json_output: Record<string, string> | null;
  model_responses: string[];
  outputs: Array<Record<string, unknown>>;
  raises: unknown;
}
const vectors = JSON.parse(readFileSync(new URL('../__fixtures__/model_blocks_prompts_and_requests.json', import.meta.url), 'utf8')) as { lmm_v1: { block_runs: BlockRun[] } };

let host: ModelHost;
beforeAll(async () => {
  host = await startModelHost();
});
afterAll(() => host.close());

const definitionWith = (jsonOutput: Record<string, string> | null, prompt = 'Describe the image') => ({
  version: '1.0',
  inputs: [{ type: 'WorkflowImage', name: 'image' }],
  steps: [{ type: 'LMM', name: 'lmm', image: '$inputs.image', prompt, lmm_type: 'gpt_4v', remote_api_key: 'rf_key:account', ...(jsonOutput ? { json_output: jsonOutput } : {}) }],
  outputs: [{ type: 'JsonField', name: 'lmm', selector: '$steps.lmm.*' }],
});

describe('lmm@v1 against the OpenAI fake', () => {
  it('reads json_output keys as outputs, as the reference block runs do (not_detected rules)', async () => {
    vi.stubEnv('OPENAI_API_KEY', OPENAI_TEST_KEY);
    try {
      const run = vectors.lmm_v1.block_runs.find((candidate) => candidate.json_output !== null)!;
      const keys = Object.keys(run.json_output!);
      const before = host.openai.requests.length;
      host.openai.enqueue(...run.model_responses);
      // One image per answer, sent one at a time so the enqueued answers meet their images in order.
      const results = [];
      for (const _response of run.model_responses) results.push(await host.run(definitionWith(run.json_output), { image: pngInput(168, 192) }));
      results.forEach(({ serialized }, index) => {
        const lmm = serialized[0]!['lmm'] as Record<string, unknown>;
        const expected = run.outputs[index]!;
        expect(lmm['raw_output']).toBe(expected['raw_output']);
        expect(lmm['structured_output']).toEqual(expected['structured_output']);
        for (const key of keys) expect(lmm[key]).toEqual(expected[key]);
        expect(lmm['image']).toEqual({ width: 168, height: 192 });
      });
      const request = host.openai.requests[before]!;
      expect(request.headers['authorization']).toBe(`Bearer ${OPENAI_TEST_KEY}`);
      expect(chatBody(request)).toMatchObject({ model: 'gpt-4o' });
      expect(chatBody(request).max_tokens ?? chatBody(request)['max_completion_tokens']).toBe(450);
      expect(imageParts(request)[0]!.image_url.detail).toBe('auto');
      expect(chatBody(request)['response_format']).toEqual({ type: 'json_object' });
      expect(chatBody(request).temperature).toBeUndefined();
      // The prompt asks for exactly the keys, with their descriptions.
      expect(textParts(request)[0]).toContain('Describe the image');
      expect(textParts(request)[0]).toContain('"count": "number of cats in the picture"');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('without json_output outputs an empty structured_output and sends the prompt as it is', async () => {
    host.openai.enqueue('A cat on a sofa.');
    const before = host.openai.requests.length;
    const definition = { ...definitionWith(null), steps: [{ ...definitionWith(null).steps[0]!, remote_api_key: OPENAI_TEST_KEY }] };
    const { serialized } = await host.run(definition, { image: pngInput(168, 192) });
    expect(serialized[0]!['lmm']).toMatchObject({ raw_output: 'A cat on a sofa.', structured_output: {}, image: { width: 168, height: 192 } });
    expect(textParts(host.openai.requests[before]!)).toEqual(['Describe the image']);
  });

  it('lists json_output keys as outputs of kind * for a step, and a wildcard in describe', () => {
    const values = lmmV1.manifest.parse({ images: '$inputs.image', prompt: 'p', lmm_type: 'gpt_4v', json_output: { count: 'how many', color: 'which colour' } });
    const outputs = resolveBlockOutputs(lmmV1, values);
    expect(Object.keys(outputs)).toEqual(['parent_id', 'root_parent_id', 'image', 'structured_output', 'raw_output', 'count', 'color']);
    expect(outputs['count']!.map((kind) => kind.name)).toEqual(['*']);
    expect(host.engine.compile(definitionWith({ count: 'how many' }))).toBeDefined();
    const described = host.engine.describeBlocks() as unknown as { blocks: Array<{ manifest_type_identifier: string; outputs_manifest: Array<{ name: string }> }> };
    const lmm = described.blocks.find((block) => block.manifest_type_identifier === 'roboflow_core/lmm@v1')!;
    expect(lmm.outputs_manifest.map((output) => output.name)).toContain('*');
  });

  it('rejects a json_output key that clashes with a fixed output', () => {
    expect(() => host.engine.compile(definitionWith({ raw_output: 'x' }))).toThrow(/raw_output/);
  });
});

describe('lmm@v1 checks before any request', () => {
  const selectorTypeWorkflow = {
    version: '1.0',
    inputs: [{ type: 'WorkflowImage', name: 'image' }, { type: 'WorkflowParameter', name: 'lmm_type' }],
    steps: [{ type: 'LMM', name: 'lmm', images: '$inputs.image', prompt: 'p', lmm_type: '$inputs.lmm_type', remote_api_key: OPENAI_TEST_KEY }],
    outputs: [{ type: 'JsonField', name: 'lmm', selector: '$steps.lmm.raw_output' }],
  };

  it('a parameter delivering another lmm_type is refused before the step runs, and nothing is sent', async () => {
    const before = host.openai.requests.length;
    await expect(host.run(selectorTypeWorkflow, { image: pngInput(20, 20), lmm_type: 'cog_vlm' })).rejects.toThrow(/lmm_type.*expected "gpt_4v"/);
    expect(host.openai.requests.length).toBe(before);
  });

  it('a missing key names the step, the field and OPENAI_API_KEY, and sends nothing', async () => {
    vi.stubEnv('OPENAI_API_KEY', '');
    try {
      const before = host.openai.requests.length;
      await expect(host.run(definitionWith(null), { image: pngInput(20, 20) })).rejects.toThrow(/Step `lmm`: `remote_api_key` holds a Roboflow-managed key placeholder and OPENAI_API_KEY is not set/);
      expect(host.openai.requests.length).toBe(before);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('an OpenAI 401 names the step, image, vendor and status, never the key', async () => {
    const wrong = 'sk-wrong-openai-key-987654';
    const definition = { ...definitionWith(null), steps: [{ ...definitionWith(null).steps[0]!, remote_api_key: wrong }] };
    const error = await host.run(definition, { image: pngInput(20, 20) }).then(
      () => undefined,
      (caught: Error) => caught,
    );
    expect(error?.message).toMatch(/Step `lmm`: image 0: the OpenAI request failed \(status 401\)/);
    expect(JSON.stringify({ message: error?.message, cause: String((error as { cause?: unknown }).cause) })).not.toContain(wrong);
  });
});
