import { describe, expect, it } from 'vitest';
import { loadServerConfig, mergeServerConfig, ServerConfigError } from './config.js';

describe('loadServerConfig', () => {
  it('has production defaults when nothing is set', () => {
    const config = loadServerConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 9001,
      plugins: [],
      workflowsDir: undefined,
      maxConcurrentSteps: 8,
      compiledCacheSize: 256,
      enableProfiling: false,
      logSync: true,
      urlImages: { enabled: true, allowHttp: false, allowPrivateAddresses: false, maxRedirects: 3 },
    });
  });

  it('reads every variable it documents', () => {
    const config = loadServerConfig({
      HOST: '0.0.0.0',
      PORT: '8080',
      FLOW_PLUGINS: 'pack-a, ./local-pack ,',
      FLOW_WORKFLOWS_DIR: '/srv/workflows',
      FLOW_BODY_LIMIT_BYTES: '1_048_576',
      FLOW_MAX_IMAGES_PER_REQUEST: '4',
      FLOW_REQUEST_TIMEOUT_MS: '5000',
      FLOW_MAX_CONCURRENT_RUNS: '2',
      FLOW_MAX_QUEUED_RUNS: '0',
      FLOW_ALLOW_PRIVATE_URLS: 'true',
      FLOW_ALLOW_HTTP_URLS: 'yes',
      FLOW_ENABLE_PROFILING: '1',
      FLOW_LOG_SYNC: 'false',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      plugins: ['pack-a', './local-pack'],
      workflowsDir: '/srv/workflows',
      logSync: false,
      bodyLimitBytes: 1_048_576,
      maxImagesPerRequest: 4,
      requestTimeoutMs: 5000,
      maxConcurrentRuns: 2,
      maxQueuedRuns: 0,
      enableProfiling: true,
      urlImages: { allowPrivateAddresses: true, allowHttp: true },
    });
  });

  it('names every bad variable and its value in one error', () => {
    const error = (() => {
      try {
        loadServerConfig({ PORT: 'eighty', FLOW_ALLOW_PRIVATE_URLS: 'maybe', FLOW_MAX_CONCURRENT_RUNS: '0' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ServerConfigError);
    const message = (error as ServerConfigError).message;
    expect(message).toContain('PORT: expected an integer from 0 to 65535, got "eighty"');
    expect(message).toContain('FLOW_ALLOW_PRIVATE_URLS: expected true or false (got "maybe")');
    expect(message).toContain('FLOW_MAX_CONCURRENT_RUNS');
  });

  it('merges code overrides over the environment, URL settings field by field', () => {
    const merged = mergeServerConfig(loadServerConfig({ FLOW_URL_MAX_BYTES: '2048' }), { port: 0, urlImages: { allowHttp: true } });
    expect(merged.port).toBe(0);
    expect(merged.urlImages).toMatchObject({ allowHttp: true, maxBytes: 2048, allowPrivateAddresses: false });
  });
});
