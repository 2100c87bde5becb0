/**
 * Bounds on what one compilation error carries. A definition can hold tens of thousands of names, and a
 * hint listing all of them on every problem grows with the square of the definition (a 2 MB body could
 * make a body of gigabytes); these caps keep an error proportional to its first few problems.
 */

/** Names one hint lists before it says how many more there are. */
export const MAX_HINT_NAMES = 10;

/** Problems an error body lists (in `blocks_errors` / `details.problems`) before it says how many more. */
export const MAX_LISTED_PROBLEMS = 100;

/**
 * "Known inputs: "a", "b" (and 3 more)." from the first names of an iterable, without copying it: `total`
 * is how many names count (without `exclude`), `exclude` one name to leave out (the step asking).
 */
export function hintNames(what: string, names: Iterable<string>, total: number, exclude?: string): string {
  const listed: string[] = [];
  for (const name of names) {
    if (listed.length === MAX_HINT_NAMES) break;
    if (name !== exclude) listed.push(`"${name}"`);
  }
  if (listed.length === 0) return `There are no ${what}.`;
  const more = total - listed.length;
  return `Known ${what}: ${listed.join(', ')}${more > 0 ? ` (and ${more} more)` : ''}.`;
}

/** Names written more than once, each once, in first-seen order (linear, unlike indexOf per name). */
export function duplicateNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) repeated.add(name);
    else seen.add(name);
  }
  return [...repeated];
}

/** `"a", "b", "c" (and 7 more)`: the first names of a list, quoted. */
export function quotedNames(names: readonly string[]): string {
  const shown = names.slice(0, MAX_HINT_NAMES).map((name) => `"${name}"`).join(', ');
  return names.length > MAX_HINT_NAMES ? `${shown} (and ${names.length - MAX_HINT_NAMES} more)` : shown;
}
