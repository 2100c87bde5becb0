import { describe, expect, it } from 'vitest';
import { maskApiKeysInText, SecretScrubber } from './mask.js';

describe('maskApiKeysInText', () => {
  it('masks api_key and key query values the reference way', () => {
    expect(maskApiKeysInText('GET https://x.test/a?api_key=abcdefghij&b=1')).toBe('GET https://x.test/a?api_key=ab***ij&b=1');
    expect(maskApiKeysInText('https://gen.test/v1?key=short')).toBe('https://gen.test/v1?key=***');
    expect(maskApiKeysInText('no keys here')).toBe('no keys here');
  });

  it('decodes percent-encoded names, and leaves other parameters and look-alike names alone', () => {
    expect(maskApiKeysInText('/run?api%5Fkey=abcdefghij')).toBe('/run?api%5Fkey=ab***ij');
    expect(maskApiKeysInText('/run?%61pi_key=abcdefghij&%6Bey=zyxwvutsrq')).toBe('/run?%61pi_key=ab***ij&%6Bey=zy***rq');
    expect(maskApiKeysInText('/run?monkey=banana123&x_api_key=abcdefghij&page=2')).toBe('/run?monkey=banana123&x_api_key=abcdefghij&page=2');
  });

  it('masks the password of a URL userinfo, keeping the user', () => {
    expect(maskApiKeysInText('Could not load https://alice:s3cret-pass@images.test/a.png')).toBe('Could not load https://alice:***@images.test/a.png');
    expect(maskApiKeysInText('mail me at alice@example.test')).toBe('mail me at alice@example.test');
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
