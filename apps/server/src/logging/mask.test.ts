import { describe, expect, it } from 'vitest';
import { maskApiKeysInText, SecretScrubber } from './mask.js';

describe('maskApiKeysInText', () => {
  it('masks api_key and key query values the reference way', () => {
    expect(maskApiKeysInText('GET https://x.test/a?api_key=abcdefghij&b=1')).toBe('GET https://x.test/a?api_key=ab***ij&b=1');
    expect(maskApiKeysInText('https://gen.test/v1?key=short')).toBe('https://gen.test/v1?key=***');
    expect(maskApiKeysInText('no keys here')).toBe('no keys here');
  });
});

describe('SecretScrubber', () => {
  it('replaces known secrets with the secret-kind mask, longest first, in nested values', () => {
    const scrubber = new SecretScrubber();
    scrubber.add('sk-live-123456789');
    scrubber.add('sk-live-1234');
    scrubber.add('ab'); // too short to mask safely
    expect(scrubber.scrubDeep({ message: 'bad key sk-live-123456789 and sk-live-1234', list: ['ab sk-live-123456789'] })).toEqual({
      message: 'bad key sk********89 and sk********34',
      list: ['ab sk********89'],
    });
  });
});
