import { describe, expect, it } from 'vitest';
import { isRetryableStatus, retryAfterMsFromHeaders } from './retry-after.js';

describe('retryAfterMsFromHeaders', () => {
  const now = Date.parse('2026-12-02T05:00:00Z');

  it('prefers retry-after-ms, then reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMsFromHeaders(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(250);
    expect(retryAfterMsFromHeaders(new Headers({ 'retry-after': '3' }), now)).toBe(3_000);
    expect(retryAfterMsFromHeaders(new Headers({ 'retry-after': '1.5' }), now)).toBe(1_500);
    expect(retryAfterMsFromHeaders({ 'Retry-After': 'Wed, 02 Dec 2026 05:00:07 GMT' }, now)).toBe(7_000);
    expect(retryAfterMsFromHeaders({ 'retry-after': ['2'] }, now)).toBe(2_000);
  });

  it('gives undefined for no header or an unreadable one, and never a negative wait', () => {
    expect(retryAfterMsFromHeaders(undefined, now)).toBeUndefined();
    expect(retryAfterMsFromHeaders(new Headers(), now)).toBeUndefined();
    expect(retryAfterMsFromHeaders({ 'retry-after': 'soon' }, now)).toBeUndefined();
    expect(retryAfterMsFromHeaders({ 'retry-after-ms': 'abc', 'retry-after': '1' }, now)).toBe(1_000);
    expect(retryAfterMsFromHeaders({ 'retry-after': 'Wed, 02 Dec 2026 04:59:00 GMT' }, now)).toBe(0);
  });
});

describe('isRetryableStatus', () => {
  it('retries 408, 409, 429, 5xx and no response; never other 4xx', () => {
    expect([408, 409, 429, 500, 502, 503, 504, null].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 413, 422].some(isRetryableStatus)).toBe(false);
  });
});
