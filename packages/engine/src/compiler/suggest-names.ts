/** Edit distance between two strings (insert, delete, substitute each cost 1). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

const MAX_COMPARED_LENGTH = 200;

/** Up to `limit` candidates close to `wanted`, closest first; none when nothing is reasonably close. */
export function suggestNames(wanted: string, candidates: readonly string[], limit = 3): string[] {
  // The edit distance costs the product of both lengths: a name far longer than any id is close to none.
  if (wanted.length > MAX_COMPARED_LENGTH) return [];
  const lowered = wanted.toLowerCase();
  return candidates
    .map((candidate) => {
      const other = candidate.toLowerCase();
      const distance = other.includes(lowered) || lowered.includes(other.split('@')[0]!) ? 1 : editDistance(lowered, other);
      return { candidate, distance };
    })
    .filter(({ candidate, distance }) => distance <= Math.max(2, Math.floor(candidate.length / 3)))
    .sort((left, right) => left.distance - right.distance || left.candidate.localeCompare(right.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}
