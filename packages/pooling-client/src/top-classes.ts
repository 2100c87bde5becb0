import type { ClassificationData } from './wire/classify.js';

export interface RankedClass {
  /** Class position in `probs`. */
  index: number;
  /** From `labels` when given, else the server's label for the argmax class, else `null`. */
  label: string | null;
  /** The value from `probs` (a probability, or a logit with `use_activation: false`). */
  score: number;
}

/**
 * Classes of one result, best first. vLLM only names the argmax class (from the model's `id2label`); pass
 * `labels` (a list or an `id2label` map) to name them all.
 */
export function topClasses(
  result: ClassificationData,
  options: { k?: number; labels?: readonly (string | null)[] | Record<number, string> } = {},
): RankedClass[] {
  let best = 0;
  result.probs.forEach((score, index) => {
    if (score > (result.probs[best] ?? -Infinity)) best = index;
  });
  const labelOf = (index: number): string | null => {
    const fromOption = options.labels === undefined ? undefined : (options.labels as Record<number, string | null>)[index];
    if (fromOption !== undefined) return fromOption;
    return index === best ? result.label : null;
  };
  return result.probs
    .map((score, index) => ({ index, label: labelOf(index), score }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, options.k ?? result.probs.length);
}
