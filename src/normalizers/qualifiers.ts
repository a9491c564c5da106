// Generic institution names ("Supreme Court", "Foreign Ministry", "Central
// Bank") name a different body in every country or state. The guidelines keep
// the place outside the span ("U.S. Supreme Court" -> PLACE "U.S." + ORG
// "Supreme Court") and the canonical name is what the document spells, so the
// place the text ties the body to is recorded beside it, as the mention's
// qualifier (the `value` column of an ORG row), and the linker keeps bodies
// with different qualifiers apart.
//
// A generic name is qualified by a PLACE right before it ("U.S. Supreme
// Court", "Canada's Supreme Court", "Ontario Supreme Court") or right after
// "of"/"for" ("Supreme Court of Canada"). A bare use takes the qualifier of
// the last qualified use of the same name before it, or the one qualifier the
// document gives that name; otherwise it stays unqualified.

import type { Mention } from '../types.js';
import { lexicon } from '../recognizers/lexicon.js';
import { isCompanyName, wordsBefore } from '../resolver/referents.js';
import { lookupEntries } from '../data/gazetteer.js';

const FUNCTION_WORDS = new Set(['of', 'the', 'for', 'and', 'on', '&']);

/** A name made only of ordinary English words ("Supreme Court", "Ministry of Foreign Affairs"), not a company's. */
export function isGenericOrgName(name: string): boolean {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length === 0 || isCompanyName(name)) return false;
  const common = lexicon().common;
  let content = 0;
  for (const w of words) {
    const l = w.toLowerCase();
    if (FUNCTION_WORDS.has(l)) continue;
    if (!/^\p{Lu}\p{Ll}+$/u.test(w) || !common.has(l)) return false;
    content++;
  }
  return content > 0;
}

const BEFORE_RE = /^(?:['’]s)?[ \t]+$/;
const AFTER_RE = /^[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?$/;

/** A country's or state's name (or abbreviation) right before a name: "U.S.", "Ohio's". */
function placeBefore(text: string, pos: number): string | undefined {
  const ws = wordsBefore(text, pos, 3);
  if (ws.length === 0 || ws[ws.length - 1].start + ws[ws.length - 1].word.length === pos) return undefined;
  // A word with a final period only ("Canada.") ends the sentence before: no qualifier ("U.S." keeps its inner ones).
  if (/^[^.]+\.$/.test(ws[ws.length - 1].word)) return undefined;
  const words = ws.map((w) => w.word.replace(/['’]s$/, ''));
  // Only the last word may carry the possessive; every word is capitalized.
  let from = words.length;
  while (from > 0 && /^\p{Lu}/u.test(words[from - 1]) && (from === words.length || words[from - 1] === ws[from - 1].word)) from--;
  for (let k = from; k < words.length; k++) {
    const e = lookupEntries(words.slice(k).join(' ')).find((x) => x.kind === 'country' || x.cls === 'state');
    if (e) return e.name;
  }
  return undefined;
}

/** The name of the place a PLACE mention resolved to, else its canonical. */
const placeName = (m: Mention) => m.place?.name || m.canonical;

/** Set `qualifier` on the generic ORG mentions of one document (mentions in text order). */
export function qualifyGenericOrgs(text: string, mentions: Mention[]): void {
  const generic = new Map<string, boolean>();
  const isGeneric = (c: string) => generic.get(c) ?? generic.set(c, isGenericOrgName(c)).get(c)!;
  const given = new Map<string, Set<string>>();
  const direct: (string | undefined)[] = new Array(mentions.length);
  mentions.forEach((m, i) => {
    if (m.type !== 'ORG' || !isGeneric(m.canonical)) return;
    const prev = mentions[i - 1];
    const next = mentions[i + 1];
    let q: string | undefined;
    if (prev?.type === 'PLACE' && prev.end <= m.start && BEFORE_RE.test(text.slice(prev.end, m.start))) q = placeName(prev);
    else if ((!prev || prev.end <= m.start - 2) && (q = placeBefore(text, m.start))) {
      // A country or state the extraction did not tag ("The U.S. Supreme Court").
    } else if (next?.type === 'PLACE' && next.start >= m.end && AFTER_RE.test(text.slice(m.end, next.start))) q = placeName(next);
    if (!q) return;
    direct[i] = q;
    let s = given.get(m.canonical);
    if (!s) given.set(m.canonical, (s = new Set()));
    s.add(q);
  });
  if (given.size === 0) return;
  const last = new Map<string, string>();
  mentions.forEach((m, i) => {
    if (m.type !== 'ORG' || !given.has(m.canonical)) return;
    const q = direct[i];
    if (q) {
      m.qualifier = q;
      last.set(m.canonical, q);
      return;
    }
    const before = last.get(m.canonical);
    const all = given.get(m.canonical)!;
    m.qualifier = before ?? (all.size === 1 ? [...all][0] : undefined);
  });
}
