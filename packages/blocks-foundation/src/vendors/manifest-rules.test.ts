import { describe, expect, it } from 'vitest';
import { engineWith, oneStepWorkflow } from './test-support/workflows.js';

const engine = engineWith();

function problemsOf(type: string, properties: Record<string, unknown>): string[] {
  const result = engine.validate(oneStepWorkflow(type, properties));
  return result.ok ? [] : result.problems.map((problem) => problem.message);
}

const taskBlocks = [
  ...[2, 3, 4, 5].map((v) => `roboflow_core/open_ai@v${v}`),
  ...[1, 2, 3].map((v) => `roboflow_core/anthropic_claude@v${v}`),
  ...[1, 2, 3, 4].map((v) => `roboflow_core/google_gemini@v${v}`),
];
const withDetection = (type: string) => !/open_ai@v[23]$/.test(type);
const KEY = { api_key: 'sk-x' };

describe('required fields per task type (the reference messages, at compile time)', () => {
  for (const type of taskBlocks) {
    it(type, () => {
      expect(problemsOf(type, { ...KEY, task_type: 'unconstrained' })).toEqual([expect.stringContaining('`prompt` parameter required to be set for task `unconstrained`')]);
      expect(problemsOf(type, { ...KEY, task_type: 'visual-question-answering' })).toEqual([expect.stringContaining('`prompt` parameter required to be set for task `visual-question-answering`')]);
      expect(problemsOf(type, { ...KEY, task_type: 'classification' })).toEqual([expect.stringContaining('`classes` parameter required to be set for task `classification`')]);
      expect(problemsOf(type, { ...KEY, task_type: 'multi-label-classification', classes: null })).toEqual([expect.stringContaining('`classes` parameter required to be set for task `multi-label-classification`')]);
      expect(problemsOf(type, { ...KEY, task_type: 'structured-answering' })).toEqual([expect.stringContaining('`output_structure` parameter required to be set for task `structured-answering`')]);
      expect(problemsOf(type, { ...KEY, task_type: 'classification', classes: '$inputs.classes' })).toEqual([expect.stringContaining('non-existent input')]);
      expect(problemsOf(type, { ...KEY, task_type: 'ocr' })).toEqual([]);
      expect(problemsOf(type, { ...KEY, prompt: 'hi' })).toEqual([]);
      if (withDetection(type)) {
        expect(problemsOf(type, { ...KEY, task_type: 'object-detection' })).toEqual([expect.stringContaining('`classes` parameter required to be set for task `object-detection`')]);
      } else {
        expect(problemsOf(type, { ...KEY, task_type: 'object-detection', classes: ['a'] })).toEqual([expect.stringContaining('task_type')]);
      }
      expect(problemsOf(type, { ...KEY, task_type: 'not-a-task', prompt: 'x' })).toEqual([expect.stringContaining('task_type')]);
    });
  }

  it('`images` (or its alias `image`) is required', () => {
    const definition = oneStepWorkflow('roboflow_core/google_gemini@v4', { ...KEY, prompt: 'x' }) as { steps: Array<Record<string, unknown>> };
    delete definition.steps[0]!['images'];
    const result = engine.validate(definition);
    expect(!result.ok && result.problems.map((problem) => problem.message)).toEqual([expect.stringContaining('`images` is required')]);
    definition.steps[0]!['image'] = '$inputs.image';
    expect(engine.validate(definition).ok).toBe(true);
  });
});

describe('api_key: required where the reference requires it, `rf_key:account` by default elsewhere', () => {
  const required = ['roboflow_core/open_ai@v2', 'roboflow_core/anthropic_claude@v1', 'roboflow_core/anthropic_claude@v2', 'roboflow_core/google_gemini@v1', 'roboflow_core/google_gemini@v2'];
  for (const type of taskBlocks) {
    it(type, () => {
      const problems = problemsOf(type, { prompt: 'x' });
      if (required.includes(type)) expect(problems).toEqual([expect.stringContaining('api_key')]);
      else expect(problems).toEqual([]);
    });
  }
});

