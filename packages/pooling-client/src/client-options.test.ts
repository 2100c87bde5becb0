import { describe, expect, it } from 'vitest';
import { resolveClientOptions } from './client-options.js';

describe('resolveClientOptions', () => {
  it('uses the server root: trailing slashes and an OpenAI-style /v1 are dropped, sub-paths kept', () => {
    expect(resolveClientOptions({ baseURL: 'http://localhost:8000/' }).transport.baseURL).toBe('http://localhost:8000');
    expect(resolveClientOptions({ baseURL: 'http://localhost:8000/v1/' }).transport.baseURL).toBe('http://localhost:8000');
    expect(resolveClientOptions({ baseURL: 'https://gw.example.com/vllm/v1' }).transport.baseURL).toBe('https://gw.example.com/vllm');
  });

  it('has documented defaults', () => {
    const resolved = resolveClientOptions({ baseURL: 'http://localhost:8000' });
    expect(resolved.maxBatchSize).toBe(64);
    expect(resolved.transport).toMatchObject({ timeoutMs: 600_000, maxRetries: 2, backoff: { initialDelayMs: 500, maxDelayMs: 8_000 } });
  });

  it('refuses settings that would only fail later, saying what to do', () => {
    const saved = process.env['VLLM_BASE_URL'];
    delete process.env['VLLM_BASE_URL'];
    try {
      expect(() => resolveClientOptions({})).toThrow(/set VLLM_BASE_URL/);
    } finally {
      if (saved !== undefined) process.env['VLLM_BASE_URL'] = saved;
    }
    expect(() => resolveClientOptions({ baseURL: 'localhost:8000' })).toThrow(/http\(s\)/);
    expect(() => resolveClientOptions({ baseURL: 'not a url' })).toThrow(/not a URL/);
    expect(() => resolveClientOptions({ baseURL: 'http://user:pass@host' })).toThrow(/credentials/);
    expect(() => resolveClientOptions({ baseURL: 'http://h', maxBatchSize: 0 })).toThrow(/maxBatchSize/);
    expect(() => resolveClientOptions({ baseURL: 'http://h', maxConcurrency: 1.5 })).toThrow(/maxConcurrency/);
    expect(() => resolveClientOptions({ baseURL: 'http://h', maxRetries: -1 })).toThrow(/maxRetries/);
    expect(() => resolveClientOptions({ baseURL: 'http://h', timeoutMs: 0 })).toThrow(/timeoutMs/);
  });
});
