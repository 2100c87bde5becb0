import { describe, expect, it } from 'vitest';
import { blockContext } from '../test-support/block-context.js';
import { testImage } from '../test-support/test-image.js';
import { expectMatches, loadFixture, type VectorImage } from '../test-support/vectors.js';
import { vlmAsClassifierV1 } from './v1.js';
import { vlmAsClassifierV2 } from './v2.js';

interface ClassifierVector {
  name: string;
  block: string;
  classes: string[];
  image: VectorImage;
  vlm_output: string;
  computed: Record<string, unknown>;
}

const files = [
  { file: 'vlm_as_classifier_v1.json', block: vlmAsClassifierV1 },
  { file: 'vlm_as_classifier_v2.json', block: vlmAsClassifierV2 },
];

describe.each(files)('$file reproduces the reference', ({ file, block }) => {
  const vectors = loadFixture<ClassifierVector[]>(file);

  it('has the expected number of entries', () => {
    expect(vectors.length).toBe(10);
  });

  it.each(vectors.map((vector, index) => ({ ...vector, label: `${index}: ${vector.name}` })))('$label', async (vector) => {
    expect(vector.block).toBe(block.type);
    const context = blockContext(block.type);
    const result = await block.run(
      { image: testImage(vector.image.width, vector.image.height, vector.image.parent_id), vlm_output: vector.vlm_output, classes: vector.classes },
      context,
    );
    // Whole output, key order included (the multi-label `predictions` object too).
    expectMatches(result, vector.computed);
    expect(context.warnings.filter((warning) => warning.fields?.unexpected)).toEqual([]);
  });
});
