import { DetectionColumn, Detections, serializeDetections, type Box } from '@flow/kinds';
import { InvalidInputTypeError, OperationError, UndeclaredSymbolError } from '../errors.js';
import { SingleDetection } from '../detections/single-detection.js';
import { concatenateRows, copyDetections, keepRows, takeRows } from '../detections/take-rows.js';
import { isPlainObject, pythonClass, pythonRepr, pythonRound, safeStringify } from '../python/values.js';
import type { DetectionsProperty, DetectionsSelectionMode, DetectionsSortProperty } from '../schemas/enums.js';
import type { OperationScope } from './operation-scope.js';

/** The operand name a detection is bound to inside `DetectionsFilter`. */
export const defaultOperandName = '_';

function requireDetections(value: unknown, operation: string, scope: OperationScope, withContext = true): Detections {
  if (value instanceof Detections) return value;
  throw new InvalidInputTypeError({
    message: withContext
      ? `Executing ${operation}(...) in context ${scope.context}, expected sv.Detections object as value, got ${safeStringify(value)} of type ${pythonClass(value)}`
      : `Executing ${operation}(...), expected sv.Detections object as value, got ${safeStringify(value)} of type ${pythonClass(value)}`,
    context: scope.context,
  });
}

/** numpy's `round()` (ties to even) then `astype(int)`. */
function roundToInt(value: number): number {
  return pythonRound(value, 0);
}

type Anchor = (box: Box) => [number, number];

const anchors: Partial<Record<DetectionsProperty, Anchor>> = {
  center: ([x1, y1, x2, y2]) => [(x1 + x2) / 2, (y1 + y2) / 2],
  top_left: ([x1, y1]) => [x1, y1],
  top_right: ([, y1, x2]) => [x2, y1],
  bottom_left: ([x1, , , y2]) => [x1, y2],
  bottom_right: ([, , x2, y2]) => [x2, y2],
};

const columnExtractors: Partial<Record<DetectionsProperty, (detections: Detections) => unknown[]>> = {
  confidence: (detections) => [...detections.confidence],
  class_name: (detections) => [...(detections.data[DetectionColumn.className] ?? [])],
  x_min: (detections) => detections.xyxy.map((box) => box[0]),
  y_min: (detections) => detections.xyxy.map((box) => box[1]),
  x_max: (detections) => detections.xyxy.map((box) => box[2]),
  y_max: (detections) => detections.xyxy.map((box) => box[3]),
  class_id: (detections) => [...detections.classId],
  size: (detections) => detections.xyxy.map(([x1, y1, x2, y2]) => (x2 - x1) * (y2 - y1)),
};
for (const [property, anchor] of Object.entries(anchors)) {
  columnExtractors[property as DetectionsProperty] = (detections) => detections.xyxy.map((box) => anchor!(box).map(roundToInt));
}

/** One value per detection: a box coordinate, an anchor point (rounded to pixels), or a data column. */
export function extractDetectionsProperty(value: unknown, property: DetectionsProperty, scope: OperationScope): unknown[] {
  const detections = requireDetections(value, 'extract_detections_property', scope);
  const extractor = columnExtractors[property];
  if (extractor === undefined && property in detections.data) return [...detections.data[property]!];
  if (extractor === undefined) {
    throw new OperationError({
      message: `Executing extract_detections_property(...) in context ${scope.context}, the detections carry no \`${property}\` data (columns present: ${pythonRepr(Object.keys(detections.data))})`,
      context: scope.context,
    });
  }
  return extractor(detections);
}

/** The rows for which `keep` (the compiled `filter_operation`) holds, each bound to `_`. */
export function filterDetections(value: unknown, keep: (values: Record<string, unknown>) => boolean, scope: OperationScope): Detections {
  const detections = requireDetections(value, 'filter_detections', scope, false);
  const parameters: Record<string, unknown> = { ...scope.globalParameters };
  const mask: boolean[] = [];
  for (let row = 0; row < detections.length; row++) {
    parameters[defaultOperandName] = SingleDetection.at(detections, row);
    mask.push(Boolean(keep(parameters)));
  }
  return keepRows(detections, mask);
}

