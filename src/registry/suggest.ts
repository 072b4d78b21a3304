/** "Did you mean" suggestions by edit distance, for unknown ids in findings. Pure. */

/** " (did you mean …?)" for the closest ids by edit distance. */
export function suggest(id: string, candidates: readonly string[]): string {
  const best = closest(id, candidates, 3);
  return best.length > 0 ? ` (did you mean ${best.map((b) => `"${b}"`).join(' or ')}?)` : '';
}

export function closest(id: string, candidates: readonly string[], limit: number): string[] {
  const scored = candidates.map((c) => ({ c, d: editDistance(id.toLowerCase(), c.toLowerCase()) }));
  const max = Math.max(2, Math.floor(id.length / 3));
  return scored.filter((s) => s.d <= max).sort((a, b) => a.d - b.d || a.c.localeCompare(b.c)).slice(0, limit).map((s) => s.c);
}

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

