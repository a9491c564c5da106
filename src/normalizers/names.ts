// Canonical names (GUIDELINES: "the fullest name the document gives the same
// referent"). Mentions are grouped into referents inside one document:
// - PERSON: a surname or first name joins the unique full name that ends or
//   starts with it ("Putin" -> "Vladimir Putin"); ambiguous ones stay as they are.
// - ORG: mentions that the alias table or an in-text definition maps to one
//   organization share a referent; its canonical is the table's name when the
//   document spells the organization out at least once, else the acronym used.
// - PLACE: mentions the gazetteer resolves to one place share a referent; the
//   longest form the document uses is canonical ("U.S." -> "United States").
// Each mention also gets a global key, the name its entity ID is built from,
// so that "CIA" in one article and "Central Intelligence Agency" in another
// are one entity.

import type { Candidate } from '../types.js';
import { lookupOrg } from './aliases.js';
import { lookupPlace } from './places.js';
import { isAllCaps } from '../util/text.js';

export interface NamedSpan {
  canonical: string;
  /** Name the cross-document entity id is derived from. */
  key: string;
}


/**
 * "NATALIA KOLESNIKOVA" -> "Natalia Kolesnikova", "LONDON" -> "London", "NEW YORK" ->
 * "New York"; a lone word of up to three letters stays as written ("UK", "USA", "U.S.").
 */
export function normalizeCase(s: string): string {
  if (!isAllCaps(s)) return s;
  // A lone short word is an abbreviation ("UK"); in a longer name every word is a word ("NEW YORK").
  const multi = /\s/.test(s.trim());
  return s.replace(/\p{L}+/gu, (w) => (!multi && w.length <= 3 ? w : w.charAt(0) + w.slice(1).toLowerCase()));
}

function isAcronym(s: string): boolean {
  return !s.includes(' ') && /^[\p{Lu}\p{N}&.\-]+$/u.test(s) && /\p{Lu}/u.test(s);
}

const nameWords = (s: string) => s.split(/\s+/).filter((w) => w.length > 0);
const isInitial = (w: string) => /^\p{Lu}\.?$/u.test(w);

export function assignCanonicals(text: string, spans: Candidate[]): NamedSpan[] {
  const result: NamedSpan[] = new Array(spans.length);
  // Surface forms with ALL CAPS names (bylines, datelines) in normal case; acronyms untouched.
  const surface = spans.map((c) => (c.type === 'ORG' ? text.slice(c.start, c.end) : normalizeCase(text.slice(c.start, c.end))));

  // PERSON ---------------------------------------------------------------
  const fulls: { name: string; words: string[]; start: number }[] = [];
  spans.forEach((c, i) => {
    if (c.type !== 'PERSON') return;
    const words = nameWords(surface[i]);
    if (words.filter((w) => !isInitial(w)).length >= 2) fulls.push({ name: surface[i], words, start: c.start });
  });
  // Each full name maps to the longest full name with the same first and last word.
  const longestFull = (words: string[]): string => {
    let best = words.join(' ');
    for (const f of fulls) {
      if (f.words[0] === words[0] && f.words[f.words.length - 1] === words[words.length - 1] && f.name.length > best.length) best = f.name;
    }
    return best;
  };
  spans.forEach((c, i) => {
    if (c.type !== 'PERSON') return;
    const words = nameWords(surface[i]);
    let canonical = surface[i];
    if (words.filter((w) => !isInitial(w)).length >= 2) canonical = longestFull(words);
    else if (words.length === 1) {
      const w = words[0];
      const bySurname = new Set<string>();
      const byFirst = new Set<string>();
      for (const f of fulls) {
        if (f.words[f.words.length - 1] === w) bySurname.add(longestFull(f.words));
        else if (f.words[0] === w) byFirst.add(longestFull(f.words));
      }
      const pool = bySurname.size > 0 ? bySurname : byFirst;
      if (pool.size === 1) canonical = [...pool][0];
      else if (pool.size > 1) {
        // Several people share the word: the one the document names first, usually its subject
        // ("Marguerite Alvarez ... her daughter, Inês Alvarez ... Alvarez studied").
        let first: { name: string; start: number } | null = null;
        for (const f of fulls) {
          const n = longestFull(f.words);
          if (pool.has(n) && (!first || f.start < first.start)) first = { name: n, start: f.start };
        }
        if (first) canonical = first.name;
      }
    }
    result[i] = { canonical, key: canonical };
  });

  // ORG and PLACE: group by a referent key, then pick the document's canonical.
  const groups = new Map<string, number[]>();
  const refKey: string[] = new Array(spans.length);
  const tableNames = new Set<string>();
  spans.forEach((c, i) => {
    if (c.type !== 'ORG' && c.type !== 'PLACE') return;
    let key = surface[i];
    if (c.type === 'ORG') {
      const known = lookupOrg(text.slice(c.start, c.end)) ?? lookupOrg(surface[i]);
      key = known?.canonical ?? c.canonical ?? surface[i];
      if (known || c.canonical) tableNames.add(key);
    } else {
      const place = lookupPlace(surface[i]);
      if (place && place.name) key = place.name;
    }
    refKey[i] = `${c.type}\u0000${key}`;
    const g = groups.get(refKey[i]);
    if (g) g.push(i);
    else groups.set(refKey[i], [i]);
  });
  for (const [gk, members] of groups) {
    const [type, key] = gk.split('\u0000');
    let canonical: string;
    if (type === 'ORG') {
      const spelled = members.filter((i) => !isAcronym(surface[i]));
      // What the document spells out, longest form first; a slip of the registered
      // name ("Federal Security Services") becomes the registered name.
      if (spelled.length > 0) {
        canonical = longest(spelled.map((i) => surface[i]));
        if (tableNames.has(key) && nearVariant(canonical, key)) canonical = foldQuotes(canonical) === foldQuotes(key) ? canonical : key;
      }
      else canonical = mostFrequent(members.map((i) => surface[i]));
    } else {
      canonical = longest(members.map((i) => surface[i]));
    }
    for (const i of members) result[i] = { canonical, key };
  }
  spans.forEach((_c, i) => {
    if (!result[i]) result[i] = { canonical: surface[i], key: surface[i] };
  });
  return result;
}

const foldQuotes = (s: string) => s.replace(/[’']/g, "'");

/** Same name up to apostrophes, case and a plural s. */
function nearVariant(a: string, b: string): boolean {
  const f = (s: string) => foldQuotes(s).toLowerCase().replace(/s$/, '');
  return f(a) === f(b);
}

function longest(xs: string[]): string {
  let best = xs[0];
  for (const x of xs) if (x.length > best.length || (x.length === best.length && x < best)) best = x;
  return best;
}

function mostFrequent(xs: string[]): string {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best = xs[0];
  for (const [x, n] of counts) if (n > (counts.get(best) ?? 0) || (n === counts.get(best) && x < best)) best = x;
  return best;
}
