// Character and span helpers shared by the stages.

export const isLetter = (c: string): boolean => c.toLowerCase() !== c.toUpperCase();
export const isUpperChar = (c: string): boolean => isLetter(c) && c === c.toUpperCase();

/** Every letter upper case, and at least two letters ("CIA", "NEW YORK"; not "A" or "U.s."). */
export function isAllCaps(s: string): boolean {
  let letters = 0;
  for (const c of s) {
    if (!isLetter(c)) continue;
    if (c !== c.toUpperCase()) return false;
    letters++;
  }
  return letters >= 2;
}

/** Among overlapping spans keep the longest (ties: the earlier), in text order. */
export function keepLongest<T extends { start: number; end: number }>(spans: T[]): T[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  for (const s of sorted) {
    const last = kept[kept.length - 1];
    if (last && s.start < last.end) {
      if (s.end - s.start > last.end - last.start) kept[kept.length - 1] = s;
      continue;
    }
    kept.push(s);
  }
  return kept;
}
