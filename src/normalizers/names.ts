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
import { readFileSync } from 'node:fs';
import { dataPath } from '../util/paths.js';
import { lexicon } from '../recognizers/lexicon.js';

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
const isInitial = (w: string) => /^(?:\p{Lu}\.?|(?:\p{Lu}\.){2,})$/u.test(w);
/** The words of a name without its generational suffix ("King Jr." -> "King"). */
const coreWords = (words: string[]): string[] => {
  let n = words.length;
  while (n > 1 && isNameSuffix(words[n - 1])) n--;
  return words.slice(0, n);
};
/** Two or more name words besides initials and a suffix. */
const isFullName = (words: string[]): boolean => coreWords(words).filter((w) => !isInitial(w)).length >= 2;

/** Particles that open a surname ("De Smet", "van der Berg", "al-Assad" is one word). */
const PARTICLE_START = /^(?:de|del|della|der|den|di|da|dos|du|la|le|van|von|ter|ten)$/iu;
/** Do `full`'s last words equal `tail` (the particle's case aside: "Koen de Smet" ... "De Smet")? */
const endsWithWords = (full: string[], tail: string[]): boolean =>
  tail.every((w, k) => {
    const f = full[full.length - tail.length + k];
    return k === 0 ? f.toLowerCase() === w.toLowerCase() : f === w;
  });

