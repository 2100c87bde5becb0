import { literalOrSelector, selector } from '@flow/engine';
import {
  booleanKind,
  compatibilityKinds,
  imageKind,
  instanceSegmentationPredictionKind,
  integerKind,
  keypointDetectionPredictionKind,
  listOfValuesKind,
  objectDetectionPredictionKind,
  stringKind,
  type Detections,
  type Kind,
  type WorkflowImage,
} from '@flow/kinds';
import { z } from 'zod';
import { PALETTE_NAMES } from '../color/palettes.js';

const rleInstanceSegmentationKind = compatibilityKinds.find((kind) => kind.name === 'rle_instance_segmentation_prediction') as Kind;

/** Fields every visualization block has (the reference's `VisualizationManifest`). */
export const visualizationFields = {
  image: selector([imageKind], { title: 'Input Image', description: 'The image to visualize on.' }),
  copy_image: literalOrSelector(z.boolean(), [booleanKind], {
    description: 'Kept for compatibility: Flow never draws on its input, so the input stays as it was either way.',
  }).default(true),
};

/** Detections to draw (the reference's `PredictionsVisualizationManifest`). */
export const predictionsField = selector([objectDetectionPredictionKind, instanceSegmentationPredictionKind, keypointDetectionPredictionKind, rleInstanceSegmentationKind], {
  description: 'Model predictions to visualize.',
});

/** How colours are chosen (the reference's `ColorableVisualizationManifest`). */
export const colorFields = {
  color_palette: literalOrSelector(z.enum(PALETTE_NAMES), [stringKind], { description: 'Select a color palette for the visualised elements.' }).default('DEFAULT'),
  palette_size: literalOrSelector(z.number().int(), [integerKind], {
    description: 'Specify the number of colors in the palette. This applies when using custom or Matplotlib palettes.',
  }).default(10),
  custom_colors: literalOrSelector(z.array(z.string()), [listOfValuesKind], { description: 'Define a list of custom colors for bounding boxes in HEX format.' }).default([]),
  color_axis: literalOrSelector(z.enum(['INDEX', 'CLASS', 'TRACK']), [stringKind], { description: 'Choose how bounding box colors are assigned.' }).default('CLASS'),
};

export interface VisualizationInputs {
  image: WorkflowImage;
  copy_image: boolean;
}

export interface ColorInputs {
  color_palette: string;
  palette_size: number;
  custom_colors: string[];
  color_axis: 'INDEX' | 'CLASS' | 'TRACK';
}

export interface PredictionsInputs extends VisualizationInputs, ColorInputs {
  predictions: Detections;
}

/** What every visualization block outputs. */
export const visualizationOutputs = { image: [imageKind] };

/** The reference's ui warning on `copy_image: false`, kept so block describe output matches. */
export const copyImageWarning = {
  property: 'copy_image',
  value: false,
  message: 'This setting will mutate its input image. If the input is used by other blocks, it may cause unexpected behavior.',
};
