import { serializeDetections, WorkflowImage, type Detections } from '@flow/kinds';
import { describe, expect, it } from 'vitest';
import { pngHeader, testImage } from '../test-support/test-image.js';
import { parseDetectorOutput, type DetectorInput } from './parse-detector-output.js';

const image = testImage(100, 200);

function detect(vlmOutput: string, options: Partial<DetectorInput> = {}) {
  const warnings: Array<Record<string, unknown> | undefined> = [];
  const result = parseDetectorOutput({
    version: 2,
    image,
    vlmOutput,
    classes: ['cat', 'dog'],
    modelType: 'google-gemini',
    taskType: 'object-detection',
    logger: { warn: (_message, fields) => warnings.push(fields) },
    ...options,
  });
  expect(warnings.filter((fields) => fields?.unexpected)).toEqual([]);
  return result;
}

function predictions(vlmOutput: string, options: Partial<DetectorInput> = {}): Detections {
  const result = detect(vlmOutput, options);
  expect(result.error_status).toBe(false);
  return result.predictions!;
}

function fails(vlmOutput: string, options: Partial<DetectorInput> = {}): void {
  const result = detect(vlmOutput, options);
  expect(result).toEqual({ error_status: true, predictions: null, inference_id: result.inference_id });
}

describe('parseDetectorOutput: shared behaviour', () => {
  it('uses the given inference id and id maker', () => {
    let next = 0;
    const result = detect('[{"box_2d": [0, 0, 10, 10], "label": "cat"}]', { inferenceId: 'run-1', newId: () => `id-${next++}` });
    expect(result.inference_id).toBe('run-1');
    expect(result.predictions!.data.detection_id).toEqual(['id-0']);
    expect(result.predictions!.data.inference_id).toEqual(['run-1']);
  });

  it('rejects roots that are not objects or arrays, and anything that is not a string', () => {
    for (const text of ['5', '"[]"', 'null', 'true', '']) fails(text);
    fails(42 as unknown as string);
  });

  it('reports an unregistered (model, task) pair as an error status', () => {
    fails('[]', { modelType: 'google-gemini', taskType: 'region-proposal' });
    fails('[]', { modelType: 'openai', version: 1 });
  });

  it('gives empty detections without data columns, serialised with null image size', () => {
    const empty = predictions('{"detections": []}');
    expect(empty.length).toBe(0);
    expect(empty.data).toEqual({});
    expect(serializeDetections(empty)).toEqual({ image: { width: null, height: null }, predictions: [] });
  });

  it('rounds half to even after scaling', () => {
    const detections = predictions('[{"box_2d": [125, 125, 375, 375], "label": "cat"}]', { image: testImage(100, 100) });
    expect(detections.xyxy).toEqual([[12, 12, 38, 38]]);
  });

  it('attaches the crop lineage, and the wire form shows it for crops', () => {
    const crop = WorkflowImage.fromBytes(pngHeader(50, 40), {
      parentId: 'crop-1',
      rootParentId: 'root',
      parentOrigin: { offsetX: 10, offsetY: 20, width: 50, height: 40 },
      rootParentOrigin: { offsetX: 10, offsetY: 20, width: 50, height: 40 },
    });
    const detections = predictions('[{"box_2d": [0, 0, 500, 500], "label": "cat"}]', { image: crop });
    expect(detections.data.parent_id).toEqual(['crop-1']);
    expect(detections.data.root_parent_id).toEqual(['root']);
    expect(detections.data.parent_coordinates).toEqual([[10, 20]]);
    expect(detections.data.parent_dimensions).toEqual([[40, 50]]);
    expect(detections.data.image_dimensions).toEqual([[40, 50]]);
    const [serialized] = serializeDetections(detections).predictions;
    expect(serialized).toMatchObject({ parent_id: 'crop-1', root_parent_id: 'root', parent_origin: { offset_x: 10, offset_y: 20, width: 50, height: 40 } });
  });

  it('keeps a label with a trailing NUL out of the class map but strips it in the column, as numpy does', () => {
    const detections = predictions('[{"box_2d": [0, 0, 10, 10], "label": "cat\\u0000"}]');
    expect(detections.classId).toEqual([-1]);
    expect(detections.className).toEqual(['cat']);
  });
});

