import { literalOrSelector, selector } from '@flow/engine';
import { imageKind, languageModelOutputKind, listOfValuesKind } from '@flow/kinds';
import { z } from 'zod';

/** The classifier's step properties: no model or task type, and `classes` is required. */
export function classifierManifest() {
  return z.object({
    image: selector([imageKind], { description: 'The image the model looked at; its size and parent id go into the prediction.' }),
    vlm_output: selector([languageModelOutputKind], { title: 'VLM Output', description: "The model's raw answer: JSON, optionally inside a ```json fenced block (only the first such block is read)." }),
    classes: literalOrSelector(z.array(z.string()), [listOfValuesKind], {
      description: "Class names in order; a class's position is its class id, classes the model names that are not listed get -1.",
    }),
  });
}

export const CLASSIFIER_NAME = 'VLM As Classifier';
export const CLASSIFIER_SHORT_DESCRIPTION = "Turns a vision-language model's text answer into a classification prediction.";
export const CLASSIFIER_LONG_DESCRIPTION = `Reads the JSON a vision-language model wrote (raw, or inside the first \`\`\`json fenced block) and turns it into a classification prediction.

\`{"class_name": ..., "confidence": ...}\` gives a single-label prediction listing every class (the named one with the given confidence, the others with 0); \`{"predicted_classes": [{"class": ..., "confidence": ...}, ...]}\` gives a multi-label prediction (a class named twice keeps its highest confidence). Confidences may be numbers or numeric strings and are clamped to [0, 1]. Class ids are positions in \`classes\`; names the model adds get -1.

When the answer cannot be read, \`error_status\` is true and \`predictions\` is null; the block never fails the workflow because of the text.`;
export const CLASSIFIER_UI_MANIFEST = { section: 'advanced', icon: 'fal fa-tags', blockPriority: 5 } as const;
