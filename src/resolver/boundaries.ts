// Span boundary rules from GUIDELINES.md that hold for every recognizer:
// no surrounding space or punctuation, no possessive 's, no leading "the"
// unless it is part of a registered name ("The New York Times").

import type { Candidate } from '../types.js';

const TRAILING_PUNCT = new Set([',', ';', ':', '!', '?', '"', '”', '“', '(', ')', '[', ']', '—', '–', '-', '‘', '*']);
const LEADING_PUNCT = new Set([',', ';', ':', '!', '?', '"', '“', '”', '‘', '’', "'", '(', ')', '[', ']', '—', '–', '-', '*', '.']);

/** Trim a candidate to the guidelines' span rules; null when nothing is left. */
export function trimCandidate(c: Candidate, text: string): Candidate | null {
  let s = c.start;
  let e = c.end;
  const trimOnce = (): boolean => {
    const before = `${s}:${e}`;
    // A decade's apostrophe stays: "the '80s".
    while (s < e && (/\s/.test(text[s]) || (LEADING_PUNCT.has(text[s]) && !(c.type === 'DATE' && /\d/.test(text[s + 1] ?? ''))))) s++;
    while (e > s && (/\s/.test(text[e - 1]) || TRAILING_PUNCT.has(text[e - 1]))) e--;
    // Possessive: "Putin's", "Putin’s", "Reuters’".
    if (e - s > 2 && (text[e - 1] === 's' || text[e - 1] === 'S') && (text[e - 2] === "'" || text[e - 2] === '’')) e -= 2;
    else if (e - s > 2 && (text[e - 1] === "'" || text[e - 1] === '’') && text[e - 2] === 's') e -= 1;
    else if (e - s > 1 && (text[e - 1] === "'" || text[e - 1] === '’')) e -= 1;
    // A final period belongs to abbreviations ("U.S.", "Inc.", "Jr.") only.
    if (e - s > 1 && text[e - 1] === '.' && !/(?:^|[\s.])\p{L}{1,4}\.$/u.test(text.slice(Math.max(s, e - 6), e))) e--;
    if (c.type !== 'DATE' && c.type !== 'PERSON' && !(c.canonical && /^the\s/i.test(c.canonical))) {
      if (/^the\s/i.test(text.slice(s, s + 4))) s += 4;
    }
    return before !== `${s}:${e}`;
  };
  for (let k = 0; k < 4 && trimOnce(); k++);
  if (e <= s) return null;
  if (s === c.start && e === c.end) return c;
  return { ...c, start: s, end: e };
}