export function assignCanonicals(text: string, spans: Candidate[]): NamedSpan[] {
  const result: NamedSpan[] = new Array(spans.length);
  // Surface forms with ALL CAPS names (bylines, datelines) in normal case; acronyms untouched.
  const surface = spans.map((c) => (c.type === 'ORG' ? text.slice(c.start, c.end) : normalizeCase(text.slice(c.start, c.end))));

  // PERSON ---------------------------------------------------------------
  const fulls: { name: string; words: string[]; start: number }[] = [];
  spans.forEach((c, i) => {
    if (c.type !== 'PERSON') return;
    const words = nameWords(surface[i]);
    if (isFullName(words)) fulls.push({ name: surface[i], words: coreWords(words), start: c.start });
  });
  // Each full name maps to the longest full name with the same first and last word.
  const longestFull = (words: string[]): string => {
    let best = words.join(' ');
    let bestLen = best.length;
    for (const f of fulls) {
      if (f.words[0] === words[0] && f.words[f.words.length - 1] === words[words.length - 1] && f.name.length > bestLen) {
        best = f.name;
        bestLen = f.name.length;
      }
    }
    return best;
  };
  spans.forEach((c, i) => {
    if (c.type !== 'PERSON') return;
    const all = nameWords(surface[i]);
    const words = coreWords(all);
    let canonical = surface[i];
    // A surname with its particle ("De Smet", "van der Berg") names the person whose full name ends with it.
    const owner = PARTICLE_START.test(words[0]) && words.length >= 2 ? fulls.find((f) => f.words.length > words.length && endsWithWords(f.words, words)) : undefined;
    if (owner) canonical = longestFull(owner.words);
    else if (isFullName(all)) {
      canonical = longestFull(words);
      // The suffix this mention carries, unless the fuller name already has one.
      if (words.length < all.length && !nameWords(canonical).some(isNameSuffix)) canonical = `${canonical} ${all.slice(words.length).join(' ')}`;
    } else if (words.length === 1) {
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
      else {
        canonical = mostFrequent(members.map((i) => surface[i]));
        // Only all-caps mentions ("PITTSBURGH" in a results table): a known name that is the same word in normal case wins.
        if (tableNames.has(key) && nearVariant(canonical, key)) canonical = key;
      }
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

// Person names: titles, particles, suffixes ---------------------------------

interface NameLists {
  suffixes: Set<string>;
  particles: Set<string>;
  /** Folded variant spelling -> the first spelling of its group. */
  variants: Map<string, string>;
  titles: Set<string>;
  givenNameTitles: Set<string>;
}

let nameLists: NameLists | null = null;

function lists(): NameLists {
  if (nameLists) return nameLists;
  const raw = JSON.parse(readFileSync(dataPath('person-names.json'), 'utf8')) as {
    suffixes?: string[];
    particles?: string[];
    variants?: string[][];
    titlesExtra?: string[];
    givenNameTitles?: string[];
  };
  const variants = new Map<string, string>();
  for (const group of raw.variants ?? []) for (const w of group) variants.set(plainFold(w), plainFold(group[0]));
  const titles = new Set<string>();
  for (const t of raw.titlesExtra ?? []) titles.add(t.toLowerCase().replace(/\.$/, ''));
  nameLists = {
    suffixes: new Set((raw.suffixes ?? []).map((s) => s.toLowerCase().replace(/[.,]/g, ''))),
    particles: new Set((raw.particles ?? []).map((s) => s.toLowerCase())),
    variants,
    titles,
    givenNameTitles: new Set((raw.givenNameTitles ?? []).map((s) => s.toLowerCase())),
  };
  return nameLists;
}

/** Lower case, no accents, letters and digits only ("Erdoğan" -> "erdogan", "O'Neill" -> "oneill"). */
function plainFold(w: string): string {
  return w.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * One name word folded for linking across transliterations: accents and
 * punctuation dropped, a known variant spelling mapped to its group
 * (data/person-names.json), doubled letters collapsed and, for surnames, a
 * final -iy/-yy/-y read as -i ("Zelenskyy", "Zelenskiy", "Zelensky").
 */
export function foldNameWord(w: string, surname = false): string {
  let f = plainFold(w);
  const v = lists().variants.get(f);
  if (v) return v;
  f = f.replace(/(\p{L})\1+/gu, '$1').replace(/x/g, 'ks');
  if (surname) f = f.replace(/(?<=[^aeiouy])(?:iy|yi|y|ii)$/u, 'i');
  return f;
}

export function isNameSuffix(w: string): boolean {
  return lists().suffixes.has(w.toLowerCase().replace(/[.,]/g, ''));
}

/** A title word that is also a common given name ("Dean", "Earl", "Major"): data/person-names.json. */
export function isGivenNameTitle(w: string): boolean {
  return lists().givenNameTitles.has(w.toLowerCase());
}

/** A word that is only ever a title or rank before a name ("President", "Sen.", "Attorney"). */
export function isTitleWord(w: string): boolean {
  const k = w.toLowerCase().replace(/\.$/, '');
  return lists().titles.has(k) || lexicon().titles.has(k);
}

export interface PersonName {
  /** First given name ('' for a single-word name). */
  first: string;
  /** Middle names and initials, one entry per initial ("H.W." -> H, W). */
  middles: string[];
  /** Surname with its lower-case particles ("von der Leyen"); the whole name when it is one word. */
  surname: string;
  /** The last word of the surname ("Leyen"). */
  surnameCore: string;
  /** Generational suffix ("Jr.", "III"), '' when none. */
  suffix: string;
}

/**
 * Split a person's name into first name, middle names, surname (with
 * particles) and suffix. The suffix is never the surname: "Martin Luther
 * King Jr." has the surname "King".
 */
export function parsePersonName(name: string): PersonName {
  const { particles } = lists();
  let words = name.replace(/,/g, ' ').split(/\s+/).filter((w) => w.length > 0);
  let suffix = '';
  while (words.length > 1 && isNameSuffix(words[words.length - 1])) {
    suffix = suffix ? `${words[words.length - 1]} ${suffix}` : words[words.length - 1];
    words = words.slice(0, -1);
  }
  if (words.length === 0) return { first: '', middles: [], surname: name, surnameCore: name, suffix };
  const core = words[words.length - 1];
  let s = words.length - 1;
  // Particles before the last word belong to the surname, except a capitalized first word ("Van Morrison" keeps "Van" as first name).
  while (s > 1 && particles.has(words[s - 1].toLowerCase()) && words[s - 1] === words[s - 1].toLowerCase()) s--;
  if (s === 1 && particles.has(words[0].toLowerCase()) && words[0] === words[0].toLowerCase()) s = 0;
  const surname = words.slice(s).join(' ');
  if (s === 0) return { first: '', middles: [], surname, surnameCore: core, suffix };
  const first = words[0];
  const middles: string[] = [];
  for (const w of words.slice(1, s)) {
    // "H.W." and "HW" are two initials; "C." one; "Charles" a name.
    if (/^(?:\p{Lu}\.){2,}$/u.test(w)) for (const ch of w.replace(/\./g, '')) middles.push(`${ch}.`);
    else middles.push(w);
  }
  return { first, middles, surname, surnameCore: core, suffix };
}

/**
 * Leading title words of a PERSON span ("Attorney General Janet Reno",
 * "President George H.W. Bush", "Sen. Kerry"): the number of UTF-16 units to
 * cut from its start, 0 when none. A word that is also a first name is kept
 * when only one word would be left ("Earl Warren", "Prince Harry" stay).
 */
export function titlePrefixLength(span: string): number {
  const re = /[\p{L}][\p{L}\p{M}'’.\-]*/gu;
  const words: { w: string; end: number; start: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(span)) !== null) words.push({ w: m[0], start: m.index, end: m.index + m[0].length });
  let k = 0;
  while (k < words.length - 1 && isTitleWord(words[k].w) && /^\p{Lu}/u.test(words[k + 1].w)) k++;
  // A generational suffix follows a surname: the title word before it is the surname ("King Jr.").
  while (k > 0 && words.slice(k).every((x) => isNameSuffix(x.w))) k--;
  if (k === 0) return 0;
  const left = words.length - k;
  if (left === 1) {
    // Only a surname left: keep a title word that is also a common given name ("Earl Warren"), unless dotted ("Maj.").
    // The resolver has already cut it where the context makes it a title; "King Otto", "Queen Beatrix" lose theirs.
    if (!words[k - 1].w.endsWith('.') && isGivenNameTitle(words[k - 1].w)) k--;
    if (k === 0) return 0;
  }
  // The rest must still read as a name: no leading lower-case particle only.
  return words[k].start;
}