describe('Gemini parser (v1 Gemini and Claude, v2 Gemini)', () => {
  it('reads v1 Claude answers with the Gemini parser; v2 Claude wants the legacy form', () => {
    const answer = '[{"box_2d": [0, 0, 500, 500], "label": "dog"}]';
    expect(predictions(answer, { version: 1, modelType: 'anthropic-claude' }).classId).toEqual([1]);
    fails(answer, { version: 2, modelType: 'anthropic-claude' });
  });

  it('does not clamp: negative and beyond-image boxes pass through', () => {
    const detections = predictions('[{"box_2d": [-15, -20, 330, 240], "label": "cat"}]', { image: testImage(1000, 1000) });
    expect(detections.xyxy).toEqual([[-20, -15, 240, 330]]);
  });

  it('takes `detections` of any emptiness as empty (list, object, string) and rejects a number', () => {
    for (const empty of ['{"detections": []}', '{"detections": {}}', '{"detections": ""}']) expect(predictions(empty).length).toBe(0);
    fails('{"detections": 5}');
    fails('{"detections": {"box_2d": 1}}');
    fails('{"objects": []}');
  });

  it('labels with str() of the first non-null key, numbers written as floats included', () => {
    const detections = predictions(
      '[{"box_2d": [0,0,1,1], "class_name": null, "label": 1.0}, {"box_2d": [0,0,1,1], "class": true}, {"box_2d": [0,0,1,1]}, {"box_2d": [0,0,1,1], "label": [1, "a"]}]',
    );
    expect(detections.className).toEqual(['1.0', 'True', 'unknown', "[1, 'a']"]);
  });

  it('reads confidence with Python float() and clamps it; null or words are errors', () => {
    const detections = predictions(
      '[{"box_2d": [0,0,1,1], "label": "cat", "confidence": "0.25"}, {"box_2d": [0,0,1,1], "label": "cat", "confidence": true}, {"box_2d": [0,0,1,1], "label": "cat", "confidence": "nan"}, {"box_2d": [0,0,1,1], "label": "cat", "confidence": -1}]',
    );
    expect(detections.confidence).toEqual([0.25, 1, Number.NaN, 0]);
    fails('[{"box_2d": [0,0,1,1], "confidence": null}]');
    fails('[{"box_2d": [0,0,1,1], "confidence": "high"}]');
  });

  it('accepts Python NaN / Infinity literals in boxes and keeps them', () => {
    const detections = predictions('[{"x_min": NaN, "y_min": 0, "x_max": Infinity, "y_max": 1, "label": "cat"}]');
    expect(detections.xyxy).toEqual([[Number.NaN, 0, Number.POSITIVE_INFINITY, 200]]);
  });

  it('fails on a missing normalised key, a short box_2d or a non-object entry', () => {
    fails('[{"x_min": 0.1, "x_max": 0.2, "y_max": 0.3}]');
    fails('[{"box_2d": [1, 2, 3]}]');
    fails('[{"box_2d": ["1", 2, 3, 4]}]');
    fails('[{"box_2d": "1234"}]');
    fails('[[0, 0, 1, 1]]');
  });

  it('treats `true` as 1 in box arithmetic', () => {
    expect(predictions('[{"x_min": true, "y_min": 0, "x_max": 1, "y_max": 1}]').xyxy).toEqual([[100, 0, 100, 200]]);
  });

  it('needs classes (Python iterates them first)', () => {
    fails('[]', { classes: null });
  });
});

describe('legacy normalised parser (v2 Claude, OpenAI legacy form)', () => {
  const claude = { modelType: 'anthropic-claude' };

  it('requires an object with `detections`, and `class_name` on every entry', () => {
    expect(predictions('{"detections": [{"x_min": 0.1, "y_min": 0.2, "x_max": 0.5, "y_max": 0.5, "class_name": "dog"}]}', claude).xyxy).toEqual([[10, 40, 50, 100]]);
    fails('[{"x_min": 0.1, "y_min": 0.2, "x_max": 0.5, "y_max": 0.5, "class_name": "dog"}]', claude);
    fails('{"detections": [{"x_min": 0.1, "y_min": 0.2, "x_max": 0.5, "y_max": 0.5, "label": "dog"}]}', claude);
  });

  it('looks non-string class names up as written (never a match for text classes) and stores their str()', () => {
    const detections = predictions('{"detections": [{"x_min": 0, "y_min": 0, "x_max": 1, "y_max": 1, "class_name": 1}]}', claude);
    expect(detections.classId).toEqual([-1]);
    expect(detections.className).toEqual(['1']);
    expect(predictions('{"detections": [{"x_min": 0, "y_min": 0, "x_max": 1, "y_max": 1, "class_name": 1}]}', { ...claude, classes: [1] }).classId).toEqual([0]);
    fails('{"detections": [{"x_min": 0, "y_min": 0, "x_max": 1, "y_max": 1, "class_name": ["dog"]}]}', claude);
  });

  it('rejects numeric strings as coordinates (Python would repeat the string)', () => {
    fails('{"detections": [{"x_min": "0.1", "y_min": 0, "x_max": 1, "y_max": 1, "class_name": "dog"}]}', claude);
  });
});

