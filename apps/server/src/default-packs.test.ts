import { fileURLToPath } from 'node:url';
import { makePng } from '@flow/testing';
import { expect, it } from 'vitest';
import { createServer } from './create-server.js';
import { detectorWorkflow, geminiDetectionsAnswer } from './test-support/detector-workflow.js';

it('serves the first-party formatter blocks by default, without any API key', async () => {
  const app = await createServer({ env: {}, logDestination: false, config: { collectDefaultMetrics: false } });
  const image = makePng(168, 192).toString('base64');
  const response = await app.inject({ method: 'POST', url: '/workflows/run', payload: { specification: detectorWorkflow, inputs: { image: { type: 'base64', value: image }, vlm_output: geminiDetectionsAnswer } } });
  await app.close();
  expect(response.statusCode).toBe(200);
  const [result] = response.json().outputs;
  expect(result.error_status).toBe(false);
  expect(result.predictions.image).toEqual({ width: 168, height: 192 });
  expect(result.predictions.predictions.map((prediction: { class: string; class_id: number }) => [prediction.class, prediction.class_id])).toEqual([
    ['cat', 0],
    ['dog', 1],
    ['cat', 0],
    ['dog', 1],
    ['cat', 0],
    ['unknown', -1],
  ]);
});

it('adds the packs named by FLOW_PLUGINS, next to the defaults', async () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const app = await createServer({ env: { FLOW_PLUGINS: './examples/flow-blocks-text' }, cwd: root, logDestination: false, config: { collectDefaultMetrics: false } });
  const response = await app.inject({
    method: 'POST',
    url: '/workflows/run',
    payload: {
      specification: {
        version: '1.0',
        inputs: [{ type: 'WorkflowParameter', name: 'answer', kind: ['language_model_output'] }],
        steps: [{ type: 'acme/word_count@v1', name: 'words', text: '$inputs.answer' }],
        outputs: [{ type: 'JsonField', name: 'words', selector: '$steps.words.count' }],
      },
      inputs: { answer: 'two dogs on a sofa' },
    },
  });
  const described = (await app.inject({ url: '/workflows/blocks/describe' })).json() as { blocks: Array<{ manifest_type_identifier: string }> };
  await app.close();
  expect(response.json().outputs).toEqual([{ words: 5 }]);
  expect(described.blocks.map((block) => block.manifest_type_identifier)).toEqual(expect.arrayContaining(['acme/word_count@v1', 'roboflow_core/vlm_as_detector@v2']));
});

it('refuses to start with a pack that cannot be loaded, naming it', async () => {
  await expect(createServer({ env: { FLOW_PLUGINS: './no-such-pack' }, logDestination: false })).rejects.toThrow(/Could not load block pack "\.\/no-such-pack"/);
});
