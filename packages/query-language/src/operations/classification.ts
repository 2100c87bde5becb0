import { InvalidInputTypeError, OperationError } from '../errors.js';
import { isPlainObject, pythonClass, safeStringify } from '../python/values.js';
import type { ClassificationProperty } from '../schemas/enums.js';
import type { OperationScope } from './operation-scope.js';

type Prediction = Record<string, unknown>;
type ClassEntry = { class?: unknown; class_id?: unknown; confidence?: unknown };

function entryOf(prediction: Prediction, className: unknown): ClassEntry {
  const predictions = prediction.predictions as Record<string, ClassEntry> | undefined;
  const entry = typeof className === 'string' && predictions ? predictions[className] : undefined;
  if (entry === undefined) throw new Error(`class ${safeStringify(className)} is not among the predictions`);
  return entry;
}

function topClassConfidences(prediction: Prediction): unknown[] {
  const predicted = (prediction.predicted_classes as unknown[] | undefined) ?? [];
  return predicted.map((className) => entryOf(prediction, className).confidence);
}

/** Class entries ordered by class id (multi-label predictions are a dict keyed by class name). */
function entriesByClassId(prediction: Prediction): Array<[string, ClassEntry]> {
  const predictions = prediction.predictions as Record<string, ClassEntry>;
  const byId = new Map<unknown, [string, ClassEntry]>();
  for (const [name, entry] of Object.entries(predictions)) byId.set(entry.class_id, [name, entry]);
  return [...byId.entries()].sort(([a], [b]) => (a as number) - (b as number)).map(([, pair]) => pair);
}

const extractors: Record<ClassificationProperty, (prediction: Prediction) => unknown> = {
  top_class: (prediction) => ('top' in prediction ? prediction.top : (prediction.predicted_classes ?? [])),
  top_class_confidence: (prediction) => ('confidence' in prediction ? prediction.confidence : topClassConfidences(prediction)),
  top_class_confidence_single: (prediction) => {
    if ('confidence' in prediction) return prediction.confidence;
    const confidences = topClassConfidences(prediction) as number[];
    return confidences.length === 0 ? 0 : Math.max(...confidences);
  },
  all_classes: (prediction) => {
    if (!('predictions' in prediction)) throw new Error("'predictions'");
    if (Array.isArray(prediction.predictions)) return (prediction.predictions as ClassEntry[]).map((entry) => entry.class);
    return entriesByClassId(prediction).map(([name]) => name);
  },
  all_confidences: (prediction) => {
    if (!('predictions' in prediction)) throw new Error("'predictions'");
    if (Array.isArray(prediction.predictions)) return (prediction.predictions as ClassEntry[]).map((entry) => entry.confidence);
    return entriesByClassId(prediction).map(([, entry]) => entry.confidence);
  },
};

/** A property of a classification prediction in its wire form (single- or multi-label). */
export function extractClassificationProperty(value: unknown, property: ClassificationProperty, scope: OperationScope): unknown {
  if (!isPlainObject(value)) {
    throw new InvalidInputTypeError({
      message: `Executing extract_classification_property(...), expected classification results object, got ${safeStringify(value)} of type ${pythonClass(value)}`,
      context: scope.context,
    });
  }
  try {
    return extractors[property](value);
  } catch (error) {
    throw new OperationError({
      message: `Executing extract_classification_property(...) in context ${scope.context}, the classification result has no ${property}: ${(error as Error).message}`,
      context: scope.context,
      cause: error,
    });
  }
}
