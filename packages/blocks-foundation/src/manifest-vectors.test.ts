import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foundationPack } from './pack.js';

interface ManifestVector {
  name: string;
  manifest: Record<string, unknown> & { type: string };
  valid: boolean;
  error_message_contains?: string;
  shadowed_by_later_definition?: boolean;
}

// The LMM / LMM-for-classification / Llama entries of the shared manifest_validation.json.
const all = JSON.parse(readFileSync(new URL('./__fixtures__/manifest_validation.json', import.meta.url), 'utf8')) as ManifestVector[];
// Upstream never runs the shadowed cases (pytest keeps only the last function of a name); their expectations are not authoritative.
const vectors = all.filter((vector) => !vector.shadowed_by_later_definition);

function blockFor(type: string) {
  return foundationPack.blocks.find((candidate) => candidate.type === type || candidate.aliases?.includes(type));
}

/** The compiler's renaming of property aliases (`withCanonicalNames` in the engine's compile step). */
function withCanonicalNames(properties: Record<string, unknown>, aliases: Readonly<Record<string, string>> | undefined): Record<string, unknown> {
  const renamed = { ...properties };
  for (const [alias, name] of Object.entries(aliases ?? {})) {
    if (Object.hasOwn(renamed, alias) && !Object.hasOwn(renamed, name)) {
      renamed[name] = renamed[alias];
      delete renamed[alias];
    }
  }
  return renamed;
}

describe('manifest_validation.json (LMM, LMM for classification, Llama entries)', () => {
  it('holds the entries', () => {
    expect(all.length).toBe(76);
    expect(vectors.length).toBe(66);
  });

  it.each(vectors.map((vector, index) => ({ ...vector, label: `${index}: ${vector.manifest.type} ${vector.valid ? 'accepts' : 'rejects'} ${JSON.stringify(vector.manifest)}` })))('$label', (vector) => {
    const { type, name, ...properties } = vector.manifest;
    expect(typeof name).toBe('string');
    const block = blockFor(type);
    expect(block, `a block for ${type}`).toBeDefined();
    // As the compiler does: a property alias (`image` for `images`) is renamed before the manifest checks it.
    const parsed = block!.manifest.safeParse(withCanonicalNames(properties, block!.propertyAliases));
    expect(parsed.success).toBe(vector.valid);
    if (!parsed.success && vector.error_message_contains !== undefined) {
      expect(parsed.error.issues.map((issue: { message: string }) => issue.message).join('\n')).toContain(vector.error_message_contains);
    }
  });

  it('classes: [] is accepted (List[str] takes an empty list; the upstream case saying otherwise never runs)', () => {
    expect(blockFor('LMMForClassification')!.manifest.safeParse({ images: '$inputs.image', lmm_type: 'gpt_4v', classes: [] }).success).toBe(true);
  });
});
