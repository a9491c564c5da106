// A dateline names a place: "SANTIAGO (Reuters) -", "JORDAN, Minn. (AP) -",
// "HOUSTON —". The tagger reads an all-caps given name at a line start as a
// person ("SANTIAGO"); where the name opens its line, is written in capitals,
// is followed by an agency in brackets, a dash or a date, and the gazetteer
// knows it as a place, it is the PLACE.

import type { Candidate } from '../types.js';
import { lookupEntries } from '../data/gazetteer.js';

/** After the name: an optional ", State." then "(Agency)", a dash, or a month or a number. */
const AFTER = /^(?:,\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)?(?:\s*\(\s*\p{Lu}[\p{L}\s&-]{0,30}\)\s*[-–—]|\s+[-–—]\s|,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d|\s+\d{4}-\d\d-\d\d)/u;

export function datelinePlaces(text: string, spans: Candidate[]): Candidate[] {
  return spans.map((c) => {
    if (c.type !== 'PERSON') return c;
    let k = c.start - 1;
    while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
    if (k >= 0 && text[k] !== '\n' && text[k] !== '\r') return c;
    const name = text.slice(c.start, c.end);
    if (name !== name.toUpperCase() || name === name.toLowerCase()) return c;
    if (!AFTER.test(text.slice(c.end, c.end + 60))) return c;
    if (lookupEntries(name).length === 0) return c;
    const { canonical: _person, ...rest } = c;
    return { ...rest, type: 'PLACE' };
  });
}