/** Every box grown by `offset_x` in width and `offset_y` in height, around its centre. */
export function offsetDetections(value: unknown, offsetX: number, offsetY: number, scope: OperationScope): Detections {
  const detections = requireDetections(value, 'offset_detections', scope, false);
  return copyDetections(detections).withBoxes(detections.xyxy.map(([x1, y1, x2, y2]): Box => [x1 - offsetX / 2, y1 - offsetY / 2, x2 + offsetX / 2, y2 + offsetY / 2]));
}

export function shiftDetections(value: unknown, shiftX: number, shiftY: number, scope: OperationScope): Detections {
  const detections = requireDetections(value, 'shift_detections', scope, false);
  return copyDetections(detections).withBoxes(detections.xyxy.map(([x1, y1, x2, y2]): Box => [x1 + shiftX, y1 + shiftY, x2 + shiftX, y2 + shiftY]));
}

function firstIndexOfExtreme(values: readonly number[], pick: 'min' | 'max'): number {
  let best = 0;
  for (let index = 1; index < values.length; index++) {
    if (pick === 'min' ? values[index]! < values[best]! : values[index]! > values[best]!) best = index;
  }
  return best;
}

const centreX = (box: Box) => (box[0] + box[2]) / 2;

/** One detection chosen by position or confidence (the first of equals); empty stays empty. */
export function selectDetections(value: unknown, mode: DetectionsSelectionMode, scope: OperationScope): Detections {
  const detections = requireDetections(value, 'select_detections', scope, false);
  if (detections.length === 0) return mode === 'left_most' || mode === 'right_most' ? detections : copyDetections(detections);
  const index =
    mode === 'first'
      ? 0
      : mode === 'last'
        ? detections.length - 1
        : mode === 'top_confidence'
          ? firstIndexOfExtreme(detections.confidence, 'max')
          : firstIndexOfExtreme(detections.xyxy.map(centreX), mode === 'left_most' ? 'min' : 'max');
  return takeRows(detections, [index]);
}

const sortKeys: Record<DetectionsSortProperty, (detections: Detections) => number[]> = {
  confidence: (detections) => [...detections.confidence],
  x_min: (detections) => detections.xyxy.map((box) => box[0]),
  x_max: (detections) => detections.xyxy.map((box) => box[2]),
  y_min: (detections) => detections.xyxy.map((box) => box[1]),
  y_max: (detections) => detections.xyxy.map((box) => box[3]),
  size: (detections) => detections.xyxy.map(([x1, y1, x2, y2]) => (x2 - x1) * (y2 - y1)),
  center_x: (detections) => detections.xyxy.map(centreX),
  center_y: (detections) => detections.xyxy.map((box) => (box[1] + box[3]) / 2),
};

/** Rows ordered by a property; descending is the ascending order reversed (as numpy's `argsort()[::-1]`). */
export function sortDetections(value: unknown, mode: DetectionsSortProperty, ascending: boolean, scope: OperationScope): Detections {
  const detections = requireDetections(value, 'sort_detections', scope, false);
  if (detections.length === 0) return detections;
  const keys = sortKeys[mode](detections);
  const order = keys.map((_, index) => index).sort((a, b) => keys[a]! - keys[b]! || a - b);
  if (!ascending) order.reverse();
  return takeRows(detections, order);
}

function resolveParameter(value: unknown, what: string, scope: OperationScope): unknown {
  if (typeof value !== 'string') return value;
  if (!Object.hasOwn(scope.globalParameters, value)) {
    throw new UndeclaredSymbolError({
      message: `Attempted to retrieve variable \`${value}\` that was expected to hold ${what} of rename_detections(...), but that turned out not to be registered.`,
      context: scope.context,
    });
  }
  return scope.globalParameters[value];
}

function ensureAllClassesCovered(classNames: readonly unknown[] | undefined, classMap: Record<string, unknown>, scope: OperationScope): void {
  if (classNames === undefined) {
    throw new OperationError({
      message: 'Executing rename_detections(...) with strict=True, but the detections carry no `class_name` field, so coverage by `class_map` cannot be guaranteed.',
      context: scope.context,
    });
  }
  for (const className of classNames) {
    if (typeof className !== 'string' || !Object.hasOwn(classMap, className)) {
      throw new OperationError({ message: `Class '${String(className)}' not found in class_map.`, context: scope.context });
    }
  }
}

const sortedUnique = (names: Iterable<string>) => [...new Set(names)].sort();

/**
 * Renames classes through `class_map` (or the parameter it names). Strict: every class must be mapped
 * and new ids are the positions of the target names in sorted order. Not strict: unmapped classes keep
 * their ids and new target names get ids from `new_classes_id_offset` on.
 */
