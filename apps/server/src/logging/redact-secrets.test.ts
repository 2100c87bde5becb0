import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from './redact-secrets.js';

describe('redactSecrets', () => {
  it('masks api_key at the top and one object down, and the authorization and cookie headers', () => {
    const line = {
      api_key: 'top-secret-key',
      body: { api_key: 'nested-secret', keep: 1 },
      headers: { authorization: 'Bearer abc', cookie: 'session=1', accept: '*/*' },
      other: { authorization: 'not a header object', deeper: { api_key: 'two levels down stays (as with pino redact *.api_key)' } },
      count: 3,
    };
    expect(redactSecrets(line)).toEqual({
      api_key: REDACTED,
      body: { api_key: REDACTED, keep: 1 },
      headers: { authorization: REDACTED, cookie: REDACTED, accept: '*/*' },
      other: line.other,
      count: 3,
    });
  });

  it('never changes the caller’s objects, and hands back a line without secrets as it is', () => {
    const body = { api_key: 'nested-secret' };
    const line = { body, message: 'x' };
    const masked = redactSecrets(line);
    expect(body.api_key).toBe('nested-secret');
    expect(line.body).toBe(body);
    expect(masked.body).toEqual({ api_key: REDACTED });

    const clean = { req: { method: 'POST', url: '/workflows/run' }, res: { statusCode: 200 }, responseTime: 1.5 };
    expect(redactSecrets(clean)).toBe(clean);
  });

  it('leaves Errors and arrays to their serializers', () => {
    const error = Object.assign(new Error('boom'), { api_key: 'on an error' });
    const list = [{ api_key: 'in a list' }];
    const line = { err: error, list };
    const masked = redactSecrets(line);
    expect(masked.err).toBe(error);
    expect(masked.list).toBe(list);
  });
});
