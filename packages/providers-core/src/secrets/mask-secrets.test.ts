import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ProviderApiError } from '../errors/provider-api-error.js';
import { maskSecrets, redactError } from './mask-secrets.js';

const KEY = 'sk-proj-Zq81mXv0aKf3';

function everythingVisible(error: unknown): string {
  const asError = error as Error;
  return [String(error), asError.message, asError.stack, JSON.stringify(error), inspect(error, { depth: 12, showHidden: true })].join('\n');
}

describe('maskSecrets', () => {
  it('replaces every occurrence of each key, longest first, and leaves short strings alone', () => {
    expect(maskSecrets(`Bearer ${KEY} and again ${KEY}`, [KEY])).toBe('Bearer *** and again ***');
    expect(maskSecrets(`${KEY}-suffix`, ['sk-proj', `${KEY}-suffix`])).toBe('***');
    expect(maskSecrets('a b c', ['a', undefined, null, ''])).toBe('a b c');
  });
});

describe('redactError', () => {
  it('masks message, stack, string fields, header objects and the whole cause chain, in place', () => {
    const root = Object.assign(new Error(`socket closed while sending x-api-key: ${KEY}`), { code: 'ECONNRESET' });
    const sdkError = Object.assign(new Error(`401 Incorrect API key provided: ${KEY}`, { cause: root }), {
      headers: { 'content-type': 'application/json', 'x-echo': `key=${KEY}` },
      request: { headers: new Headers({ authorization: `Bearer ${KEY}`, 'x-goog-api-key': 'different-but-secret' }), url: `https://api.example/v1?key=${KEY}` },
      error: { message: `key ${KEY} is invalid`, param: null },
      body: new Uint8Array([1, 2, 3]),
    });
    const outer = new ProviderApiError({ provider: 'openai', message: `openai: ${KEY} rejected`, status: 401, isRetryable: false, cause: new AggregateError([sdkError], `all failed for ${KEY}`) });
    const returned = redactError(outer, [KEY]);
    expect(returned).toBe(outer);
    expect(ProviderApiError.isInstance(returned)).toBe(true);
    expect(everythingVisible(outer)).not.toContain(KEY);
    expect(outer.message).toBe('openai: *** rejected');
    expect(sdkError.message).toBe('401 Incorrect API key provided: ***');
    expect(sdkError.headers['x-echo']).toBe('key=***');
    expect(sdkError.request.headers.get('authorization')).toBe('***');
    // Credential headers are masked whatever their value: the key a vendor holds may not be the caller's.
    expect(sdkError.request.headers.get('x-goog-api-key')).toBe('***');
    expect(root.message).toBe('socket closed while sending x-api-key: ***');
    expect(root.code).toBe('ECONNRESET');
    expect(sdkError.body).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('survives cycles and non-writable fields, and masks plain strings', () => {
    const error = new Error(`loop ${KEY}`) as Error & { self?: unknown };
    error.self = error;
    Object.defineProperty(error, 'frozenDetail', { value: `k=${KEY}`, writable: false, configurable: true, enumerable: true });
    redactError(error, [KEY]);
    expect(inspect(error, { depth: 12, showHidden: true })).not.toContain(KEY);
    expect(error.message).toBe('loop ***');
    expect(redactError(`text ${KEY}`, [KEY])).toBe('text ***');
  });
});
