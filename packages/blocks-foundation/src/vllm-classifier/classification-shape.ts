import { randomUUID } from 'node:crypto';
import type { ClassificationData } from '@flow/pooling-client';

/** Where a prediction came from: the image's size and lineage, or none for a text. */
export interface PredictionOrigin {
  image: { width: number; height: number };
  parentId: string | null;
  rootParentId: string | null;
}

export interface ClassNaming {
  /** Class names in the model's label order; unnamed positions fall back as below. */
  classes?: readonly string[] | null;
}

/** `classes[i]`, else vLLM's label for the argmax class, else `class_<i>`. */
function nameOf(index: number, best: number, result: ClassificationData, naming: ClassNaming): string {
  const given = naming.classes?.[index];
  if (given !== undefined) return given;
  if (index === best && result.label !== null) return result.label;
  return `class_${index}`;
}

function argmax(probs: readonly number[]): number {
  let best = 0;
  probs.forEach((score, index) => {
    if (score > probs[best]!) best = index;
  });
  return best;
}

/** A single-label prediction in the reference classification shape: every class, best first. */
export function singleLabelPrediction(result: ClassificationData, origin: PredictionOrigin, naming: ClassNaming) {
  const best = argmax(result.probs);
  const predictions = result.probs
    .map((confidence, index) => ({ class: nameOf(index, best, result, naming), class_id: index, confidence }))
    .sort((a, b) => b.confidence - a.confidence || a.class_id - b.class_id);
  return {
    image: origin.image,
    predictions,
    top: predictions[0]?.class ?? '',
    confidence: predictions[0]?.confidence ?? 0,
    prediction_type: 'classification',
    parent_id: origin.parentId,
    root_parent_id: origin.rootParentId,
    inference_id: randomUUID(),
  };
}

/** A multi-label prediction: every class by name, and those at or above the threshold as `predicted_classes`. */
export function multiLabelPrediction(result: ClassificationData, origin: PredictionOrigin, naming: ClassNaming, confidenceThreshold: number) {
  const best = argmax(result.probs);
  const predictions: Record<string, { class_id: number; confidence: number }> = {};
  const predicted: string[] = [];
  result.probs.forEach((confidence, index) => {
    const name = nameOf(index, best, result, naming);
    predictions[name] = { class_id: index, confidence };
    if (confidence >= confidenceThreshold) predicted.push(name);
  });
  return {
    image: origin.image,
    predictions,
    predicted_classes: predicted,
    prediction_type: 'classification',
    parent_id: origin.parentId,
    root_parent_id: origin.rootParentId,
    inference_id: randomUUID(),
  };
}