export function renameDetections(
  value: unknown,
  classMapDefinition: Record<string, string> | string,
  strictDefinition: boolean | string,
  newClassesIdOffset: number,
  scope: OperationScope,
): Detections {
  const detections = requireDetections(value, 'rename_detections', scope, false);
  const classMap = resolveParameter(classMapDefinition, 'class mapping', scope);
  if (!isPlainObject(classMap)) {
    throw new InvalidInputTypeError({
      message: `Executing rename_detections(...), expected dictionary to be given as class map, got ${safeStringify(classMap)} of type ${pythonClass(classMap)}`,
      context: scope.context,
    });
  }
  const strict = typeof strictDefinition === 'string' ? resolveParameter(strictDefinition, 'parameter for `strict` flag', scope) : strictDefinition;
  if (typeof strict !== 'boolean') {
    throw new InvalidInputTypeError({
      message: `Executing rename_detections(...), expected dictionary to be given as \`strict\` flag, got ${safeStringify(strict)} of type ${pythonClass(strict)}`,
      context: scope.context,
    });
  }
  const copy = copyDetections(detections);
  const originalNames = copy.data[DetectionColumn.className] as string[] | undefined;
  if (originalNames === undefined) {
    if (strict && copy.length > 0) ensureAllClassesCovered(undefined, classMap, scope);
    return copy;
  }
  const targets = Object.values(classMap) as string[];
  let idOf: Map<string, number>;
  if (strict) {
    ensureAllClassesCovered(originalNames, classMap, scope);
    idOf = new Map(sortedUnique(targets).map((name, index) => [name, index]));
  } else {
    idOf = new Map(originalNames.map((name, row) => [name, copy.classId[row]!]));
    let next = newClassesIdOffset;
    for (const name of sortedUnique(targets.filter((target) => !idOf.has(target)))) idOf.set(name, next++);
  }
  const newNames = originalNames.map((name) => (Object.hasOwn(classMap, name) ? (classMap[name] as string) : name));
  const newIds = newNames.map((name) => idOf.get(name)!);
  return new Detections(copy.xyxy, copy.confidence, newIds, { ...copy.data, [DetectionColumn.className]: newNames });
}

/** The wire form (`{"image": ..., "predictions": [...]}`); every detection needs a class name and an id. */
export function detectionsToDictionary(value: unknown, scope: OperationScope): unknown {
  const detections = requireDetections(value, 'detections_to_dictionary', scope);
  if (detections.length > 0) {
    const missing = [DetectionColumn.className, DetectionColumn.detectionId].filter((column) => detections.data[column] === undefined);
    if (missing.length > 0) {
      throw new OperationError({
        message: `While Using operation detections_to_dictionary(...) in context ${scope.context} encountered error: the detections carry no ${missing.map((name) => `'${name}'`).join(' and ')} data`,
        context: scope.context,
      });
    }
  }
  return serializeDetections(detections);
}

function isPointWithinBox([px, py]: [number, number], [x1, y1, x2, y2]: Box): boolean {
  return x1 <= px && px <= x2 && y1 <= py && py <= y2;
}

/** Detections of `parent_class` first, then the other detections whose centre lies in one of them. */
export function pickDetectionsByParentClass(value: unknown, parentClass: string, scope: OperationScope): Detections {
  const detections = requireDetections(value, 'pick_detections_by_parent_class', scope);
  try {
    const classNames = detections.data[DetectionColumn.className];
    if (classNames === undefined || classNames.length === 0) return Detections.empty();
    const isParent = classNames.map((name) => name === parentClass);
    const parents = keepRows(detections, isParent);
    if (parents.length === 0) return Detections.empty();
    const dependents = keepRows(
      detections,
      isParent.map((flag) => !flag),
    );
    const kept = dependents.xyxy
      .map((box, index) => ({ index, centre: [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2] as [number, number] }))
      .filter(({ centre }) => parents.xyxy.some((parentBox) => isPointWithinBox(centre, parentBox)))
      .map(({ index }) => index);
    return concatenateRows([parents, takeRows(dependents, kept)]);
  } catch (error) {
    throw new OperationError({
      message: `While Using operation pick_detections_by_parent_class(...) in context ${scope.context} encountered error: ${(error as Error).message}`,
      context: scope.context,
      cause: error,
    });
  }
}
