import type { JsonSchema } from '@flow/providers-core';

/** A string limited to the given class names (no enum when there are none: an empty enum matches nothing). */
function classNameSchema(classes: readonly string[]): JsonSchema {
  const names = [...new Set(classes)];
  return names.length > 0 ? { type: 'string', enum: names } : { type: 'string' };
}

const closedObject = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

/** `{"class_name", "confidence"}`: what `vlm_as_classifier` reads as a single-label answer. */
export function classificationSchema(classes: readonly string[]): JsonSchema {
  return closedObject({ class_name: classNameSchema(classes), confidence: { type: 'number' } });
}

/** `{"predicted_classes": [{"class", "confidence"}]}`: what `vlm_as_classifier` reads as a multi-label answer. */
export function multiLabelSchema(classes: readonly string[]): JsonSchema {
  return closedObject({ predicted_classes: { type: 'array', items: closedObject({ class: classNameSchema(classes), confidence: { type: 'number' } }) } });
}

/** One field per key of `output_structure`, described by its value; a field holds a string, number or boolean. */
export function structuredAnswerSchema(structure: Record<string, string>): JsonSchema {
  const properties = Object.fromEntries(
    Object.entries(structure).map(([key, description]) => [key, { description: String(description), anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] }]),
  );
  return closedObject(properties);
}

/** `{"detections": [{x_min, y_min, x_max, y_max, class_name, confidence}]}` with coordinates in 0-1. */
export function normalizedDetectionsSchema(classes: readonly string[]): JsonSchema {
  const box = Object.fromEntries(['x_min', 'y_min', 'x_max', 'y_max'].map((key) => [key, { type: 'number' }]));
  return closedObject({ detections: { type: 'array', items: closedObject({ ...box, class_name: classNameSchema(classes), confidence: { type: 'number' } }) } });
}

const box2d = (bounds: { minimum?: number; maximum?: number } = {}): JsonSchema => ({
  type: 'array',
  items: { type: 'integer', ...bounds },
  minItems: 4,
  maxItems: 4,
});

/** `{"detections": [{label, box_2d}]}` with absolute pixel corners (OpenAI v5 structured-absolute). */
export function absoluteDetectionsSchema(classes: readonly string[]): JsonSchema {
  return closedObject({ detections: { type: 'array', items: closedObject({ label: classNameSchema(classes), box_2d: box2d() }) } });
}

/** A list of `{box_2d, label}` with `[y_min, x_min, y_max, x_max]` in 0-1000 (Gemini v4), box first. */
export function geminiBoxesSchema(classes: readonly string[]): JsonSchema {
  return {
    type: 'array',
    items: { ...closedObject({ box_2d: box2d({ minimum: 0, maximum: 1000 }), label: classNameSchema(classes) }), propertyOrdering: ['box_2d', 'label'] },
  };
}
