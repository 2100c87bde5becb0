import { describe, expect, it } from 'vitest';
import { MAX_VLM_OUTPUT_LENGTH } from './answer-budget.js';
import { parseClassifierOutput } from './classifier/parse-classification.js';
import { parseDetectorOutput } from './detector/parse-detector-output.js';
import { testImage } from './test-support/test-image.js';

const image = testImage(100, 200);

/** A valid answer padded with JSON whitespace to the given length. */
function padded(answer: string, length: number): string {
  return answer + ' '.repeat(length - answer.length);
}

describe('the answer budget', () => {
  const detection = '[{"box_2d": [0, 0, 10, 10], "label": "cat"}]';
  const detect = (vlmOutput: string, modelType = 'google-gemini') => {
    const warnings: string[] = [];
    const result = parseDetectorOutput({ version: 2, image, vlmOutput, classes: ['cat'], modelType, taskType: 'object-detection', logger: { warn: (_message, fields) => warnings.push(String(fields?.reason)) } });
    return { result, warnings };
  };

  it('reads an answer up to the budget', () => {
    expect(detect(padded(detection, MAX_VLM_OUTPUT_LENGTH)).result.error_status).toBe(false);
  });

  it('reports error_status with the reason for a longer detector answer, for every model type', () => {
    for (const modelType of ['google-gemini', 'muse']) {
      const { result, warnings } = detect(padded(detection, MAX_VLM_OUTPUT_LENGTH + 1), modelType);
      expect(result).toMatchObject({ error_status: true, predictions: null });
      expect(warnings).toEqual([`The VLM output is ${MAX_VLM_OUTPUT_LENGTH + 1} characters long, over the ${MAX_VLM_OUTPUT_LENGTH} this block reads`]);
    }
  });

  it('reports error_status for a longer classifier answer', () => {
    const answer = padded('{"class_name": "cat", "confidence": 0.9}', MAX_VLM_OUTPUT_LENGTH + 1);
    expect(parseClassifierOutput({ image, vlmOutput: answer, classes: ['cat'] })).toMatchObject({ error_status: true, predictions: null });
  });
});
