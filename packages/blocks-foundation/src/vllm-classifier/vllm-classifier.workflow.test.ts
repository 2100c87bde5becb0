import { createEngine } from '@flow/engine';
import { createPoolingClient } from '@flow/pooling-client';
import { startFakeVllm, type FakeVllm } from '@flow/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { foundationPack } from '../pack.js';
import { pngInput } from '../test-support/model-host.js';

const VLLM_KEY = 'vllm-test-key-0123';
let vllm: FakeVllm;
beforeAll(async () => {
  vllm = await startFakeVllm({ labels: ['Default', 'Spoiled', 'Fresh'], apiKey: VLLM_KEY });
});
afterAll(() => vllm.close());

const engine = createEngine({ packs: [foundationPack] });

function definition(step: Record<string, unknown>, inputs: unknown[] = [{ type: 'WorkflowImage', name: 'image' }]) {
  return {
    version: '1.0',
    inputs,
    steps: [{ type: 'flow/vllm_classifier@v1', name: 'classifier', base_url: vllm.url, api_key: VLLM_KEY, ...step }],
    outputs: [{ type: 'JsonField', name: 'predictions', selector: '$steps.classifier.predictions' }],
  };
}

async function run(def: unknown, inputs: Record<string, unknown>) {
  const usage: unknown[] = [];
  const workflow = engine.compile(def);
  const serialized = workflow.serialize(await workflow.run(inputs, { onUsage: (record) => usage.push(record) })) as Array<{ predictions: Record<string, unknown> }>;
  return { serialized, usage };
}

type Single = { predictions: Array<{ class: string; class_id: number; confidence: number }>; top: string; confidence: number; prediction_type: string; image: unknown; parent_id: unknown; inference_id: string };

describe('flow/vllm_classifier@v1 against the vLLM fake', () => {
  it('images: one chat-style /classify request per image, with the prompt; reference single-label shape', async () => {
    const before = vllm.requests.length;
    const { serialized, usage } = await run(definition({ images: '$inputs.image', prompt: 'Is the fruit spoiled?', classes: ['fine', 'spoiled', 'fresh'] }), {
      image: [pngInput(30, 20), pngInput(40, 20)],
    });
    const requests = vllm.requests.slice(before);
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      expect(request.path).toBe('/classify');
      expect(request.headers['authorization']).toBe(`Bearer ${VLLM_KEY}`);
      const body = request.json as { messages: Array<{ role: string; content: Array<{ type: string; text?: string; image_url?: { url: string } }> }> };
      expect(body.messages).toHaveLength(1);
      expect(body.messages[0]!.content.map((part) => part.type)).toEqual(['text', 'image_url']);
      expect(body.messages[0]!.content[0]!.text).toBe('Is the fruit spoiled?');
      expect(body.messages[0]!.content[1]!.image_url!.url).toMatch(/^data:image\/png;base64,/);
    }
    // The same request sent directly gives the probabilities the block must have ranked.
    const direct = await createPoolingClient({ baseURL: vllm.url, apiKey: VLLM_KEY }).classify(requests[0]!.json as never);
    const probs = direct.data[0]!.probs;
    const first = serialized[0]!.predictions as unknown as Single;
    const names = ['fine', 'spoiled', 'fresh'];
    const ranked = probs.map((confidence, index) => ({ class: names[index]!, class_id: index, confidence })).sort((a, b) => b.confidence - a.confidence);
    expect(first.predictions).toEqual(ranked);
    expect(first.top).toBe(ranked[0]!.class);
    expect(first.confidence).toBe(ranked[0]!.confidence);
    expect(first).toMatchObject({ prediction_type: 'classification', image: { width: 30, height: 20 } });
    expect(typeof first.parent_id).toBe('string');
    expect(first.inference_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(usage).toHaveLength(2);
  });

  it('text batch: one completion-style request listing every prompt, one output per element; names from vLLM', async () => {
    const before = vllm.requests.length;
    const texts = ['the apple is brown and soft', 'crisp green apple', 'mouldy bread'];
    const { serialized } = await run(definition({ prompt: '$inputs.texts' }, [{ type: 'WorkflowBatchInput', name: 'texts', kind: ['string'] }]), { texts });
    const requests = vllm.requests.slice(before);
    expect(requests).toHaveLength(1);
    expect((requests[0]!.json as { input: string[] }).input).toEqual(texts);
    expect(serialized).toHaveLength(3);
    const direct = await createPoolingClient({ baseURL: vllm.url, apiKey: VLLM_KEY }).classify({ input: texts });
    serialized.forEach((record, index) => {
      const prediction = record.predictions as unknown as Single;
      const result = direct.data[index]!;
      expect(prediction.top).toBe(result.label);
      expect(Math.max(...result.probs)).toBe(prediction.confidence);
      // Without `classes`, only the top class has vLLM's name; the others are class_<i>.
      for (const entry of prediction.predictions.slice(1)) expect(entry.class).toBe(`class_${entry.class_id}`);
      expect(prediction.image).toEqual({ width: 0, height: 0 });
    });
  });

  it('a literal text gives one prediction; multi_label uses the threshold', async () => {
    const { serialized } = await run(definition({ prompt: 'mouldy bread', multi_label: true, confidence_threshold: 0.2, classes: ['a', 'b', 'c'] }, []), {});
    const prediction = serialized[0]!.predictions as { predictions: Record<string, { class_id: number; confidence: number }>; predicted_classes: string[]; prediction_type: string };
    expect(Object.keys(prediction.predictions)).toEqual(['a', 'b', 'c']);
    expect(prediction.predicted_classes).toEqual(Object.entries(prediction.predictions).filter(([, value]) => value.confidence >= 0.2).map(([name]) => name));
    expect(prediction.prediction_type).toBe('classification');
  });

  it('compile error when neither images nor prompt is set', () => {
    expect(() => engine.compile(definition({}, []))).toThrow('`images` or `prompt` (or both) must be set');
  });

  it('a missing base URL is a clear error naming the variable; a vLLM error names the status', async () => {
    vi.stubEnv('VLLM_BASE_URL', '');
    try {
      await expect(run(definition({ prompt: 'x', base_url: undefined }, []), {})).rejects.toThrow(/VLLM_BASE_URL/);
    } finally {
      vi.unstubAllEnvs();
    }
    await expect(run(definition({ images: '$inputs.image', api_key: 'wrong' }), { image: pngInput(30, 20) })).resolves.toBeDefined();
    vllm.setFault({ kind: 'error', status: 400, message: 'bad request', times: 1, path: '/classify' });
    await expect(run(definition({ images: '$inputs.image' }), { image: pngInput(30, 20) })).rejects.toThrow(/image 0: the vLLM request failed \(status 400\)/);
  });
});
