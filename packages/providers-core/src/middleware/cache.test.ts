import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheKey } from '../cache/cache-key.js';
import { createDiskCache } from '../cache/disk-cache.js';
import { createMemoryCache } from '../cache/memory-cache.js';
import { resetProviderLimiters } from '../limits/provider-limiter.js';
import type { GenerateOptions, ImagePart } from '../model/language-model.js';
import { createProviderRegistry } from '../registry/create-provider-registry.js';
import { ScriptedModel, scriptedProvider, text } from '../test-support/scripted-model.js';
import type { ModelUsage } from '../usage/usage-sink.js';
import { cacheMiddleware } from './cache.js';
import { wrapLanguageModel } from './wrap-language-model.js';

const folders: string[] = [];
afterEach(async () => {
  resetProviderLimiters();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function temporaryFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'flow-cache-'));
  folders.push(folder);
  return folder;
}

const image = (bytes: number[]): ImagePart => ({ type: 'image', data: new Uint8Array(bytes), mediaType: 'image/png' });
const scope = { provider: 'openai', model: 'gpt-test' };

describe('cache key', () => {
  const base: GenerateOptions = { system: 's', content: [text('what is it?'), image([1, 2, 3])], maxTokens: 100, temperature: 0 };

  it('changes with every part of the request that decides the answer, image bytes included', () => {
    const key = cacheKey(scope, base);
    const variants: GenerateOptions[] = [
      { ...base, system: 't' },
      { ...base, content: [text('what is it?'), image([1, 2, 4])] },
      { ...base, content: [text('what is it?'), { ...image([1, 2, 3]), detail: 'low' }] },
      { ...base, content: [text('what is it?'), { ...image([1, 2, 3]), mediaType: 'image/jpeg' }] },
      { ...base, content: [text('What is it?'), image([1, 2, 3])] },
      { ...base, content: [image([1, 2, 3]), text('what is it?')] },
      { ...base, maxTokens: 101 },
      { ...base, temperature: 0.1 },
      { ...base, responseFormat: { type: 'json' } },
      { ...base, providerOptions: { openai: { reasoningEffort: 'low' } } },
    ];
    const keys = new Set([key, ...variants.map((variant) => cacheKey(scope, variant))]);
    expect(keys.size).toBe(variants.length + 1);
    expect(cacheKey({ ...scope, model: 'other' }, base)).not.toBe(key);
    expect(cacheKey({ ...scope, provider: 'openrouter' }, base)).not.toBe(key);
    expect(cacheKey({ ...scope, baseURL: 'http://127.0.0.1:8000/v1' }, base)).not.toBe(key);
    // Two images split differently are different requests.
    expect(cacheKey(scope, { content: [image([1, 2]), image([3])] })).not.toBe(cacheKey(scope, { content: [image([1]), image([2, 3])] }));
  });

  it('ignores signal, headers and the usage sink, and the key order of objects', () => {
    const key = cacheKey(scope, { ...base, providerOptions: { openai: { a: 1, b: 2 } } });
    expect(
      cacheKey(scope, {
        ...base,
        providerOptions: { openai: { b: 2, a: 1 } },
        signal: new AbortController().signal,
        headers: { 'x-trace': '1' },
        usage: { record: () => undefined },
      }),
    ).toBe(key);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('cache middleware', () => {
  it('a hit returns the stored answer with cached: true and never calls the model', async () => {
    const model = new ScriptedModel();
    const cached = wrapLanguageModel(model, cacheMiddleware({ store: createMemoryCache() }));
    const request = { content: [text('hi'), image([9, 9])] };
    const first = await cached.generate(request);
    const second = await cached.generate({ content: [text('hi'), image([9, 9])] });
    expect(first.cached).toBeUndefined();
    expect(second).toEqual({ ...first, cached: true });
    expect(model.calls).toHaveLength(1);
    // Other image bytes: a miss.
    await cached.generate({ content: [text('hi'), image([9, 8])] });
    expect(model.calls).toHaveLength(2);
  });

  it('identical requests in flight at once reach the model once; the follower counts as cached', async () => {
    const model = new ScriptedModel({ fallback: { kind: 'gate' } });
    const cached = wrapLanguageModel(model, cacheMiddleware({ store: createMemoryCache() }));
    const request = () => ({ content: [text('hi'), image([5, 5])] });
    const both = Promise.all([cached.generate(request()), cached.generate(request())]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    model.release();
    const [leader, follower] = await both;
    expect(model.calls).toHaveLength(1);
    expect(leader.cached).toBeUndefined();
    expect(follower).toEqual({ ...leader, cached: true });
  });

  it('a follower asks on its own when the shared call fails, and its own abort stops only it', async () => {
    const model = new ScriptedModel({ script: [{ kind: 'gate' }, { kind: 'answer', text: 'own answer' }], fallback: { kind: 'gate' } });
    const store = createMemoryCache();
    const cached = wrapLanguageModel(model, cacheMiddleware({ store }));
    const leaderAbort = new AbortController();
    const leader = cached.generate({ content: [text('q')], signal: leaderAbort.signal });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const follower = cached.generate({ content: [text('q')] });
    const quitter = new AbortController();
    const impatient = cached.generate({ content: [text('q')], signal: quitter.signal });
    await new Promise((resolve) => setTimeout(resolve, 5));
    quitter.abort();
    await expect(impatient).rejects.toMatchObject({ name: 'AbortError' });
    leaderAbort.abort();
    await expect(leader).rejects.toMatchObject({ name: 'AbortError' });
    await expect(follower).resolves.toMatchObject({ text: 'own answer' });
    expect(model.calls).toHaveLength(2);
  });

  it('stores only stop and length answers', async () => {
    const model = new ScriptedModel({
      script: [
        { kind: 'answer', finishReason: 'content-filter' },
        { kind: 'answer', finishReason: 'other' },
        { kind: 'answer', finishReason: 'length' },
      ],
    });
    const cached = wrapLanguageModel(model, cacheMiddleware({ store: createMemoryCache() }));
    const request = { content: [text('hi')] };
    expect((await cached.generate(request)).finishReason).toBe('content-filter');
    expect((await cached.generate(request)).finishReason).toBe('other');
    expect((await cached.generate(request)).finishReason).toBe('length');
    expect(await cached.generate(request)).toMatchObject({ finishReason: 'length', cached: true });
    expect(model.calls).toHaveLength(3);
  });

  it('a failing store does not fail the call', async () => {
    const model = new ScriptedModel();
    const errors: unknown[] = [];
    const broken = {
      get: async () => {
        throw new Error('disk gone');
      },
      set: async () => {
        throw new Error('disk full');
      },
    };
    const cached = wrapLanguageModel(model, cacheMiddleware({ store: broken, onStoreError: (error) => errors.push(error) }));
    await expect(cached.generate({ content: [text('hi')] })).resolves.toMatchObject({ text: 'answer 1' });
    expect(errors.map((error) => (error as Error).message)).toEqual(['disk gone', 'disk full']);
  });
});

describe('cache in the registry', () => {
  it('keys by the provider id it was wired under and by the base URL a call gave', async () => {
    const model = new ScriptedModel();
    const registry = createProviderRegistry({ openai: scriptedProvider(model), vllm: scriptedProvider(model) }, { env: {}, cache: createMemoryCache() });
    const request = { content: [text('same question')] };
    await registry.languageModel('openai', 'm').generate(request);
    await registry.languageModel('vllm', 'm').generate(request);
    await registry.languageModel('openai', 'm', { baseURL: 'http://127.0.0.1:1/v1' }).generate(request);
    expect(model.calls).toHaveLength(3);
    // An API key does not change the answer: a different key still hits.
    await expect(registry.languageModel('openai', 'm', { apiKey: 'sk-other-key' }).generate(request)).resolves.toMatchObject({ cached: true });
    expect(model.calls).toHaveLength(3);
  });
});

describe('memory cache', () => {
  it('evicts the least recently used entry beyond maxEntries and bounds bytes', async () => {
    const cache = createMemoryCache({ maxEntries: 2 });
    const answer = (value: string) => ({ text: value, finishReason: 'stop' as const, usage: { inputTokens: 1, outputTokens: 1 }, model: 'm' });
    await cache.set('a', answer('A'));
    await cache.set('b', answer('B'));
    await cache.get('a');
    await cache.set('c', answer('C'));
    expect(await cache.get('b')).toBeUndefined();
    expect((await cache.get('a'))?.text).toBe('A');
    expect(cache.size).toBe(2);
    const small = createMemoryCache({ maxBytes: 1_000 });
    await small.set('big', answer('x'.repeat(2_000)));
    expect(small.size).toBe(0);
    for (const key of ['1', '2', '3']) await small.set(key, answer('y'.repeat(150)));
    expect(small.bytes).toBeLessThanOrEqual(1_000);
    expect(await small.get('1')).toBeUndefined();
    expect((await small.get('3'))?.text).toHaveLength(150);
  });
});

describe('disk cache', () => {
  it('survives a new registry (a re-run in a new process does not call the vendor again)', async () => {
    const dir = await temporaryFolder();
    const request = { system: 'count', content: [text('how many?'), image([7, 7, 7])] };
    const firstModel = new ScriptedModel({ script: [{ kind: 'answer', text: '42' }] });
    const first = await createProviderRegistry({ openai: scriptedProvider(firstModel) }, { env: { FLOW_CACHE_DIR: dir } })
      .languageModel('openai', 'gpt-test')
      .generate(request);
    expect(first).toMatchObject({ text: '42' });
    const secondModel = new ScriptedModel();
    const usage: ModelUsage[] = [];
    const second = await createProviderRegistry({ openai: scriptedProvider(secondModel) }, { env: { FLOW_CACHE_DIR: dir } })
      .languageModel('openai', 'gpt-test')
      .generate({ ...request, usage: { record: (entry) => usage.push(entry) } });
    expect(second).toMatchObject({ text: '42', cached: true, finishReason: 'stop' });
    expect(secondModel.calls).toHaveLength(0);
    expect(usage).toEqual([{ provider: 'openai', model: 'gpt-test', inputTokens: 0, outputTokens: 0, calls: 1, cached: 1 }]);
    // No temp files are left behind.
    const shards = await readdir(dir);
    const files = (await Promise.all(shards.map((shard) => readdir(join(dir, shard))))).flat();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{64}\.json$/);
  });

  it('treats a damaged entry as a miss and overwrites it', async () => {
    const dir = await temporaryFolder();
    const cache = createDiskCache(dir);
    const key = 'ab'.repeat(32);
    await cache.set(key, { text: 'ok', finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 2 }, model: 'm' });
    expect(await cache.get(key)).toEqual({ text: 'ok', finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 2 }, model: 'm' });
    await writeFile(join(dir, 'ab', `${key}.json`), '{"text": "half');
    expect(await cache.get(key)).toBeUndefined();
    await writeFile(join(dir, 'ab', `${key}.json`), '{"unrelated": true}');
    expect(await cache.get(key)).toBeUndefined();
  });

  it('is off unless FLOW_CACHE_DIR or a cache option is given, and cache: false wins over the env', async () => {
    const dir = await temporaryFolder();
    for (const [options, expectedCalls] of [
      [{ env: {} }, 2],
      [{ env: { FLOW_CACHE_DIR: dir }, cache: false as const }, 2],
      [{ env: {}, cache: createMemoryCache() }, 1],
    ] as const) {
      const model = new ScriptedModel();
      const registry = createProviderRegistry({ openai: scriptedProvider(model) }, options);
      await registry.languageModel('openai', 'm').generate({ content: [text('a')] });
      await registry.languageModel('openai', 'm').generate({ content: [text('a')] });
      expect(model.calls).toHaveLength(expectedCalls);
    }
    expect(await readdir(dir)).toEqual([]);
  });
});
