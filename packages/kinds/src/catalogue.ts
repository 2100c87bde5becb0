import { z } from 'zod';
import { Detections } from './detections/detections.js';
import { serializeDetections } from './detections/serialize-detections.js';
import { deserializeImage } from './image/deserialize-image.js';
import { serializeImage } from './image/serialize-image.js';
import { WorkflowImage } from './image/workflow-image.js';
import { defineKind, type Kind } from './kind.js';
import { maskSecret, serializeValue } from './serialize-value.js';

/** A deserializer that only checks the wire value against the kind's schema. */
function checkedBy<T>(schema: z.ZodType<T>, what: string) {
  return (value: unknown): T => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new TypeError(`expected ${what}`);
    return parsed.data;
  };
}

function valueKind<T>(name: string, description: string, types: [serialised: string, internal: string], schema: z.ZodType<T>, what: string): Kind<T> {
  return defineKind({ name, description, serialisedDataType: types[0], internalDataType: types[1], schema, deserialize: checkedBy(schema, what) });
}

const origin = z.object({ offset_x: z.number(), offset_y: z.number(), width: z.number(), height: z.number() });

export const imageWireSchema = z
  .object({
    type: z.enum(['base64', 'url', 'file']).describe('How `value` carries the image.'),
    value: z.string().describe('Base64 (optionally a data URL), an https URL, or (CLI only) a file path.'),
    parent_id: z.string().optional(),
    parent_origin: origin.optional(),
    root_parent_id: z.string().optional(),
    root_parent_origin: origin.optional(),
    video_metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ title: 'Image' });

export const detectionWireSchema = z.looseObject({
  width: z.number(),
  height: z.number(),
  x: z.number(),
  y: z.number(),
  confidence: z.number(),
  class_id: z.number().int(),
  class: z.string(),
  detection_id: z.string(),
  parent_id: z.string().optional(),
});

export const detectionsWireSchema = z
  .object({
    image: z.object({ width: z.number().nullable(), height: z.number().nullable() }),
    predictions: z.array(detectionWireSchema),
  })
  .meta({ title: 'Object detection prediction' });

export const classificationWireSchema = z.union([
  z.looseObject({
    image: z.object({ width: z.number(), height: z.number() }),
    predictions: z.array(z.object({ class: z.string(), class_id: z.number().int(), confidence: z.number() })),
    top: z.string(),
    confidence: z.number(),
    parent_id: z.string().optional(),
  }),
  z.looseObject({
    image: z.object({ width: z.number(), height: z.number() }),
    predictions: z.record(z.string(), z.object({ confidence: z.number(), class_id: z.number().int() })),
    predicted_classes: z.array(z.string()),
    parent_id: z.string().optional(),
  }),
]);

function detectionsKind(name: string, description: string): Kind<Detections> {
  return defineKind({
    name,
    description,
    serialisedDataType: 'dict',
    internalDataType: 'sv.Detections',
    schema: detectionsWireSchema,
    serialize: (value) => {
      if (!(value instanceof Detections)) throw new TypeError('expected Detections');
      return serializeDetections(value);
    },
  });
}

export const wildcardKind = defineKind<unknown>({
  name: '*',
  description: 'Equivalent of any element',
  serialisedDataType: 'Any',
  internalDataType: 'Any',
  serialize: serializeValue,
});

export const imageKind = defineKind<WorkflowImage>({
  name: 'image',
  description: 'Image in workflows',
  serialisedDataType: 'dict',
  internalDataType: 'WorkflowImageData',
  schema: imageWireSchema,
  serialize: (value) => {
    if (!(value instanceof WorkflowImage)) throw new TypeError('expected an image');
    return serializeImage(value);
  },
  deserialize: deserializeImage,
});

export const secretKind = defineKind<string>({
  name: 'secret',
  description: 'Secret value (a credential); masked whenever it is output',
  serialisedDataType: 'str',
  internalDataType: 'str',
  schema: z.string(),
  serialize: (value) => {
    if (typeof value !== 'string') throw new TypeError('expected a string secret');
    return maskSecret(value);
  },
});

const str = z.string();

