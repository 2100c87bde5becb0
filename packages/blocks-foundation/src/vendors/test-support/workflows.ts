import { createEngine, defineBlockPack } from '@flow/engine';
import { makePng } from '@flow/testing';
import { vendorBlocks } from '../index.js';

export const vendorPack = defineBlockPack({ name: 'vendors-under-test', blocks: [...vendorBlocks] });

export function engineWith(...extraPacks: Parameters<typeof defineBlockPack>[0][]) {
  return createEngine({ packs: [vendorPack, ...extraPacks.map((pack) => defineBlockPack(pack))] });
}

/** A one-step workflow: the image (and an optional key parameter) into `type` with `properties`. */
export function oneStepWorkflow(type: string, properties: Record<string, unknown>) {
  return {
    version: '1.0',
    inputs: [{ type: 'WorkflowImage', name: 'image' }],
    steps: [{ type, name: 'model', images: '$inputs.image', ...properties }],
    outputs: [
      { type: 'JsonField', name: 'output', selector: '$steps.model.output' },
      { type: 'JsonField', name: 'classes', selector: '$steps.model.classes' },
    ],
  };
}

export function pngImage(width: number, height: number) {
  return { type: 'base64', value: Buffer.from(makePng(width, height)).toString('base64') };
}
