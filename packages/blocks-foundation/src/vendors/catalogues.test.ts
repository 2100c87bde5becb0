import { describe, expect, it } from 'vitest';
import { CLAUDE_MODELS, claudeMaxOutputTokens, claudeModelId, claudeModelMetadata } from './anthropic/catalogue.js';
import { buildTaskPrompt } from '../common/task-prompts.js';
import { scaleToMaxEdge } from './common/scale-to-max-edge.js';
import { GEMINI_MODEL_VERSIONS, geminiSupportsCodeExecution, geminiSupportsThinkingLevel, resolveGeminiModel } from './gemini/catalogue.js';
import { findOpenAIModel, OPENAI_MODEL_VERSIONS, openAIDetectionFormat } from './openai/catalogue.js';
import { reasoningEffortProblem } from './openai/openai-block.js';
import { recordingRegistry } from './test-support/recording-registry.js';
import { engineWith, oneStepWorkflow, pngImage } from './test-support/workflows.js';

// The reference's unit tests of the model catalogues and request helpers (test_anthropic_claude.py,
// test_google_gemini.py, test_openai_v4.py, test_openai_v5.py), restated against our data.
describe('Claude catalogue', () => {
  it('maps each label to its output ceiling, 64000 for unknown models', () => {
    expect(claudeMaxOutputTokens('claude-fable-5')).toBe(128000);
    expect(claudeMaxOutputTokens('claude-opus-4-6')).toBe(128000);
    expect(claudeMaxOutputTokens('claude-sonnet-4-5')).toBe(64000);
    expect(claudeMaxOutputTokens('claude-opus-4-1')).toBe(32000);
    expect(claudeMaxOutputTokens('claude-opus-4')).toBe(32000);
    expect(claudeMaxOutputTokens('claude-unknown')).toBe(64000);
  });
  it('maps labels to exact ids and passes unknown ones through', () => {
    expect(claudeModelId('claude-sonnet-4-5')).toBe('claude-sonnet-4-5-20250929');
    expect(claudeModelId('claude-haiku-4-5')).toBe('claude-haiku-4-5-20251001');
    expect(claudeModelId('claude-opus-4-5')).toBe('claude-opus-4-5-20251101');
    expect(claudeModelId('claude-fable-5')).toBe('claude-fable-5');
    expect(claudeModelId('claude-custom-model')).toBe('claude-custom-model');
  });
  it('labels Claude Fable 5 for editors', () => {
    expect(claudeModelMetadata()['claude-fable-5']).toEqual({ name: 'Claude Fable 5' });
    expect(CLAUDE_MODELS[0]!.id).toBe('claude-fable-5');
  });
});

describe('Gemini catalogue', () => {
  it('offers the current Google models from v3 on, and only those', () => {
    expect(GEMINI_MODEL_VERSIONS[3]).toEqual([
      'gemini-3.7-flash', 'gemini-3.6-flash', 'gemini-3.5-flash', 'gemini-3.5-flash-lite', 'gemini-3.1-pro-preview',
      'gemini-3.1-flash-lite', 'gemini-3-flash-preview', 'gemini-2.5-pro', 'gemini-2.5-flash', 'gemini-2.5-flash-lite',
    ]);
    expect(GEMINI_MODEL_VERSIONS[4]).toEqual(GEMINI_MODEL_VERSIONS[3]);
  });
  it('rewrites retired preview names', () => {
    expect(resolveGeminiModel('gemini-2.5-pro-preview-05-06')).toBe('gemini-2.5-pro');
    expect(resolveGeminiModel('gemini-2.5-flash')).toBe('gemini-2.5-flash');
  });
  it('knows which models take a thinking level and can run code', () => {
    expect(geminiSupportsThinkingLevel('gemini-3.1-pro-preview')).toBe(true);
    expect(geminiSupportsThinkingLevel('gemini-2.5-pro')).toBe(false);
    expect(geminiSupportsThinkingLevel('gemini-unknown')).toBe(false);
    expect(geminiSupportsCodeExecution('gemini-3-flash-preview')).toBe(true);
    expect(geminiSupportsCodeExecution('gemini-2.5-flash')).toBe(false);
  });
});

describe('OpenAI catalogue', () => {
  it('v4 and v5 offer the whole catalogue; older versions their own lists', () => {
    expect(OPENAI_MODEL_VERSIONS[5]).toContain('gpt-5.6-sol');
    expect(OPENAI_MODEL_VERSIONS[3]).toContain('o4-mini');
    expect(OPENAI_MODEL_VERSIONS[2]).not.toContain('o3');
  });
  it('reasoning efforts are per model', () => {
    expect(findOpenAIModel('gpt-5.1')!.reasoningEfforts).toEqual(['none', 'low', 'medium', 'high']);
    expect(reasoningEffortProblem('gpt-5.1', 'low')).toBeUndefined();
    expect(reasoningEffortProblem('gpt-5.1', 'minimal')).toBe('Model gpt-5.1 does not support reasoning effort "minimal"');
    expect(reasoningEffortProblem('gpt-5', 'none')).toBe('Model gpt-5 does not support reasoning effort "none"');
    expect(reasoningEffortProblem('gpt-4o', 'high')).toBeUndefined();
  });
  it('v5 picks the detection shape per model, structured-absolute for unknown ones', () => {
    expect(openAIDetectionFormat('gpt-5.6-luna')).toBe('absolute-object');
    expect(openAIDetectionFormat('gpt-5.2')).toBe('absolute-object');
    expect(openAIDetectionFormat('gpt-5.4-nano')).toBe('absolute-list');
    expect(openAIDetectionFormat('gpt-4o-mini')).toBe('absolute-list');
    expect(openAIDetectionFormat('gpt-5.1')).toBe('normalized');
    expect(openAIDetectionFormat('gpt-5-nano')).toBe('normalized');
    expect(openAIDetectionFormat('gpt-7')).toBe('absolute-object');
  });
  it('the upload size keeps the aspect ratio with Python rounding, never upscaling', () => {
    expect(scaleToMaxEdge(4096, 1025, 2048)).toEqual({ width: 2048, height: 512 });
    expect(scaleToMaxEdge(1025, 4096, 2048)).toEqual({ width: 512, height: 2048 });
    expect(scaleToMaxEdge(2048, 1000, 2048)).toEqual({ width: 2048, height: 1000 });
    expect(scaleToMaxEdge(100000, 10, 2048)).toEqual({ width: 2048, height: 1 });
  });
});

