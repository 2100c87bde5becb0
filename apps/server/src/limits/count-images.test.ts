import { createEngine } from '@flow/engine';
import { testBlocksPack } from '@flow/engine/testing';
import { describe, expect, it } from 'vitest';
import { countRequestImages } from './count-images.js';

const engine = createEngine({ packs: [testBlocksPack] });

describe('countRequestImages', () => {
  it('counts the images of nested batch inputs, so a list of lists cannot slip past the image limit', () => {
    const workflow = engine.compile({
      version: '1.0',
      inputs: [
        { type: 'WorkflowImage', name: 'image' },
        { type: 'WorkflowBatchInput', name: 'crops', kind: ['image'], dimensionality: 2 },
        { type: 'WorkflowParameter', name: 'prompt' },
      ],
      steps: [],
      outputs: [],
    });
    expect(countRequestImages(workflow, { image: ['a', 'b'], crops: [['c', 'd', 'e'], [], ['f']], prompt: ['x', 'y'] })).toBe(6);
    expect(countRequestImages(workflow, { image: 'a', crops: [['c']] })).toBe(2);
  });
});
