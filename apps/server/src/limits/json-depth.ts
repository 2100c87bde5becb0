/**
 * True when a parsed JSON value nests arrays/objects deeper than `maxDepth`. The walk recurses at most
 * `maxDepth` frames, so a hostile body cannot overflow the stack; a limit configured beyond what the stack
 * safely holds is checked iteratively instead.
 */
export function exceedsJsonDepth(value: unknown, maxDepth: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  return maxDepth <= deepestRecursion ? nestsDeeper(value, maxDepth - 1) : exceedsIteratively(value, maxDepth);
}

const deepestRecursion = 2_000;

/** Whether some array/object inside `value` is more than `levelsLeft` levels below it. No allocation. */
function nestsDeeper(value: object, levelsLeft: number): boolean {
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null && typeof item === 'object' && (levelsLeft === 0 || nestsDeeper(item, levelsLeft - 1))) return true;
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const item = record[key];
    if (item !== null && typeof item === 'object' && (levelsLeft === 0 || nestsDeeper(item, levelsLeft - 1))) return true;
  }
  return false;
}

function exceedsIteratively(value: object, maxDepth: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (depth > maxDepth) return true;
    const children = Array.isArray(current) ? current : Object.values(current as Record<string, unknown>);
    for (const child of children) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}
