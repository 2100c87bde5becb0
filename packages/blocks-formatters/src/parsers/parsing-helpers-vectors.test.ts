import { describe, expect, it } from 'vitest';
import type { PythonDict, PythonValue } from '../json/python-json.js';
import { PythonError } from '../python/semantics.js';
import { testImage } from '../test-support/test-image.js';
import { expectDetectionsMatch, expectMatches, loadFixture, toPython, type ComputedDetections, type VectorImage } from '../test-support/vectors.js';
import type { ParseContext } from './attach-metadata.js';
import { convertGeminiBox } from './gemini.js';
import { convertMuseBox, parseMuseDetections } from './muse.js';
import { convertOpenAiBox, parseOpenAiAbsoluteDetections, scaleDimensionsToMaxEdge } from './openai.js';
import { convertQwenBox, parseQwenDetections, readQwenBox, readQwenLabel } from './qwen.js';

interface HelperVector {
  name: string;
  function: string;
  input: Record<string, unknown>;
  computed: unknown;
}

type ParseOutcome = { raises: null; result: ComputedDetections } | { raises: string; message: string };

const vectors = loadFixture<HelperVector[]>('detection_parsing_helpers.json');

function contextOf(input: Record<string, unknown>): ParseContext {
  const image = input.image as VectorImage;
  return { image: testImage(image.width, image.height, image.parent_id), classes: input.classes, inferenceId: input.inference_id as string };
}

function expectParse(parse: (parsed: PythonValue, context: ParseContext) => unknown, input: Record<string, unknown>, computed: ParseOutcome): void {
  const run = () => parse(toPython(input.parsed_data), contextOf(input));
  if (computed.raises === null) {
    expectDetectionsMatch(run() as never, computed.result);
    return;
  }
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(PythonError);
  expect((thrown as PythonError).pythonType).toBe(computed.raises);
  expect((thrown as PythonError).message).toContain(computed.message);
}

/** Runs one vector's function on its input and compares with what the reference computed. */
const runners: Record<string, (input: Record<string, unknown>, computed: unknown) => void> = {
  convert_gemini_detection_to_pixel_xyxy: (input, computed) =>
    expectMatches(convertGeminiBox(toPython(input.detection), input.image_height as number, input.image_width as number), computed),
  convert_openai_detection_to_pixel_xyxy: (input, computed) =>
    expectMatches(convertOpenAiBox(toPython(input.detection), input.image_height as number, input.image_width as number), computed),
  parse_openai_object_detection_response: (input, computed) => expectParse(parseOpenAiAbsoluteDetections, input, computed as ParseOutcome),
  get_qwen_detection_box: (input, computed) => expectMatches(readQwenBox(toPython(input.detection) as PythonDict), computed),
  get_qwen_detection_class_name: (input, computed) => expectMatches(readQwenLabel(toPython(input.detection) as PythonDict), computed),
  convert_qwen_detection_to_pixel_xyxy: (input, computed) =>
    expectMatches(convertQwenBox(input.box as number[], input.image_height as number, input.image_width as number), computed),
  parse_qwen_object_detection_response: (input, computed) => expectParse(parseQwenDetections, input, computed as ParseOutcome),
  scale_dimensions_to_max_edge: (input, computed) =>
    expectMatches(scaleDimensionsToMaxEdge(input.width as number, input.height as number, input.max_edge as number), computed),
  parse_muse_object_detection_response: (input, computed) => expectParse(parseMuseDetections, input, computed as ParseOutcome),
  convert_muse_detection_to_pixel_xyxy: (input, computed) =>
    expectMatches(convertMuseBox(input.box as number[], input.image_height as number, input.image_width as number), computed),
};

describe('detection_parsing_helpers.json reproduces the reference at function level', () => {
  it('has the expected number of entries, all with a runner', () => {
    expect(vectors.length).toBe(53);
    expect(vectors.filter((vector) => !runners[vector.function]).map((vector) => vector.function)).toEqual([]);
  });

  it.each(vectors.map((vector, index) => ({ ...vector, label: `${index}: ${vector.function} ${vector.name}` })))('$label', (vector) => {
    runners[vector.function]!(vector.input, vector.computed);
  });
});
