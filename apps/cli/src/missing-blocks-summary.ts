import type { CompilationProblem } from '@flow/engine';

/**
 * The closing summary of `flow validate`: which block types the definition names that this installation
 * lacks, Roboflow blocks Flow does not implement yet apart from names nobody knows. Empty when none.
 */
export function missingBlocksSummary(problems: readonly CompilationProblem[]): string {
  const tally = (code: string) => {
    const counts = new Map<string, number>();
    for (const problem of problems) if (problem.code === code && problem.blockType) counts.set(problem.blockType, (counts.get(problem.blockType) ?? 0) + 1);
    return [...counts].map(([type, count]) => (count > 1 ? `${type} (${count} steps)` : type));
  };
  const unimplemented = tally('UNIMPLEMENTED_ROBOFLOW_BLOCK');
  const unknown = tally('UNKNOWN_BLOCK_TYPE');
  const lines: string[] = [];
  if (unimplemented.length > 0) lines.push(`missing: ${unimplemented.length} Roboflow block type${unimplemented.length === 1 ? '' : 's'} Flow does not implement yet: ${unimplemented.join(', ')}`);
  if (unknown.length > 0) lines.push(`missing: ${unknown.length} unknown block type${unknown.length === 1 ? '' : 's'} (not a Roboflow block; a typo, or a pack to install): ${unknown.join(', ')}`);
  return lines.map((line) => `${line}\n`).join('');
}
