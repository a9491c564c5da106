// Numbers that look like years but are not dates: dimensions ("1800 x 1920
// per eye"), measurements ("2000 mAh"), version numbers ("4.3.6", "v2.2019")
// and copyright lines ("© 2019 Example Media Ltd"). A small filter over DATE
// candidates, kept apart from the date grammar so each can change alone.

import { readFileSync } from 'node:fs';
import type { Candidate } from '../types.js';
import { dataPath } from '../util/paths.js';

interface Lists {
  units: string[];
  copyrightMarks: string[];
}

let compiled: { unitAfter: RegExp; copyrightBefore: RegExp } | null = null;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function patterns() {
  if (compiled) return compiled;
  const raw = JSON.parse(readFileSync(dataPath('not-dates.json'), 'utf8')) as Lists;
  const alt = (xs: string[]) => xs.map(escapeRe).sort((a, b) => b.length - a.length).join('|');
  compiled = {
    unitAfter: new RegExp(`^\\s?(?:${alt(raw.units)})(?![\\p{L}\\p{N}])`, 'iu'),
    // "© 2019", "Copyright 2015-2019", "(c) 2021,"
    copyrightBefore: new RegExp(`(?:${alt(raw.copyrightMarks)})\\s*(?:\\d{4}\\s*[-–—]\\s*)?$`, 'iu'),
  };
  return compiled;
}

/** Neither a dimension ("1800 x 1920"), a measurement, a version number nor a copyright year. */
export function isNotADate(c: Candidate, text: string): boolean {
  if (c.type !== 'DATE') return false;
  const span = text.slice(c.start, c.end);
  if (!/\d/.test(span)) return false;
  const before = text.slice(Math.max(0, c.start - 40), c.start);
  const after = text.slice(c.end, c.end + 20);
  const startsWithDigit = /^\d/.test(span);
  const endsWithDigit = /\d$/.test(span);
  // Dimensions: "1800 x 1920", "1920×1080", "3 x 2019"
  if (endsWithDigit && /^\s*[x×]\s*\d/i.test(after)) return true;
  if (startsWithDigit && /\d\s*[x×]\s*$/i.test(before)) return true;
  // Measurements: "2000 mAh", "1800 pixels"
  if (endsWithDigit && patterns().unitAfter.test(after)) return true;
  // Version numbers: "4.3.6" before the span, "2019.1", "v2020"
  if (startsWithDigit && /\d\.$/.test(before)) return true;
  if (endsWithDigit && /^\.\d/.test(after)) return true;
  if (startsWithDigit && /(?:^|[^\p{L}])v(?:er(?:sion)?\.?)?\s?$/iu.test(before)) return true;
  // Copyright lines
  if (startsWithDigit && patterns().copyrightBefore.test(before)) return true;
  return false;
}

/**
 * The candidate without what is not a date: null when none of it is one, the
 * rest of it when only a leading number belongs to something else ("4.3.6
 * February 2015" -> "February 2015").
 */
export function withoutNotDates(c: Candidate, text: string): Candidate | null {
  if (!isNotADate(c, text)) return c;
  const span = text.slice(c.start, c.end);
  const lead = /^\d+\s+(?=\p{L})/u.exec(span);
  if (lead && /\d\.$/.test(text.slice(Math.max(0, c.start - 40), c.start))) {
    const rest: Candidate = { ...c, start: c.start + lead[0].length };
    return isNotADate(rest, text) ? null : rest;
  }
  return null;
}
