// Character and span helpers shared by the stages.

// A letter is a character with distinct upper and lower case forms. These run
// on every token of an archive: ASCII is answered from the character code, the
// rest by the case mappings (a test checks both agree on every UTF-16 unit).

/** One character (or code point) with distinct upper and lower case forms. */
export function isLetter(c: string): boolean {
  if (c.length === 1) {
    const code = c.charCodeAt(0);
    if (code < 0x80) return ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  }
  return c.toLowerCase() !== c.toUpperCase();
}

/** An upper-case letter. */
export function isUpperChar(c: string): boolean {
  if (c.length === 1) {
    const code = c.charCodeAt(0);
    if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  }
  return isLetter(c) && c === c.toUpperCase();
}

/** Every letter upper case, and at least two letters ("CIA", "NEW YORK"; not "A" or "U.s."). */
export function isAllCaps(s: string): boolean {
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) {
      if (code >= 0x61 && code <= 0x7a) return false;
      if (code >= 0x41 && code <= 0x5a) letters++;
      continue;
    }
    // Beyond ASCII: the whole code point (a surrogate pair, or a lone surrogate as itself).
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const c = pair ? s.slice(i, i + 2) : s[i];
    if (pair) i++;
    if (!isLetter(c)) continue;
    if (!isUpperChar(c)) return false;
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
