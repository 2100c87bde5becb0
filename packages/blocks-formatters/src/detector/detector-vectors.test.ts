import { describe, expect, it } from 'vitest';
import { blockContext } from '../test-support/block-context.js';
import { testImage } from '../test-support/test-image.js';
import { expectDetectionsMatch, expectMatches, loadFixture, type ComputedDetections, type VectorImage } from '../test-support/vectors.js';
import { vlmAsDetectorV1 } from './v1.js';
import { vlmAsDetectorV2 } from './v2.js';

interface DetectorVector {
  name: string;
  block: string;
  model_type: string;
  task_type: string;
  classes: string[] | null;
  image: VectorImage;
  vlm_output: string;
  computed: { error_status: boolean; inference_id: string; predictions: ComputedDetections | null };
}

const files = [
  { file: 'vlm_as_detector_v1.json', block: vlmAsDetectorV1 },
  { file: 'vlm_as_detector_v2.json', block: vlmAsDetectorV2 },
];

describe.each(files)('$file reproduces the reference', ({ file, block }) => {
  const vectors = loadFixture<DetectorVector[]>(file);

  it('has the expected number of entries', () => {
    expect(vectors.length).toBe(file.endsWith('v1.json') ? 9 : 17);
  });

  it.each(vectors.map((vector, index) => ({ ...vector, label: `${index}: ${vector.name} (${vector.model_type}, ${vector.task_type})` })))('$label', async (vector) => {
    expect(vector.block).toBe(block.type);
    const context = blockContext(block.type);
    const result = (await block.run(
      {
        image: testImage(vector.image.width, vector.image.height, vector.image.parent_id),
        vlm_output: vector.vlm_output,
        classes: vector.classes,
        model_type: vector.model_type as never,
        task_type: vector.task_type as never,
      },
      context,
    )) as Record<string, unknown>;

    expect(Object.keys(result).sort()).toEqual(['error_status', 'inference_id', 'predictions']);
    expect(result.error_status).toBe(vector.computed.error_status);
    const bindings = expectMatches(result.inference_id, vector.computed.inference_id);
    if (vector.computed.predictions === null) {
      expect(result.predictions).toBeNull();
      expect(context.warnings).toHaveLength(1);
    } else {
      expectDetectionsMatch(result.predictions as never, vector.computed.predictions, bindings);
    }
    expect(context.warnings.filter((warning) => warning.fields?.unexpected)).toEqual([]);
  });
});
