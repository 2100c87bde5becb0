import { makePng } from '@flow/testing';
import type { FastifyInstance } from 'fastify';
import type { ServerConfigOverrides } from '../config.js';
import { createServer, type CreateServerOptions } from '../create-server.js';
import { serverTestPack } from './test-blocks.js';

export const pngBase64 = makePng(8, 6).toString('base64');

/** A server over the test pack with logging off and no process metrics, unless told otherwise. */
export async function createTestServer(config: ServerConfigOverrides = {}, options: Omit<CreateServerOptions, 'config'> = {}): Promise<FastifyInstance> {
  return createServer({ env: {}, packs: [serverTestPack], logDestination: false, ...options, config: { collectDefaultMetrics: false, ...config } });
}

export const upperWorkflow = {
  version: '1.0',
  inputs: [{ type: 'WorkflowParameter', name: 'text' }],
  steps: [{ type: 'test/upper@v1', name: 'upper', text: '$inputs.text' }],
  outputs: [{ type: 'JsonField', name: 'result', selector: '$steps.upper.text' }],
};

export const imageWorkflow = {
  version: '1.0',
  inputs: [
    { type: 'WorkflowImage', name: 'image' },
    { type: 'WorkflowParameter', name: 'label', default_value: 'thing' },
  ],
  steps: [
    { type: 'test/image_size@v1', name: 'size', image: '$inputs.image' },
    { type: 'test/box@v1', name: 'box', image: '$inputs.image', text: '$inputs.label', class_name: '$inputs.label' },
  ],
  outputs: [
    { type: 'JsonField', name: 'width', selector: '$steps.size.width' },
    { type: 'JsonField', name: 'height', selector: '$steps.size.height' },
    { type: 'JsonField', name: 'predictions', selector: '$steps.box.predictions' },
  ],
};

export function waitWorkflow(milliseconds: number, block: 'wait' | 'stubborn_wait' = 'wait') {
  return {
    version: '1.0',
    inputs: [{ type: 'WorkflowParameter', name: 'value' }],
    steps: [{ type: block === 'wait' ? 'test/wait@v1' : 'servertest/stubborn_wait@v1', name: 'wait', value: '$inputs.value', milliseconds }],
    outputs: [{ type: 'JsonField', name: 'value', selector: '$steps.wait.value' }],
  };
}

export const failWorkflow = {
  version: '1.0',
  inputs: [{ type: 'WorkflowParameter', name: 'value' }],
  // An API key and a path in the message, for the masking tests.
  steps: [{ type: 'test/fail@v1', name: 'explode', value: '$inputs.value', message: 'upstream said no for https://api.example/v1?api_key=abcdefghijkl at /srv/secret/path' }],
  outputs: [{ type: 'JsonField', name: 'value', selector: '$steps.explode.value' }],
};

export function secretWorkflow({ fail = false } = {}) {
  return {
    version: '1.0',
    inputs: [{ type: 'WorkflowParameter', name: 'openai_key' }],
    steps: [{ type: 'servertest/use_secret@v1', name: 'model', key: '$inputs.openai_key', fail }],
    outputs: [
      { type: 'JsonField', name: 'key', selector: '$steps.model.key' },
      { type: 'JsonField', name: 'length', selector: '$steps.model.length' },
    ],
  };
}
