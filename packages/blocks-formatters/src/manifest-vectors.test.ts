import { describe, expect, it } from 'vitest';
import { formattersPack } from './pack.js';
import { loadFixture } from './test-support/vectors.js';

interface ManifestVector {
  name: string;
  manifest: Record<string, unknown> & { type: string };
  valid: boolean;
  error_message?: string;
}

// The detector / classifier entries of the shared manifest_validation.json (the copy keeps only those).
const vectors = loadFixture<ManifestVector[]>('manifest_validation.json');

describe('manifest_validation.json (detector and classifier entries)', () => {
  it('holds every detector and classifier entry', () => {
    expect(vectors.length).toBe(144);
  });

  it.each(vectors.map((vector, index) => ({ ...vector, label: `${index}: ${vector.manifest.type} ${vector.valid ? 'accepts' : 'rejects'} ${JSON.stringify(vector.manifest)}` })))('$label', (vector) => {
    const { type, name, ...properties } = vector.manifest;
    expect(typeof name).toBe('string');
    const block = formattersPack.blocks.find((candidate) => candidate.type === type);
    expect(block, `a block for ${type}`).toBeDefined();
    const parsed = block!.manifest.safeParse(properties);
    expect(parsed.success).toBe(vector.valid);
    if (!parsed.success && vector.error_message !== undefined) {
      // The reference reports the first broken rule only.
      expect(parsed.error.issues.map((issue: { message: string }) => issue.message)).toEqual([vector.error_message]);
    }
  });

  it('exposes exactly the four block types', () => {
    expect(formattersPack.blocks.map((block) => block.type)).toEqual([
      'roboflow_core/vlm_as_detector@v1',
      'roboflow_core/vlm_as_detector@v2',
      'roboflow_core/vlm_as_classifier@v1',
      'roboflow_core/vlm_as_classifier@v2',
    ]);
  });
});
