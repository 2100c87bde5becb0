/** Descriptions shared by both detector versions. */
export const DETECTOR_NAME = 'VLM As Detector';
export const DETECTOR_SHORT_DESCRIPTION = "Turns a vision-language model's text answer into object-detection predictions.";
export const DETECTOR_LONG_DESCRIPTION = `Reads the JSON a vision-language model wrote (raw, or inside the first \`\`\`json fenced block) and turns it into object detections in pixel coordinates of the input image.

Each model type writes boxes its own way (normalised 0–1 corners, 0–1000 or percent scales, pixels of a downscaled upload, or Florence-2's absolute pixels); the block applies the matching conversion, rounds boxes half-to-even (Florence-2 boxes are kept as float32 values), maps labels to class ids by their position in \`classes\` (-1 when not listed; Florence-2 object detection and phrase grounding use an MD5-derived id) and attaches detection ids, the inference id and the image lineage.

When the answer cannot be read, \`error_status\` is true and \`predictions\` is null; the block never fails the workflow because of the text.`;

export const DETECTOR_UI_MANIFEST = { section: 'advanced', icon: 'fal fa-object-ungroup', blockPriority: 5 } as const;
