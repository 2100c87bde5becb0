/** The reference's enumerations (`entities/enums.py`), with their wire values. */

export const numberCastingModes = ['int', 'float'] as const;
export const sequenceAggregationFunctions = ['min', 'max', 'sum'] as const;
export const sequenceAggregationModes = ['first', 'last', 'most_common', 'least_common'] as const;
export const classificationProperties = ['top_class', 'top_class_confidence', 'top_class_confidence_single', 'all_classes', 'all_confidences'] as const;
export const detectionsProperties = [
  'confidence',
  'class_name',
  'x_min',
  'x_max',
  'y_min',
  'y_max',
  'size',
  'class_id',
  'center',
  'top_left',
  'top_right',
  'bottom_left',
  'bottom_right',
  'in_out',
  'path_deviation',
  'polygon',
  'time_in_zone',
  'tracker_id',
  'velocity',
  'speed',
  'smoothed_velocity',
  'smoothed_speed',
  'image_dimensions',
  'prediction_type',
  'keypoints_xy',
  'rect',
  'width',
  'height',
  'angle',
  'area_px',
  'area_converted',
] as const;
export const detectionsSortProperties = ['confidence', 'x_min', 'x_max', 'y_min', 'y_max', 'size', 'center_x', 'center_y'] as const;
export const statementsGroupsOperators = ['and', 'or'] as const;
export const imageProperties = ['size', 'height', 'width', 'aspect_ratio'] as const;
export const frameMetadataProperties = ['frame_number', 'frame_timestamp', 'seconds_since_start'] as const;
export const detectionsSelectionModes = ['left_most', 'right_most', 'top_confidence', 'first', 'last'] as const;

export type NumberCastingMode = (typeof numberCastingModes)[number];
export type SequenceAggregationFunction = (typeof sequenceAggregationFunctions)[number];
export type SequenceAggregationMode = (typeof sequenceAggregationModes)[number];
export type ClassificationProperty = (typeof classificationProperties)[number];
export type DetectionsProperty = (typeof detectionsProperties)[number];
export type DetectionsSortProperty = (typeof detectionsSortProperties)[number];
export type StatementsGroupsOperator = (typeof statementsGroupsOperators)[number];
export type ImageProperty = (typeof imageProperties)[number];
export type FrameMetadataProperty = (typeof frameMetadataProperties)[number];
export type DetectionsSelectionMode = (typeof detectionsSelectionModes)[number];