export const stringKind = valueKind('string', 'String value', ['str', 'str'], str, 'a string');
export const languageModelOutputKind = valueKind('language_model_output', 'LLM / VLM output (raw text, possibly holding JSON)', ['str', 'str'], str, 'a string');
export const booleanKind = valueKind('boolean', 'Boolean flag', ['bool', 'bool'], z.boolean(), 'a boolean');
export const integerKind = valueKind('integer', 'Integer value', ['int', 'int'], z.number().int(), 'an integer');
export const floatKind = valueKind('float', 'Float value', ['float', 'float'], z.number(), 'a number');
export const floatZeroToOneKind = valueKind('float_zero_to_one', '`float` value in range `[0.0, 1.0]`', ['float', 'float'], z.number().min(0).max(1), 'a number from 0 to 1');
export const listOfValuesKind = valueKind('list_of_values', 'List of values of any type', ['List[Any]', 'List[Any]'], z.array(z.unknown()), 'a list');
export const dictionaryKind = valueKind('dictionary', 'Dictionary', ['dict', 'dict'], z.record(z.string(), z.unknown()), 'an object');
export const topClassKind = valueKind('top_class', 'String value representing top class predicted by classification model', ['str', 'str'], str, 'a string');
export const parentIdKind = valueKind('parent_id', 'Identifier of parent for step output', ['str', 'str'], str, 'a string');
export const inferenceIdKind = valueKind('inference_id', 'Inference identifier', ['str', 'str'], str, 'a string');
export const predictionTypeKind = valueKind('prediction_type', 'String value with type of prediction', ['str', 'str'], str, 'a string');
export const roboflowApiKeyKind = valueKind('roboflow_api_key', 'Roboflow API key', ['str', 'str'], z.string().nullable(), 'a string');
export const roboflowManagedKeyKind = valueKind('ROBOFLOW_MANAGED_KEY', 'Roboflow-managed third-party credential', ['str', 'str'], z.string().nullable(), 'a string');
export const roboflowModelIdKind = valueKind('roboflow_model_id', 'Roboflow model id', ['str', 'str'], str, 'a string');
export const roboflowProjectKind = valueKind('roboflow_project', 'Roboflow project name', ['str', 'str'], str, 'a string');
export const imageMetadataKind = defineKind<Record<string, unknown>>({
  name: 'image_metadata',
  description: 'Dictionary with image metadata required by supervision',
  serialisedDataType: 'dict',
  internalDataType: 'dict',
  schema: z.object({ width: z.number().nullable(), height: z.number().nullable() }),
});
export const classificationPredictionKind = valueKind(
  'classification_prediction',
  'Predictions from a classifier (multi-class or multi-label)',
  ['dict', 'dict'],
  classificationWireSchema,
  'a classification prediction',
);
export const embeddingKind = defineKind<number[]>({ name: 'embedding', description: 'A list of floating point numbers representing a vector embedding', serialisedDataType: 'List[float]', internalDataType: 'List[float]', schema: z.array(z.number()) });
export const bytesKind = defineKind<Uint8Array>({
  name: 'bytes',
  description: 'Raw bytes (base64 on the wire)',
  serialisedDataType: 'str',
  internalDataType: 'bytes',
  schema: z.string(),
  serialize: (value) => Buffer.from(value).toString('base64'),
  deserialize: (value) => {
    if (typeof value !== 'string') throw new TypeError('expected base64 text');
    return Buffer.from(value, 'base64');
  },
});
export const timestampKind = defineKind<Date>({
  name: 'timestamp',
  description: 'Date and time',
  serialisedDataType: 'str',
  internalDataType: 'datetime',
  schema: z.string(),
  serialize: (value) => value.toISOString(),
  deserialize: (value) => {
    const date = typeof value === 'string' ? new Date(value) : undefined;
    if (!date || Number.isNaN(date.getTime())) throw new TypeError('expected an ISO date');
    return date;
  },
});
export const objectDetectionPredictionKind = detectionsKind('object_detection_prediction', 'Prediction with detected bounding boxes in form of sv.Detections(...) object');
export const instanceSegmentationPredictionKind = detectionsKind('instance_segmentation_prediction', 'Prediction with detected bounding boxes and segmentation masks');
export const keypointDetectionPredictionKind = detectionsKind('keypoint_detection_prediction', 'Prediction with detected bounding boxes and keypoints');
export const qrCodeDetectionKind = detectionsKind('qr_code_detection', 'Prediction with QR code detection');
export const barCodeDetectionKind = detectionsKind('bar_code_detection', 'Prediction with barcode detection');

const plain = (name: string, description: string, serialised: string, internal: string): Kind =>
  defineKind({ name, description, serialisedDataType: serialised, internalDataType: internal });

/** Kinds that exist for compatibility with Roboflow definitions; no first-party block produces them yet. */
export const compatibilityKinds: Kind[] = [
  plain('video_metadata', 'Video image metadata', 'dict', 'VideoMetadata'),
  plain('roboflow_solution', 'Roboflow Vision Events use-case id', 'str', 'str'),
  plain('rgb_color', 'RGB colour', 'Tuple[int, int, int]', 'Tuple[int, int, int]'),
  plain('image_keypoints', 'Image keypoints detected by classical Computer Vision method', 'dict', 'dict'),
  plain('serialised_payloads', 'Serialised element that is usually accepted by sink', 'List[Union[str, dict]]', 'List[Union[str, bytes, dict]]'),
  plain('detections_overlaps', 'List of overlaps between detections', 'List[Dict]', 'List[Dict]'),
  plain('detection', 'Single element of detections-based prediction', 'Tuple', 'Tuple'),
  plain('point', 'Single point in 2D', 'Tuple[int, int]', 'Tuple[int, int]'),
  plain('labeled_points', 'Points with positive / negative labels', 'List[Dict]', 'List[Dict]'),
  plain('contours', 'List of numpy arrays where each array represents contour points', 'List[list]', 'List[np.ndarray]'),
  plain('zone', 'Definition of polygon zone', 'List[Tuple[int, int]]', 'List[Tuple[int, int]]'),
  plain('numpy_array', 'Numpy array', 'list', 'np.ndarray'),
  plain('rle_instance_segmentation_prediction', 'Prediction with bounding boxes and RLE-encoded masks', 'dict', 'sv.Detections'),
  plain('semantic_segmentation_prediction', 'Semantic segmentation prediction', 'dict', 'sv.Detections'),
];

/** Every kind registered by the core: the reference catalogue (§3.2). */
export const coreKinds: Kind[] = [
  wildcardKind,
  imageKind,
  stringKind,
  languageModelOutputKind,
  booleanKind,
  integerKind,
  floatKind,
  floatZeroToOneKind,
  listOfValuesKind,
  dictionaryKind,
  topClassKind,
  parentIdKind,
  inferenceIdKind,
  predictionTypeKind,
  imageMetadataKind,
  classificationPredictionKind,
  objectDetectionPredictionKind,
  instanceSegmentationPredictionKind,
  keypointDetectionPredictionKind,
  qrCodeDetectionKind,
  barCodeDetectionKind,
  secretKind,
  roboflowApiKeyKind,
  roboflowManagedKeyKind,
  roboflowModelIdKind,
  roboflowProjectKind,
  embeddingKind,
  bytesKind,
  timestampKind,
  ...compatibilityKinds,
];
