import { describe, expect, it } from 'vitest';
import { redactedCause } from './redacted-cause.js';

const key = 'sk-test-0123456789';

describe('redactedCause', () => {
  it('keeps names, codes and masked messages down the chain, and nothing else', () => {
    const root = Object.assign(new Error(`socket closed for ${key}`), { code: 'ECONNRESET', headers: { authorization: `Bearer ${key}` } });
    const outer = Object.assign(new TypeError(`fetch failed (key ${key})`, { cause: root }), { body: { key } });
    const copy = redactedCause(outer, [key])!;
    expect(copy).not.toBe(outer);
    expect(copy.name).toBe('TypeError');
    expect(copy.message).toBe('fetch failed (key ***)');
    expect(copy).not.toHaveProperty('body');
    const inner = copy.cause as Error & { code?: string };
    expect(inner.message).toBe('socket closed for ***');
    expect(inner.code).toBe('ECONNRESET');
    expect(inner).not.toHaveProperty('headers');
    expect(JSON.stringify([copy.stack, inner.stack])).not.toContain(key);
  });

  it('turns a thrown non-error into an error and stops at a few levels', () => {
    expect(redactedCause(`bad ${key}`, [key])?.message).toBe('bad ***');
    expect(redactedCause(undefined, [key])).toBeUndefined();
    let deep: Error = new Error('bottom');
    for (let level = 0; level < 10; level += 1) deep = new Error(`level ${level}`, { cause: deep });
    let depth = 0;
    for (let current: unknown = redactedCause(deep, []); current; current = (current as Error).cause) depth += 1;
    expect(depth).toBe(5);
  });
});
