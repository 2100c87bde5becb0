import { formattersPack } from '@flow/blocks-formatters';
import { createEngine } from '@flow/engine';
import { createProviderRegistry, type Provider, type ProviderRegistry } from '@flow/providers-core';
import type { FakeVendor, RecordedRequest } from '@flow/testing';
import { vendorPack } from './workflows.js';

export const goldenEngine = createEngine({ packs: [vendorPack, formattersPack] });

/** The real provider against a fake: no retries (faults are asserted as they come), no cache, no env. */
export function registryFor(providers: Record<string, Provider>, options: { maxRetries?: number } = {}): ProviderRegistry {
  return createProviderRegistry(providers, { env: {}, cache: false, maxRetries: options.maxRetries ?? 0, backoff: { initialDelayMs: 1, maxDelayMs: 2 } });
}

export function lastRequest(fake: FakeVendor): RecordedRequest & { json: Record<string, any> } {
  const request = fake.requests.at(-1);
  if (!request) throw new Error('the fake received no request');
  return request as RecordedRequest & { json: Record<string, any> };
}

/** image -> model step -> (for detection) vlm_as_detector@v2, or (for classification) vlm_as_classifier@v2. */
export function chainedWorkflow(type: string, properties: Record<string, unknown>, parser?: { type: string; properties: Record<string, unknown> }) {
  return {
    version: '1.0',
    inputs: [{ type: 'WorkflowImage', name: 'image' }],
    steps: [
      { type, name: 'model', images: '$inputs.image', ...properties },
      ...(parser ? [{ type: parser.type, name: 'parser', image: '$inputs.image', vlm_output: '$steps.model.output', ...parser.properties }] : []),
    ],
    outputs: [
      { type: 'JsonField', name: 'output', selector: '$steps.model.output' },
      ...(parser ? [{ type: 'JsonField', name: 'parsed', selector: '$steps.parser.*' }] : []),
    ],
  };
}

export function dataUrlMediaType(url: string): string | undefined {
  return /^data:([^;]+);base64,/.exec(url)?.[1];
}
