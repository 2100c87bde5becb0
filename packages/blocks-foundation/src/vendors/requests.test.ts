import { describe, expect, it } from 'vitest';
import { recordingRegistry } from './test-support/recording-registry.js';
import { engineWith, oneStepWorkflow, pngImage } from './test-support/workflows.js';
import type { VlmTaskType } from '../common/vlm-tasks.js';

const engine = engineWith();

const taskProperties: Record<VlmTaskType, Record<string, unknown>> = {
  unconstrained: { prompt: 'What is here?' },
  ocr: {},
  'structured-answering': { output_structure: { count: 'how many cats' } },
  classification: { classes: ['cat', 'dog'] },
  'multi-label-classification': { classes: ['cat', 'dog'] },
  'visual-question-answering': { prompt: 'Is it a cat?' },
  caption: {},
  'detailed-caption': {},
  'object-detection': { classes: ['cat', 'dog'] },
};

async function runOnce(type: string, properties: Record<string, unknown>, answer = '{"class_name": "cat", "confidence": 0.9}', size: [number, number] = [64, 48]) {
  const { registry, calls } = recordingRegistry(() => ({ text: answer }));
  const workflow = engine.compile(oneStepWorkflow(type, { api_key: 'sk-test', ...properties }));
  const outputs = await workflow.run({ image: pngImage(...size) }, { services: { providers: registry } });
  return { calls, serialized: workflow.serialize(outputs) };
}

const blocks: Array<{ type: string; provider: string; tasks: VlmTaskType[]; imageFirst: boolean; schemas: boolean }> = [
  ...[2, 3].map((v) => ({ type: `roboflow_core/open_ai@v${v}`, provider: 'openai', tasks: Object.keys(taskProperties).filter((t) => t !== 'object-detection') as VlmTaskType[], imageFirst: false, schemas: true })),
  ...[4].map((v) => ({ type: `roboflow_core/open_ai@v${v}`, provider: 'openai', tasks: Object.keys(taskProperties) as VlmTaskType[], imageFirst: false, schemas: true })),
  ...[1, 2, 3].map((v) => ({ type: `roboflow_core/anthropic_claude@v${v}`, provider: 'anthropic', tasks: Object.keys(taskProperties) as VlmTaskType[], imageFirst: true, schemas: true })),
  ...[1, 2, 3, 4].map((v) => ({ type: `roboflow_core/google_gemini@v${v}`, provider: 'gemini', tasks: Object.keys(taskProperties) as VlmTaskType[], imageFirst: true, schemas: true })),
];

const STRUCTURED: ReadonlySet<VlmTaskType> = new Set(['classification', 'multi-label-classification', 'structured-answering', 'object-detection']);

describe('every task of every task-type version builds one request per image', () => {
  for (const block of blocks) {
    for (const task of block.tasks) {
      it(`${block.type} ${task}`, async () => {
        const { calls, serialized } = await runOnce(block.type, { task_type: task, ...taskProperties[task] });
        expect(calls).toHaveLength(1);
        const [call] = calls;
        expect(call!.provider).toBe(block.provider);
        expect(call!.settings).toEqual({ apiKey: 'sk-test' });
        const kinds = call!.options.content.map((part) => part.type);
        expect(kinds).toContain('image');
        const image = call!.options.content.find((part) => part.type === 'image')!;
        expect(image.type === 'image' && image.data.byteLength).toBeGreaterThan(0);
        if (kinds.length === 2) expect(kinds[0]).toBe(block.imageFirst ? 'image' : 'text');
        if (STRUCTURED.has(task)) {
          expect(call!.options.responseFormat).toMatchObject({ type: 'json', schema: expect.any(Object) });
        } else {
          expect(call!.options.responseFormat).toBeUndefined();
        }
        if (task === 'unconstrained') expect(call!.options.system).toBeUndefined();
        else expect(call!.options.system ?? call!.options.content.find((part) => part.type === 'text')).toBeTruthy();
        expect(serialized[0]!['output']).toBe('{"class_name": "cat", "confidence": 0.9}');
        expect(serialized[0]!['classes']).toEqual((taskProperties[task]['classes'] as string[] | undefined) ?? null);
      });
    }
  }
});
