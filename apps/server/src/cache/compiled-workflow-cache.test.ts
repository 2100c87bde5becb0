import { createEngine } from '@flow/engine';
import { describe, expect, it, vi } from 'vitest';
import { upperWorkflow } from '../test-support/server-fixtures.js';
import { serverTestPack } from '../test-support/test-blocks.js';
import { canonicalJson, CompiledWorkflowCache, definitionHash, sameJson } from './compiled-workflow-cache.js';

const variant = (name: string) => ({ ...upperWorkflow, outputs: [{ type: 'JsonField', name, selector: '$steps.upper.text' }] });

describe('CompiledWorkflowCache', () => {
  it('compiles once per definition; a hit skips compiling', () => {
    const engine = createEngine({ packs: [serverTestPack] });
    const compile = vi.spyOn(engine, 'compile');
    const cache = new CompiledWorkflowCache(engine, 4);
    const first = cache.get(upperWorkflow);
    const second = cache.get(structuredClone(upperWorkflow));
    expect(first.cached).toBe(false);
    expect(second).toMatchObject({ cached: true, compileMs: 0 });
    expect(second.workflow).toBe(first.workflow);
    expect(compile).toHaveBeenCalledTimes(1);
    expect([cache.hits, cache.misses]).toEqual([1, 1]);
  });

  it('does not care about key order', () => {
    const reordered = { outputs: upperWorkflow.outputs, steps: upperWorkflow.steps, inputs: upperWorkflow.inputs, version: upperWorkflow.version };
    expect(definitionHash(reordered, '1.15.0')).toBe(definitionHash(upperWorkflow, '1.15.0'));
    expect(definitionHash(upperWorkflow, '1.16.0')).not.toBe(definitionHash(upperWorkflow, '1.15.0'));
    expect(canonicalJson({ b: [1, { d: 1, c: null }], a: 'x' })).toBe('{"a":"x","b":[1,{"c":null,"d":1}]}');
  });

  it('evicts the least recently used entry when full', () => {
    const engine = createEngine({ packs: [serverTestPack] });
    const cache = new CompiledWorkflowCache(engine, 2);
    cache.get(variant('a'));
    cache.get(variant('b'));
    cache.get(variant('a')); // a is now the most recent
    cache.get(variant('c')); // evicts b
    expect(cache.size).toBe(2);
    expect(cache.get(variant('a')).cached).toBe(true);
    expect(cache.get(variant('b')).cached).toBe(false);
  });

  it('keeps the recency order right when the same definition is sent many times in a row', () => {
    const engine = createEngine({ packs: [serverTestPack] });
    const compile = vi.spyOn(engine, 'compile');
    const cache = new CompiledWorkflowCache(engine, 2);
    cache.get(variant('a'));
    cache.get(variant('a'));
    cache.get(variant('b'));
    cache.get(variant('b'));
    cache.get(variant('c')); // evicts a, the least recent, though it was hit twice
    expect(compile).toHaveBeenCalledTimes(3);
    expect(cache.get(variant('b')).cached).toBe(true);
    expect(cache.get(variant('a')).cached).toBe(false); // compiled again; evicts c
    expect(cache.get(variant('c')).cached).toBe(false);
    expect([cache.hits, cache.misses]).toEqual([3, 5]);
    cache.clear();
    expect(cache.get(variant('c')).cached).toBe(false);
  });

  it('keeps nothing when its capacity is 0, and never keeps failures', () => {
    const engine = createEngine({ packs: [serverTestPack] });
    const disabled = new CompiledWorkflowCache(engine, 0);
    disabled.get(upperWorkflow);
    expect(disabled.get(upperWorkflow).cached).toBe(false);
    const cache = new CompiledWorkflowCache(engine, 2);
    const broken = { ...upperWorkflow, steps: [{ type: 'nope/nope@v1', name: 'x' }] };
    expect(() => cache.get(broken)).toThrow(/unknown block type/);
    expect(cache.size).toBe(0);
  });
});

describe('the first-level key (the definition as written)', () => {
  it('finds a definition sent the same way, and a reordered one by its hash', () => {
    const engine = createEngine({ packs: [serverTestPack] });
    const cache = new CompiledWorkflowCache(engine, 4);
    const first = cache.get(upperWorkflow);
    expect(cache.get(structuredClone(upperWorkflow)).workflow).toBe(first.workflow);
    const reordered = { outputs: upperWorkflow.outputs, steps: upperWorkflow.steps, inputs: upperWorkflow.inputs, version: upperWorkflow.version };
    expect(cache.get(reordered)).toMatchObject({ cached: true, workflow: first.workflow });
  });

  it('answers a repeat of the newest definition without writing its JSON text, and a one-value change misses', () => {
    const engine = createEngine({ packs: [serverTestPack] });
    const cache = new CompiledWorkflowCache(engine, 4);
    cache.get(variant('a'));
    const stringify = vi.spyOn(JSON, 'stringify');
    expect(cache.get(variant('a')).cached).toBe(true);
    expect(stringify).not.toHaveBeenCalled();
    stringify.mockRestore();
    const changed = variant('a');
    (changed.outputs[0] as { selector: string }).selector = '$steps.upper.other';
    expect(() => cache.get(changed)).toThrow();
    expect(cache.get(variant('b')).cached).toBe(false);
    expect(cache.get(variant('a')).cached).toBe(true);
  });
});

describe('sameJson', () => {
  it('compares parsed JSON values deeply, object keys in any order', () => {
    expect(sameJson({ a: [1, { b: null }], c: 'x' }, { c: 'x', a: [1, { b: null }] })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(sameJson({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameJson({ a: null }, { a: {} })).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson({ deep: { deeper: [{ x: 0.1 }] } }, { deep: { deeper: [{ x: 0.2 }] } })).toBe(false);
  });
});
