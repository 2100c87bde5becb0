import { Detections } from './detections/detections.js';
import { serializeDetections } from './detections/serialize-detections.js';
import { serializeImage } from './image/serialize-image.js';
import { WorkflowImage } from './image/workflow-image.js';

/**
 * Serialises any runtime value for the wildcard kind: images and detections take their wire forms,
 * dates become ISO strings, bytes become base64, containers are walked; everything else passes through.
 */
export function serializeValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof WorkflowImage) return serializeImage(value);
  if (value instanceof Detections) return serializeDetections(value);
  if (Array.isArray(value)) return value.map(serializeValue);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (value instanceof Map) return Object.fromEntries([...value].map(([key, item]) => [String(key), serializeValue(item)]));
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) result[key] = serializeValue(item);
  return result;
}

/** Masks a credential the way the reference does: short ones fully, longer ones keep two characters each side. */
export function maskSecret(secret: string): string {
  if (secret.length < 8) return '********';
  return `${secret.slice(0, 2)}********${secret.slice(-2)}`;
}