describe('prompts', () => {
  it('absolute-pixel prompts name the uploaded size and every class; the normalized one lists classes for the user turn', () => {
    const absolute = buildTaskPrompt({ task: 'object-detection', classes: ['a', 'b', 'c'], detectionFormat: 'absolute-object', uploadSize: { width: 640, height: 480 } });
    expect(absolute.system).toBeUndefined();
    expect(absolute.text).toContain('640x480');
    expect(absolute.text).toContain('a, b, c');
    const normalized = buildTaskPrompt({ task: 'object-detection', classes: ['a', 'b'], detectionFormat: 'normalized' });
    expect(normalized.text).toBe('Classes: a, b');
    expect(normalized.system).toContain('"detections"');
  });
  it('an empty class list gives a schema without an empty enum', () => {
    const prompt = buildTaskPrompt({ task: 'classification', classes: [] });
    expect((prompt.schema as any).properties.class_name).toEqual({ type: 'string' });
  });
});

describe('run-time checks of values that came from selectors', () => {
  const engine = engineWith();
  it('a reasoning effort the model refuses fails the step with the reference message', async () => {
    const definition = {
      ...oneStepWorkflow('roboflow_core/open_ai@v4', { prompt: 'x', api_key: 'sk', reasoning_effort: '$inputs.effort' }),
      inputs: [{ type: 'WorkflowImage', name: 'image' }, { type: 'WorkflowParameter', name: 'effort' }],
    };
    const { registry, calls } = recordingRegistry();
    const workflow = engine.compile(definition);
    await expect(workflow.run({ image: pngImage(4, 4), effort: 'minimal' }, { services: { providers: registry } })).rejects.toThrow('Model gpt-5.1 does not support reasoning effort "minimal"');
    expect(calls).toHaveLength(0);
  });
  it('v1 Claude refuses a label it does not know, naming it', async () => {
    const definition = {
      ...oneStepWorkflow('roboflow_core/anthropic_claude@v1', { prompt: 'x', api_key: 'sk', model_version: '$inputs.model' }),
      inputs: [{ type: 'WorkflowImage', name: 'image' }, { type: 'WorkflowParameter', name: 'model' }],
    };
    const { registry } = recordingRegistry();
    await expect(engine.compile(definition).run({ image: pngImage(4, 4), model: 'claude-9' }, { services: { providers: registry } })).rejects.toThrow(/"claude-9" is not a Claude model/);
  });
  it('keys and FLOW_MAX_CONCURRENT_REQUESTS come from the host environment (services.env) when it gives one', async () => {
    let inFlight = 0;
    let peak = 0;
    const { registry, calls } = recordingRegistry(async () => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return { text: 'ok' };
    });
    const workflow = engine.compile({ ...oneStepWorkflow('roboflow_core/google_gemini@v4', { prompt: 'x' }), inputs: [{ type: 'WorkflowBatchInput', name: 'image', kind: ['image'] }] });
    const env = { GOOGLE_API_KEY: 'key-from-host', FLOW_MAX_CONCURRENT_REQUESTS: '1' };
    await workflow.run({ image: [pngImage(4, 4), pngImage(5, 5), pngImage(6, 6)] }, { services: { providers: registry, env } });
    expect(calls.map((call) => call.settings)).toEqual([{ apiKey: 'key-from-host' }, { apiKey: 'key-from-host' }, { apiKey: 'key-from-host' }]);
    expect(peak).toBe(1);
  });

  it('without a provider registry the step says how to pass one', async () => {
    await expect(engine.compile(oneStepWorkflow('roboflow_core/google_gemini@v4', { prompt: 'x', api_key: 'k' })).run({ image: pngImage(4, 4) })).rejects.toThrow(/provider registry/);
  });
  it('a batch sends one request per image, at most max_concurrent_requests at a time, answers in order', async () => {
    let inFlight = 0;
    let peak = 0;
    const { registry, calls } = recordingRegistry(async (call) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      const image = call.options.content.find((part) => part.type === 'image');
      return { text: `bytes ${image && image.type === 'image' ? image.data.byteLength : 0}` };
    });
    const workflow = engine.compile({
      ...oneStepWorkflow('roboflow_core/google_gemini@v4', { prompt: 'x', api_key: 'k', max_concurrent_requests: 2 }),
      inputs: [{ type: 'WorkflowBatchInput', name: 'image', kind: ['image'] }],
    });
    const images = [pngImage(4, 4), pngImage(40, 40), pngImage(8, 8), pngImage(60, 20), pngImage(5, 5)];
    const serialized = workflow.serialize(await workflow.run({ image: images }, { services: { providers: registry } }));
    expect(calls).toHaveLength(5);
    expect(peak).toBe(2);
    const sizes = images.map((image) => `bytes ${Buffer.from(image.value, 'base64').byteLength}`);
    expect(serialized.map((row) => row['output'])).toEqual(sizes);
  });
});