describe('OpenAI dispatcher and absolute parser (v2 openai)', () => {
  const openai = { modelType: 'openai' };

  it('sends an object whose first detection has box_2d to the absolute parser, other objects to the legacy one', () => {
    const big = testImage(4096, 2048);
    expect(predictions('{"detections": [{"box_2d": [100, 200, 300, 400], "label": "cat"}]}', { ...openai, image: big }).xyxy).toEqual([[200, 400, 600, 800]]);
    expect(predictions('{"detections": [{"x_min": 0.5, "y_min": 0.5, "x_max": 1, "y_max": 1, "class_name": "cat"}]}', openai).xyxy).toEqual([[50, 100, 100, 200]]);
    expect(predictions('{"detections": []}', openai).length).toBe(0);
    fails('{"objects": []}', openai);
  });

  it('clamps to the uploaded size and reads numeric strings with float()', () => {
    expect(predictions('[{"box_2d": ["-5", 10, 5000, "1e9"], "label": "cat"}]', openai).xyxy).toEqual([[0, 10, 100, 200]]);
  });

  it('returns empty predictions for an empty list even without classes (it never builds the class map)', () => {
    expect(predictions('[]', { ...openai, classes: null }).length).toBe(0);
    fails('[{"box_2d": [0, 0, 1, 1]}]', { ...openai, classes: null });
  });
});

describe('SpaceXAI parser (v2 spacexai)', () => {
  const spacexai = { modelType: 'spacexai' };

  it('reads percent boxes, clamped to [0, 100]', () => {
    expect(predictions('[{"box_2d": [10, 20, 150, -5], "label": "dog", "confidence": 0.5}]', spacexai)).toMatchObject({ xyxy: [[10, 40, 100, 0]], confidence: [0.5], classId: [1] });
  });

  it('fails without box_2d, is empty for no entries (even without classes)', () => {
    fails('[{"label": "dog"}]', spacexai);
    expect(predictions('{"detections": []}', { ...spacexai, classes: null }).length).toBe(0);
  });
});

describe('Qwen parser (v2 qwen)', () => {
  const qwen = { modelType: 'qwen' };

  it('skips entries without a four-number box, ignores confidence, accepts bbox_2d', () => {
    const detections = predictions(
      '[1, {"box_2d": [0, 0, 500, true]}, {"box_2d": [0, 0, 500, 500], "label": "cat", "confidence": 0.1}, {"bbox_2d": [0, 0, 1000, 1000], "description": "owl"}]',
      qwen,
    );
    expect(detections).toMatchObject({ xyxy: [[0, 0, 50, 100], [0, 0, 100, 200]], confidence: [1, 1], classId: [0, -1] });
    expect(detections.className).toEqual(['cat', 'owl']);
  });

  it('lets a NaN coordinate through the clamp, as Python does', () => {
    expect(predictions('[{"box_2d": [NaN, 0, 1000, 1000]}]', qwen).xyxy).toEqual([[Number.NaN, 0, 100, 200]]);
  });

  it('returns empty predictions when nothing is usable, errors on other shapes', () => {
    expect(predictions('[{"label": "cat"}]', qwen).length).toBe(0);
    fails('{"detections": {}}', qwen);
    fails('[]', { ...qwen, classes: null });
  });
});

describe('Muse parser and loose-object recovery (v2 muse)', () => {
  const muse = { modelType: 'muse', image: testImage(1000, 1000) };

  it('maps a falsy label to "unknown"', () => {
    const detections = predictions('[{"x_min": 1, "y_min": 2, "x_max": 3, "y_max": 4, "label": 0}, {"x_min": 1, "y_min": 2, "x_max": 3, "y_max": 4, "label": ""}]', muse);
    expect(detections.className).toEqual(['unknown', 'unknown']);
  });

  it('recovers objects written without brackets, only when the text is not JSON', () => {
    const detections = predictions('Here: {"label": "cat", "x_min": 100, "y_min": 200, "x_max": 300, "y_max": 400}, {"label": "dog", "x_min": 1, "y_min": 2, "x_max": 3, "y_max": 4} done', muse);
    expect(detections.className).toEqual(['cat', 'dog']);
    fails('{"note": "sorry"}', muse);
    fails('no objects {"note": "sorry"} here', muse);
    fails('{"label": "cat", "x_min": 1, "y_min": 2, "x_max": 3, "y_max": 4}, {"a": 1}', { ...muse, version: 1 });
  });

  it('skips entries whose fields are bools, strings or not finite', () => {
    const detections = predictions('[{"x_min": true, "y_min": 2, "x_max": 3, "y_max": 4}, {"x_min": Infinity, "y_min": 2, "x_max": 3, "y_max": 4}]', muse);
    expect(detections.length).toBe(0);
  });
});
