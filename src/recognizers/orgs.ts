// ORG candidates: alias-table names (longest match over tokens), acronyms
// defined in the text and their later uses, capitalized phrases built around
// an organization head word ("Department of War Studies", "Foreign Ministry",
// "Wagner Group"), and unknown all-caps acronyms as weak guesses.

import { readFileSync } from 'node:fs';
import type { AnalyzedText, Candidate, Recognizer, Token } from '../types.js';
import { dataPath } from '../util/paths.js';
import { lookupOrg, lookupOrgExact, aliasSpanFrom, findAcronymDefinitions } from '../normalizers/aliases.js';
import { lexicon } from './lexicon.js';
import { lookupEntries } from '../data/gazetteer.js';
import { isUpperChar } from '../util/text.js';

export interface HeadData {
  /** Heads of names that keep a leading nationality adjective ("British Embassy"). */
  nationalHeads: string[];
  /** Heads of government bodies, which a country's adjective only describes ("Russian Foreign Ministry"). */
  governmentHeads: string[];
  /** Company heads: such an organization is later called by its first word ("Veltrix Semiconductor" -> "Veltrix"). */
  shortNameHeads: string[];
  heads: string[];
  connectors: string[];
  leadingHeads: string[];
  notOrgAcronyms: string[];
  /** Legal-form suffixes that end a company name ("Inc.", "plc"). */
  companySuffixes?: string[];
  /** Suffixes that are also other abbreviations ("AG", "SA", "NV"): only after a word that is not a place or title. */
  ambiguousCompanySuffixes?: string[];
  /** More company heads, several words allowed ("Air Lines"): a town's name before one is a company (src/resolver/referents.ts). */
  companyHeadsExtra?: string[];
  /** Last words that make a name of two or more words an institution, never a place (src/resolver/referents.ts). */
  institutionHeads?: string[];
}

let headLists: HeadData | null = null;
/** data/org-heads.json as written, read once for every stage that uses its lists. */
export function orgHeadLists(): HeadData {
  return (headLists ??= JSON.parse(readFileSync(dataPath('org-heads.json'), 'utf8')) as HeadData);
}

/** Is this token a company's legal-form suffix, and an unambiguous one? Asked of every token: most are answered by their first character. */
export function companySuffixKind(token: string): 'strong' | 'ambiguous' | null {
  const h = heads ?? headData();
  if (token.length > h.longestSuffix || !h.suffixInitials.has(token.charCodeAt(0))) return null;
  return h.suffixes.has(token) ? 'strong' : h.ambiguousSuffixes.has(token) ? 'ambiguous' : null;
}

/** Is this word an organization's head: the last word of its name ("Ministry", "Party", "Systems", "Inc."), or a leading one ("Bank" of ...)? */
export function orgHeadKind(word: string): 'tail' | 'lead' | null {
  const h = heads ?? headData();
  if (h.tail.has(word) || h.shortName.has(word) || h.suffixes.has(word)) return 'tail';
  return h.lead.has(word) ? 'lead' : null;
}

/** Does this organization name end with a company head ("Systems", "Inc.")? */
export function hasCompanyHead(name: string): boolean {
  const words = name.split(/\s+/);
  return headData().shortName.has(words[words.length - 1]);
}

let heads: {
  tail: Set<string>;
  lead: Set<string>;
  connectors: Set<string>;
  notAcronyms: Set<string>;
  national: Set<string>;
  government: Set<string>;
  shortName: Set<string>;
  suffixes: Set<string>;
  ambiguousSuffixes: Set<string>;
  /** First UTF-16 units and the longest length of the suffixes, to turn most tokens away without hashing them. */
  suffixInitials: Set<number>;
  longestSuffix: number;
} | null = null;
function headData() {
  if (!heads) {
    const d = orgHeadLists();
    const all = [...(d.companySuffixes ?? []), ...(d.ambiguousCompanySuffixes ?? [])];
    heads = {
      tail: new Set(d.heads),
      lead: new Set(d.leadingHeads),
      connectors: new Set(d.connectors),
      notAcronyms: new Set(d.notOrgAcronyms),
      national: new Set(d.nationalHeads),
      government: new Set(d.governmentHeads),
      shortName: new Set(d.shortNameHeads),
      suffixes: new Set(d.companySuffixes ?? []),
      ambiguousSuffixes: new Set(d.ambiguousCompanySuffixes ?? []),
      suffixInitials: new Set(all.map((w) => w.charCodeAt(0))),
      longestSuffix: all.reduce((n, w) => Math.max(n, w.length), 0),
    };
  }
  return heads;
}

const isCap = (t: string) => isUpperChar(t[0]);
// Asked of every token: most fail on length or on the first character before any regex runs.
function isAcronymToken(t: string): boolean {
  // Two to six code points: 2 to 12 UTF-16 units. An ASCII first character must be A-Z.
  if (t.length < 2 || t.length > 12) return false;
  const c = t.charCodeAt(0);
  if (c < 0x80 && (c < 0x41 || c > 0x5a)) return false;
  return /^[\p{Lu}][\p{Lu}\p{N}&]{1,5}$/u.test(t) && /\p{Lu}.*\p{Lu}|\p{Lu}\p{N}/u.test(t);
}
const LOWER_START = /^\p{Ll}/u;
const HYPHENATED = /[-‐‑]/;
/** Does the token start with a lower-case letter ("al-Qaeda", "eBay")? ASCII from the character code. */
function startsLower(t: string): boolean {
  const c = t.charCodeAt(0);
  return c < 0x80 ? c >= 0x61 && c <= 0x7a : LOWER_START.test(t);
}

