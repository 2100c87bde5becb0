import type { ImageOrigin, WorkflowImage } from './workflow-image.js';

export interface SerializedImage {
  type: 'base64';
  value: string;
  video_metadata: Record<string, unknown>;
  parent_id?: string;
  parent_origin?: { offset_x: number; offset_y: number; width: number; height: number };
  root_parent_id?: string;
  root_parent_origin?: { offset_x: number; offset_y: number; width: number; height: number };
}

/** A naive ISO timestamp with microseconds, the form Python's `datetime.isoformat()` writes. */
function pythonIsoTimestamp(date: Date): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds() * 1000, 6)}`
  );
}

function wireOrigin(origin: ImageOrigin) {
  return { offset_x: origin.offsetX, offset_y: origin.offsetY, width: origin.width, height: origin.height };
}

/**
 * The wire form of an image (reference §7.2): base64 of the encoded bytes (never re-encoded), video
 * metadata (synthesised for still images, as the reference does) and, for crops, the lineage keys.
 */
export function serializeImage(image: WorkflowImage): SerializedImage {
  const serialized: SerializedImage = {
    type: 'base64',
    value: image.base64,
    video_metadata: image.videoMetadata ?? {
      video_identifier: image.parentId,
      frame_number: 0,
      frame_timestamp: pythonIsoTimestamp(new Date()),
      fps: 30,
      measured_fps: null,
      comes_from_video_file: null,
    },
  };
  if (image.isCrop) {
    serialized.parent_id = image.parentId;
    serialized.parent_origin = wireOrigin(image.parentOrigin);
    serialized.root_parent_id = image.rootParentId;
    serialized.root_parent_origin = wireOrigin(image.rootParentOrigin);
  }
  return serialized;
}
