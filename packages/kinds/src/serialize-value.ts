import { Detections } from './detections/detections.js';
import { floatFieldsOf, markFloatFields } from './json/float-fields.js';
import { serializeDetections } from './detections/serialize-detections.js';
import { serializeImage } from './image/serialize-image.js';
import { WorkflowImage } from './image/workflow-image.js';

/**
 * Serialises any runtime value for the wildcard kind: images and detections take their wire forms,
 * dates become ISO strings, bytes become base64, containers are walked (keeping their float marks);
 * everything else passes through.
 */
export function serializeValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof WorkflowImage) return serializeImage(value);
  if (value instanceof Detections) return serializeDetections(value);
  if (Array.isArray(value)) return keepFloatFields(value, value.map(serializeValue));
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (value instanceof Map) return Object.fromEntries([...value].map(([key, item]) => [String(key), serializeValue(item)]));
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // A key named "__proto__" (a class name, say) must stay a key, not set the copy's prototype.
    if (key === '__proto__') Object.defineProperty(result, key, { value: serializeValue(item), enumerable: true, writable: true, configurable: true });
    else result[key] = serializeValue(item);
  }
  return keepFloatFields(value, result);
}

/** A copy keeps the float fields marked on its original (a block's classification, say). */
function keepFloatFields<T extends object>(original: object, copy: T): T {
  const floats = floatFieldsOf(original);
  return floats === undefined ? copy : markFloatFields(copy, floats);
}

/** Masks a credential the way the reference does: short ones fully, longer ones keep two characters each side. */
export function maskSecret(secret: string): string {
  if (secret.length < 8) return '********';
  return `${secret.slice(0, 2)}********${secret.slice(-2)}`;
}
