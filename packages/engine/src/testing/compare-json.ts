/** Lists where two JSON values differ, as `path: expected X, got Y` lines (keys in order too). */
export function compareJson(expected: unknown, actual: unknown, options: { tolerance?: number } = {}, path = '$'): string[] {
  const tolerance = options.tolerance ?? 0;
  if (typeof expected === 'number' && typeof actual === 'number') {
    return Math.abs(expected - actual) <= tolerance || (Number.isNaN(expected) && Number.isNaN(actual)) ? [] : [`${path}: expected ${expected}, got ${actual}`];
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const differences = expected.length === actual.length ? [] : [`${path}: expected ${expected.length} items, got ${actual.length}`];
    for (let index = 0; index < Math.min(expected.length, actual.length); index++) differences.push(...compareJson(expected[index], actual[index], options, `${path}[${index}]`));
    return differences;
  }
  if (isObject(expected) && isObject(actual)) {
    const expectedKeys = Object.keys(expected);
    const actualKeys = Object.keys(actual);
    const differences: string[] = [];
    const missing = expectedKeys.filter((key) => !(key in actual));
    const extra = actualKeys.filter((key) => !(key in expected));
    if (missing.length) differences.push(`${path}: missing keys ${missing.join(', ')}`);
    if (extra.length) differences.push(`${path}: unexpected keys ${extra.join(', ')}`);
    if (!missing.length && !extra.length && expectedKeys.join() !== actualKeys.join()) differences.push(`${path}: key order expected [${expectedKeys.join(', ')}], got [${actualKeys.join(', ')}]`);
    for (const key of expectedKeys) if (key in actual) differences.push(...compareJson(expected[key], actual[key], options, `${path}.${key}`));
    return differences;
  }
  return Object.is(expected, actual) ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
