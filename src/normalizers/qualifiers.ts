// Generic institution names ("Supreme Court", "Foreign Ministry", "Central
// Bank") name a different body in every country or state. The guidelines keep
// a place before the name outside the span ("U.S. Supreme Court" -> PLACE
// "U.S." + ORG "Supreme Court"), a place after "of" inside it (the longest
// name wins: "Supreme Court of Canada"), and the canonical name is what the document spells, so the
// place the text ties the body to is recorded beside it, as the mention's
// qualifier (the `value` column of an ORG row), and the linker keeps bodies
// with different qualifiers apart.
//
// A generic name is qualified by a PLACE right before it ("U.S. Supreme
// Court", "Canada's Supreme Court", "Ontario Supreme Court"), right after
// "of"/"for" outside the span, or inside its name ("Supreme Court of Canada").
// A bare use takes the qualifier of
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

/**
 * A generic name with its place inside ("Supreme Court of Canada", "Supreme
 * Court of the United States": one ORG by the guidelines, the longest name
 * wins): the generic part and the country's or state's name, else null.
 * Word by word, not a backtracking pattern (a long run of spaces stays linear).
 */
export function placeInsideName(name: string): { base: string; place: string } | null {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length < 3 || words.length > 12) return null;
  for (let k = 1; k < words.length - 1; k++) {
    if (words[k] !== 'of' && words[k] !== 'for') continue;
    const rest = words.slice(words[k + 1] === 'the' ? k + 2 : k + 1);
    if (rest.length === 0 || !/^\p{Lu}/u.test(rest[0])) continue;
    const base = words.slice(0, k).join(' ');
    if (!isGenericOrgName(base)) continue;
    const e = lookupEntries(rest.join(' ')).find((x) => x.kind === 'country' || x.cls === 'state');
    if (e) return { base, place: e.name };
  }
  return null;
}

/** The name of the place a PLACE mention resolved to, else its canonical. */
const placeName = (m: Mention) => m.place?.name || m.canonical;

/** Set `qualifier` on the generic ORG mentions of one document (mentions in text order). */
export function qualifyGenericOrgs(text: string, mentions: Mention[]): void {
  const generic = new Map<string, boolean>();
  const isGeneric = (c: string) => generic.get(c) ?? generic.set(c, isGenericOrgName(c)).get(c)!;
  const given = new Map<string, Set<string>>();
  const direct: (string | undefined)[] = new Array(mentions.length);
  // The generic name a mention is grouped under: "Supreme Court of Canada" with the bare "Supreme Court".
  const base: (string | undefined)[] = new Array(mentions.length);
  mentions.forEach((m, i) => {
    if (m.type !== 'ORG') return;
    const inside = placeInsideName(m.canonical);
    if (!inside && !isGeneric(m.canonical)) return;
    base[i] = inside?.base ?? m.canonical;
    const prev = mentions[i - 1];
    const next = mentions[i + 1];
    let q: string | undefined;
    if (inside) q = inside.place;
    else if (prev?.type === 'PLACE' && prev.end <= m.start && BEFORE_RE.test(text.slice(prev.end, m.start))) q = placeName(prev);
    else if ((!prev || prev.end <= m.start - 2) && (q = placeBefore(text, m.start))) {
      // A country or state the extraction did not tag ("The U.S. Supreme Court").
    } else if (next?.type === 'PLACE' && next.start >= m.end && AFTER_RE.test(text.slice(m.end, next.start))) q = placeName(next);
    if (!q) return;
    direct[i] = q;
    let s = given.get(base[i]!);
    if (!s) given.set(base[i]!, (s = new Set()));
    s.add(q);
  });
  if (given.size === 0) return;
  const last = new Map<string, string>();
  mentions.forEach((m, i) => {
    const b = base[i];
    if (b === undefined || !given.has(b)) return;
    const q = direct[i];
    if (q) {
      m.qualifier = q;
      last.set(b, q);
      return;
    }
    const before = last.get(b);
    const all = given.get(b)!;
    m.qualifier = before ?? (all.size === 1 ? [...all][0] : undefined);
  });
}
