import { WorkflowImage } from '@flow/kinds';
import { InvalidInputTypeError, OperationError } from '../errors.js';
import { pythonClass, safeStringify } from '../python/values.js';
import type { FrameMetadataProperty, ImageProperty } from '../schemas/enums.js';
import type { OperationScope } from './operation-scope.js';

function requireImage(value: unknown, operation: string, scope: OperationScope): WorkflowImage {
  if (value instanceof WorkflowImage) return value;
  throw new InvalidInputTypeError({
    message: `Executing ${operation}(...) in context ${scope.context}, expected WorkflowImageData object as value, got ${safeStringify(value)} of type ${pythonClass(value)}`,
    context: scope.context,
  });
}

/** Size, height, width or aspect ratio, read from the image header (no decoding). */
export function extractImageProperty(value: unknown, property: ImageProperty, scope: OperationScope): number {
  const image = requireImage(value, 'extract_detections_property', scope);
  try {
    switch (property) {
      case 'size':
        return image.height * image.width;
      case 'height':
        return image.height;
      case 'width':
        return image.width;
      case 'aspect_ratio':
        return image.height !== 0 ? image.width / image.height : 0;
    }
  } catch (error) {
    throw new OperationError({ message: `While Using operation extract_detections_property(...) in context ${scope.context} encountered error: ${(error as Error).message}`, context: scope.context, cause: error });
  }
}

/**
 * The image as JPEG bytes. Re-encoding needs pixels, which this package never decodes: a JPEG comes
 * back as it is (its own quality, not `compression_level`), any other format is an `OperationError`.
 */
export function encodeImageToJpeg(value: unknown, scope: OperationScope): Uint8Array {
  const image = requireImage(value, 'encode_image_to_jpeg', scope);
  let format: string;
  try {
    format = image.format;
  } catch (error) {
    throw new OperationError({ message: `While Using operation encode_image_to_jpeg(...) in context ${scope.context} encountered error: ${(error as Error).message}`, context: scope.context, cause: error });
  }
  if (format === 'jpeg') return image.bytes;
  throw new OperationError({
    message: `While Using operation encode_image_to_jpeg(...) in context ${scope.context} encountered error: the image is ${format}; converting it to JPEG needs pixel decoding, which the query language does not do`,
    context: scope.context,
  });
}

export function encodeImageToBase64(value: unknown, scope: OperationScope): string {
  return requireImage(value, 'encode_image_to_base64', scope).base64;
}

/** The frame's number, timestamp, or seconds since the first frame; images not from video get frame 0 at 30 fps. */
export function extractFrameMetadata(value: unknown, property: FrameMetadataProperty, scope: OperationScope): unknown {
  const image = requireImage(value, 'extract_frame_metadata', scope);
  const metadata = image.videoMetadata ?? {};
  const frameNumber = metadata.frame_number ?? 0;
  const fps = metadata.fps ?? 30;
  try {
    switch (property) {
      case 'frame_number':
        return frameNumber;
      case 'frame_timestamp': {
        const raw = metadata.frame_timestamp;
        if (raw === undefined || raw === null) return new Date();
        if (raw instanceof Date) return raw;
        const parsed = new Date(raw as string);
        return Number.isNaN(parsed.getTime()) ? raw : parsed;
      }
      case 'seconds_since_start':
        if (typeof frameNumber !== 'number' || typeof fps !== 'number' || fps === 0) throw new Error('frame_number and a non-zero fps are needed');
        return (frameNumber - 1) / fps;
    }
  } catch (error) {
    throw new OperationError({ message: `While Using operation extract_frame_metadata(...) in context ${scope.context} encountered error: ${(error as Error).message}`, context: scope.context, cause: error });
  }
}
