import { afterEach, describe, expect, it } from 'vitest';
import { ProviderApiError } from '../errors/provider-api-error.js';
import { loadSetting, requireApiKey } from './vendor-settings.js';

const VARIABLE = 'FLOW_TEST_VENDOR_SETTING';
afterEach(() => {
  delete process.env[VARIABLE];
});

describe('vendor settings', () => {
  it('an explicit value wins, then the variable read at call time; empty strings count as unset', () => {
    expect(loadSetting(undefined, VARIABLE)).toBeUndefined();
    process.env[VARIABLE] = '';
    expect(loadSetting('', VARIABLE)).toBeUndefined();
    process.env[VARIABLE] = 'from-env';
    expect(loadSetting(undefined, VARIABLE)).toBe('from-env');
    expect(loadSetting('explicit', VARIABLE)).toBe('explicit');
  });

  it('a missing key is a non-retryable ProviderApiError naming the variable and the factory', () => {
    let caught: unknown;
    try {
      requireApiKey(undefined, VARIABLE, 'acme', 'createAcme');
    } catch (error) {
      caught = error;
    }
    expect(ProviderApiError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ provider: 'acme', status: null, isRetryable: false, message: `acme: no API key. Set ${VARIABLE}, or pass apiKey to createAcme() or to the model settings.` });
    process.env[VARIABLE] = 'sk-from-env';
    expect(requireApiKey(undefined, VARIABLE, 'acme', 'createAcme')).toBe('sk-from-env');
  });
});