function sentenceBounds(tokens: Token[]): number[] {
  // ends[i] = index one past the last token of token i's sentence
  const ends = new Array<number>(tokens.length);
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    while (j < tokens.length && tokens[j].sentence === tokens[i].sentence) j++;
    for (let k = i; k < j; k++) ends[k] = j;
    i = j;
  }
  return ends;
}

function isCapsLine(tokens: Token[], from: number, to: number): boolean {
  let words = 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k].text;
    if (!/\p{L}/u.test(t)) continue;
    words++;
    if (t !== t.toUpperCase()) return false;
  }
  return words > 0;
}

export function findOrgs(input: AnalyzedText): Candidate[] {
  const { text, tokens } = input;
  const out: Candidate[] = [];
  const h = headData();
  const lex = lexicon();
  const sentEnd = sentenceBounds(tokens);

  // (a) Alias table: longest match starting at each capitalized token, or at a
  // lower-case one when the alias is spelled that way ("al-Qaeda": exact case only).
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const capital = isCap(t.text);
    if (!capital && !startsLower(t.text)) continue;
    const span = aliasSpanFrom(t.text);
    if (span === 0) continue;
    let best: { end: number; canonical: string } | null = null;
    for (let j = i; j < Math.min(sentEnd[i], i + span); j++) {
      const surface = text.slice(t.start, tokens[j].end);
      const hit = capital ? lookupOrg(surface) : lookupOrgExact(surface);
      if (hit) best = { end: tokens[j].end, canonical: hit.canonical };
    }
    if (best) {
      out.push({ start: t.start, end: best.end, type: 'ORG', source: 'orgs', score: 0.9, canonical: best.canonical });
    }
  }

  // (a2) Known names inside hyphenated words: "CIA-produced", "general-turned-FSB", "al-Qaeda-linked",
  // "UN-backed" (the tagger sees such a word as one token).
  for (const t of tokens) {
    const w = t.text;
    if (w.length < 4 || !HYPHENATED.test(w)) continue;
    const parts: [number, number][] = [];
    let off = 0;
    for (const part of w.split(HYPHENATED)) {
      parts.push([off, off + part.length]);
      off += part.length + 1;
    }
    for (let i = 0; i < parts.length; ) {
      let hit: { end: number; canonical: string } | null = null;
      for (let j = Math.min(parts.length, i + 4); j > i; j--) {
        if (i === 0 && j === parts.length) continue; // the whole word: step (a)
        const surface = w.slice(parts[i][0], parts[j - 1][1]);
        if (surface.length < 2) continue;
        const found = isCap(surface) || startsLower(surface) ? lookupOrgExact(surface) : null;
        if (found) {
          hit = { end: j, canonical: found.canonical };
          break;
        }
      }
      if (!hit) {
        i++;
        continue;
      }
      out.push({ start: t.start + parts[i][0], end: t.start + parts[hit.end - 1][1], type: 'ORG', source: 'orgs', score: 0.9, canonical: hit.canonical });
      i = hit.end;
    }
  }

  // (b) Acronyms defined in the text: the long form and every use of the short form.
  const defs = findAcronymDefinitions(text);
  const defined = new Map<string, string>();
  for (const d of defs) {
    const known = lookupOrg(d.long) ?? lookupOrg(d.short);
    const canonical = known?.canonical ?? d.long;
    defined.set(d.short, canonical);
    out.push({ start: d.longStart, end: d.longStart + d.long.length, type: 'ORG', source: 'orgs', score: 0.9, canonical });
  }
  if (defined.size > 0) {
    for (const t of tokens) {
      const c = defined.get(t.text);
      if (c) out.push({ start: t.start, end: t.end, type: 'ORG', source: 'orgs', score: 0.9, canonical: c });
    }
  }

  // (c) Capitalized phrases around a head word.
  let i = 0;
  while (i < tokens.length) {
    const end = sentEnd[i];
    const capsLine = isCapsLine(tokens, i, end);
    let k = i;
    while (k < end) {
      if (!isCap(tokens[k].text) || capsLine) {
        k++;
        continue;
      }
      // A run of capitalized words, connectors allowed inside.
      let j = k;
      let last = k;
      while (j < end) {
        const w = tokens[j].text;
        if (isCap(w) && !/^\d+$/.test(w)) last = j;
        // Connectors and a possessive ("Sheriff’s Office") may join capitalized words.
        else if (!((h.connectors.has(w) || w === '’s' || w === "'s") && j + 1 < end && isCap(tokens[j + 1].text))) break;
        j++;
      }
      phrase(k, last + 1);
      k = last + 1;
    }
    i = end;
  }

  function phrase(a: number, b: number): void {
    // Sentence-initial function words and "The" are not part of a name.
    while (a < b && (lex.functionWords.has(tokens[a].text.toLowerCase()) || tokens[a].text === 'The')) a++;
    if (a >= b) return;
    // Tail head: the phrase ends with a head word ("Foreign Ministry", "Wagner Group").
    let headAt = -1;
    for (let q = b - 1; q >= a; q--) {
      const w = tokens[q].text;
      if (h.tail.has(w) || (q + 1 < b && h.tail.has(`${w} ${tokens[q + 1].text}`))) {
        headAt = q;
        break;
      }
    }
    // Leading head: "University of Toronto", "Department of War Studies".
    let leadAt = -1;
    for (let q = a; q < b - 2; q++) {
      if (h.lead.has(tokens[q].text) && h.connectors.has(tokens[q + 1].text)) {
        leadAt = q;
        break;
      }
    }
    // A possessive after the head marks a possessor: "Royal Society's Darwin Medal" -> "Royal Society".
    for (let q = a + 1; q < b; q++) {
      const w = tokens[q].text;
      if ((w === '’s' || w === "'s") && headAt >= a && headAt < q) {
        b = q;
        break;
      }
    }
    // Before a possessive only a common noun makes a name ("King's College", "Sheriff's Office"),
    // not a person's or place's name ("Costa's Socialist Party").
    for (let q = a + 1; q < b; q++) {
      const w = tokens[q].text;
      const owner = tokens[q - 1].text.toLowerCase();
      const ownerIsName = lex.firstNames.has(owner) || lex.lastNames.has(owner) || lex.personWords.has(owner) || lex.placeWords.has(owner);
      if ((w === '’s' || w === "'s") && !lex.common.has(owner) && ownerIsName) {
        a = q + 1;
        break;
      }
    }
    if (a >= b) return;
    let s = -1;
    let e = -1;
    if (leadAt >= 0) {
      s = leadAt;
      e = b;
      // Words before a leading head belong to the name when they are not a place ("Russian Ministry of ...").
      if (s > a) s = a;
    } else if (headAt > a) {
      // The name ends with its head: "European Council President Donald Tusk" -> "European Council".
      s = a;
      e = headAt + 1;
      if (e < b && h.tail.has(`${tokens[headAt].text} ${tokens[e].text}`)) e++;
    } else return;
    // A country's adjective before a government body or a known organization only describes
    // it ("the Russian Foreign Ministry" -> "Foreign Ministry", "British Secret Intelligence
    // Service" -> "Secret Intelligence Service"); in other names it stays ("British Embassy").
    const restIsKnown = (from: number) => lookupOrg(text.slice(tokens[from].start, tokens[e - 1].end)) !== null;
    while (s < e - 1 && lex.countryDemonyms.has(tokens[s].text.toLowerCase()) && (h.government.has(tokens[e - 1].text) || restIsKnown(s + 1))) s++;
    // A country or place name before the organization is a separate PLACE ("New Zealand Department of Conservation").
    // A city before a known organization is split off too ("Geneva United Nations").
    for (let n = Math.min(3, e - s - 1); n >= 1; n--) {
      const prefix = text.slice(tokens[s].start, tokens[s + n - 1].end);
      const entries = lookupEntries(prefix);
      const restKnown = () => lookupOrg(text.slice(tokens[s + n].start, tokens[e - 1].end)) !== null;
      if (entries.some((g) => g.kind === 'country') || (entries.length > 0 && restKnown())) {
        s += n;
        if (tokens[s].text === '’s' || tokens[s].text === "'s") s++; // "Russia's Foreign Ministry" 
        break;
      }
    }
    // A lone head word ("Ministry", "Agency") is a generic back-reference, not a name.
    if (e - s < 2) return;
    const start = tokens[s].start;
    const stop = tokens[e - 1].end;
    // A longer name built on a known one ("Georgetown University Press") is as sure as the known one.
    const extendsKnown = out.some((c) => c.score >= 0.9 && c.start >= start && c.end <= stop && c.end - c.start < stop - start);
    out.push({ start, end: stop, type: 'ORG', source: 'orgs', score: extendsKnown ? 0.9 : 0.6 });
  }

  // (d) Unknown all-caps acronyms in running text: weak guesses.
  for (let q = 0; q < tokens.length; q++) {
    const w = tokens[q].text;
    if (!isAcronymToken(w) || h.notAcronyms.has(w) || defined.has(w) || lookupOrg(w) || lex.common.has(w.toLowerCase())) continue;
    const end = sentEnd[q];
    let start = q;
    while (start > 0 && tokens[start - 1].sentence === tokens[q].sentence) start--;
    if (isCapsLine(tokens, start, end)) continue;
    if (/^[IVXLC]+$/.test(w)) continue;
    if (lookupEntries(w).length > 0) continue;
    out.push({ start: tokens[q].start, end: tokens[q].end, type: 'ORG', source: 'orgs', score: 0.35 });
  }
  return out;
}

export const orgRecognizer: Recognizer = {
  name: 'orgs',
  recognize: findOrgs,
};