describe('OpenAI version rules', () => {
  it('v4/v5: reasoning effort must be one the model accepts; models that do not reason take any', () => {
    for (const v of [4, 5]) {
      const type = `roboflow_core/open_ai@v${v}`;
      expect(problemsOf(type, { prompt: 'x', model_version: 'gpt-5.1', reasoning_effort: 'minimal' })).toEqual([expect.stringContaining('Model gpt-5.1 does not support reasoning effort "minimal"')]);
      expect(problemsOf(type, { prompt: 'x', model_version: 'gpt-5', reasoning_effort: 'xhigh' })).toEqual([expect.stringContaining('Model gpt-5 does not support reasoning effort "xhigh"')]);
      expect(problemsOf(type, { prompt: 'x', model_version: 'gpt-5', reasoning_effort: 'minimal' })).toEqual([]);
      expect(problemsOf(type, { prompt: 'x', model_version: 'gpt-4o', reasoning_effort: 'high' })).toEqual([]);
      expect(problemsOf(type, { prompt: 'x', reasoning_effort: 'extreme' })).toEqual([expect.stringContaining('reasoning_effort')]);
    }
  });
  it('v4/v5: max_tokens optional, at least 16; temperature in [0, 2]', () => {
    expect(problemsOf('roboflow_core/open_ai@v5', { prompt: 'x', max_tokens: 16 })).toEqual([]);
    expect(problemsOf('roboflow_core/open_ai@v5', { prompt: 'x', max_tokens: 15 })).toEqual([expect.stringContaining('max_tokens')]);
    expect(problemsOf('roboflow_core/open_ai@v4', { prompt: 'x', temperature: 2 })).toEqual([]);
    expect(problemsOf('roboflow_core/open_ai@v4', { prompt: 'x', temperature: 2.1 })).toEqual([expect.stringContaining('temperature')]);
  });
  it('model_version: a literal must be in the version catalogue, a selector may name any model', () => {
    expect(problemsOf('roboflow_core/open_ai@v2', { ...KEY, prompt: 'x', model_version: 'o3' })).toEqual([expect.stringContaining('model_version')]);
    expect(problemsOf('roboflow_core/open_ai@v3', { prompt: 'x', model_version: 'o3' })).toEqual([]);
    expect(problemsOf('roboflow_core/open_ai@v5', { prompt: 'x', model_version: 'gpt-9' })).toEqual([expect.stringContaining('model_version')]);
  });
  it('v1: prompt is required; openai_model is checked', () => {
    expect(problemsOf('roboflow_core/open_ai@v1', {})).toEqual([expect.stringContaining('prompt')]);
    expect(problemsOf('roboflow_core/open_ai@v1', { prompt: 'x', openai_model: 'gpt-4.1' })).toEqual([expect.stringContaining('openai_model')]);
    expect(problemsOf('roboflow_core/open_ai@v1', { prompt: 'x', json_output_format: { a: 1 } })).toEqual([expect.stringContaining('json_output_format')]);
  });
});

describe('Claude version rules', () => {
  const v2 = 'roboflow_core/anthropic_claude@v2';
  const v3 = 'roboflow_core/anthropic_claude@v3';
  it('temperature: [0, 2] in v1, [0, 1] from v2', () => {
    expect(problemsOf('roboflow_core/anthropic_claude@v1', { ...KEY, prompt: 'x', temperature: 1.5 })).toEqual([]);
    expect(problemsOf(v2, { ...KEY, prompt: 'x', temperature: 1.5 })).toEqual([expect.stringContaining('temperature')]);
    expect(problemsOf(v3, { prompt: 'x', temperature: 1 })).toEqual([]);
  });
  it('extended thinking: no temperature, a budget of at least 1024 below max_tokens', () => {
    expect(problemsOf(v3, { prompt: 'x', extended_thinking: true })).toEqual([]);
    expect(problemsOf(v3, { prompt: 'x', extended_thinking: true, temperature: 0.5 })).toEqual([expect.stringContaining('`temperature` cannot be used when `extended_thinking` is enabled')]);
    expect(problemsOf(v3, { prompt: 'x', temperature: 0.5, extended_thinking: false })).toEqual([]);
    expect(problemsOf(v3, { prompt: 'x', extended_thinking: true, thinking_budget_tokens: 1000 })).toEqual([expect.stringContaining('thinking_budget_tokens')]);
    expect(problemsOf(v3, { prompt: 'x', extended_thinking: true, thinking_budget_tokens: 4096, max_tokens: 4096 })).toEqual([
      expect.stringContaining('`thinking_budget_tokens` (4096) must be less than `max_tokens` (4096)'),
    ]);
    expect(problemsOf(v3, { prompt: 'x', extended_thinking: true, thinking_budget_tokens: 2048, max_tokens: 4096 })).toEqual([]);
  });
  it('model_version: v1 keeps the Claude 3 labels, v2+ the catalogue', () => {
    expect(problemsOf('roboflow_core/anthropic_claude@v1', { ...KEY, prompt: 'x', model_version: 'claude-3-haiku' })).toEqual([]);
    expect(problemsOf(v3, { prompt: 'x', model_version: 'claude-3-haiku' })).toEqual([expect.stringContaining('model_version')]);
    expect(problemsOf(v3, { prompt: 'x', model_version: 'claude-fable-5' })).toEqual([]);
  });
});

describe('Gemini version rules', () => {
  it('retired preview names are accepted (and rewritten), thinking_level is low or high', () => {
    for (const v of [1, 2, 3, 4]) expect(problemsOf(`roboflow_core/google_gemini@v${v}`, { ...KEY, prompt: 'x', model_version: 'gemini-2.5-pro-preview-06-05' })).toEqual([]);
    expect(problemsOf('roboflow_core/google_gemini@v4', { prompt: 'x', thinking_level: 'high' })).toEqual([]);
    expect(problemsOf('roboflow_core/google_gemini@v4', { prompt: 'x', thinking_level: 'medium' })).toEqual([expect.stringContaining('thinking_level')]);
    expect(problemsOf('roboflow_core/google_gemini@v1', { ...KEY, prompt: 'x', model_version: 'gemini-3.5-flash' })).toEqual([expect.stringContaining('model_version')]);
    expect(problemsOf('roboflow_core/google_gemini@v3', { prompt: 'x', google_code_execution: true })).toEqual([]);
  });
});
