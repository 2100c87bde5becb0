/** The class id the reference gives a fallback class when none (or a negative one) is set: Python's `sys.maxsize`. */
export const fallbackClassIdWhenUnset = 9223372036854775807;

export type LeadingClass = [className: string, classId: number, confidence: number];

type ClassEntry = { class?: string; class_id?: number; confidence?: number };

function fallback(className: string | null | undefined, classId: number | null | undefined): LeadingClass | null {
  if (!className) return null;
  const id = typeof classId === 'number' && Number.isFinite(classId) ? Math.trunc(classId) : null;
  return [className, id === null || id < 0 ? fallbackClassIdWhenUnset : id, 0];
}

/**
 * The class a classification result gives a detection (reference `extract_leading_class_from_prediction`):
 * a string is itself (id 0, confidence 1); a list, its first string; a single-label result, its `top`
 * class; a multi-label result, the class with the highest confidence. An empty result gives the fallback
 * class when there is one, else null.
 */
export function extractLeadingClass(prediction: unknown, fallbackClassName?: string | null, fallbackClassId?: number | null): LeadingClass | null {
  if (typeof prediction === 'string') return [prediction, 0, 1];
  if (Array.isArray(prediction)) {
    if (prediction.length === 0) return fallback(fallbackClassName, fallbackClassId);
    return typeof prediction[0] === 'string' ? [prediction[0], 0, 1] : null;
  }
  const result = prediction as Record<string, unknown>;
  if ('top' in result) {
    const predictions = result.predictions as ClassEntry[] | undefined;
    if (!predictions || predictions.length === 0) return fallback(fallbackClassName, fallbackClassId);
    const matching = predictions.filter((entry) => entry.class === result.top);
    if (matching.length !== 1) throw new Error(`Could not resolve class id for prediction: ${JSON.stringify(result)}`);
    return [result.top as string, matching[0]!.class_id as number, matching[0]!.confidence as number];
  }
  const predicted = (result.predicted_classes as unknown[] | undefined) ?? [];
  if (predicted.length === 0) return null;
  let best: LeadingClass | null = null;
  for (const [className, entry] of Object.entries((result.predictions ?? {}) as Record<string, ClassEntry>)) {
    if (best === null || best[2] < (entry.confidence as number)) best = [className, entry.class_id as number, entry.confidence as number];
  }
  return best === null || !best[2] ? null : best;
}
