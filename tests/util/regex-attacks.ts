// Adversarial texts for a regular expression: long runs of the characters and
// pieces it is likely to match in part, ended by a character that makes the
// match fail, the shape that makes backtracking engines go quadratic or worse.
// Built from a general list of news-text pieces plus the words and
// punctuation that stand in the pattern itself.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Files under a folder whose names end with `ext`, in sorted order. */
export function filesUnder(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p, ext));
    else if (e.name.endsWith(ext)) out.push(p);
  }
  return out.sort();
}

export interface Pattern {
  source: string;
  flags: string;
  /** Where it comes from: file:line for a literal, or the frame that built it. */
  where: string;
}

/** Single characters: letters of both cases and scripts, digits, white space, punctuation, astral and combining. */
const UNITS = ['a', 'A', 'é', 'É', '1', ' ', '\n', '\t', '\u00a0', '.', ',', '-', "'", '’', '"', '“', '(', '&', '😀', 'a\u0301'];

/** Pieces of news text that partial matches are made of. */
const BLOCKS = [
  'Aa ', 'AB ', 'A. ', 'A.', 'a.', 'Ab-', 'aa-', 'A’s ', "A's ", '1,', '1.', '1 ', '. ', ', ', ' \n', '\n\n', 'A (', '(A',
  'Mr. ', 'A. B. ', 'St. ', 'U.S. ', 'A & ', 'of the ', 'The ', 'in the ', '1 January ', 'Jan. 1, ', '2020-', '20th ', 'or ',
];

function fill(piece: string, size: number): string {
  return piece.repeat(Math.max(1, Math.ceil(size / piece.length))).slice(0, size);
}

const cap = (w: string) => w[0].toUpperCase() + w.slice(1);

export function attacksFor(source: string, size: number): { name: string; text: string }[] {
  const pieces = new Set<string>([...UNITS, ...BLOCKS]);
  // Words written in the pattern ("known", "January"), as they are and capitalized, each followed by a space.
  const words = [...new Set(source.replace(/\\[pPu]\{[^}]*\}|\\./g, ' ').match(/[A-Za-z]{2,}/g) ?? [])].slice(0, 12);
  for (const w of words) {
    pieces.add(`${w} `);
    pieces.add(`${cap(w)} `);
  }
  // Punctuation that stands for itself in the pattern.
  for (const c of source.replace(/\\[pPu]\{[^}]*\}|\\[a-zA-Z]/g, '')) if (/[^\p{L}\p{N}\s\\^$.*+?()[\]{}|]/u.test(c)) pieces.add(c);
  return [...pieces].map((p) => ({ name: JSON.stringify(p), text: `${fill(p, size)}!` }));
}

/** Run a pattern over a text the way the code does: every match of a global or sticky pattern, else one search. */
export function runOver(re: RegExp, text: string): number {
  if (!re.global && !re.sticky) return re.exec(text) ? 1 : 0;
  re.lastIndex = 0;
  let n = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    n++;
    if (m[0].length === 0) re.lastIndex = advanceStringIndex(text, re.lastIndex, re.unicode);
  }
  return n;
}

/** The next index after an empty match, as String.prototype.matchAll steps: over a whole surrogate pair in a Unicode pattern (V8 would otherwise move back to the pair's start, and the loop would never end). */
function advanceStringIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const c = text.charCodeAt(index);
  const d = text.charCodeAt(index + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? index + 2 : index + 1;
}
