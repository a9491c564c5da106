// Referent checks on the final spans of a document, after the tagger and the
// rules have been combined: what kind of thing a name names, where the
// spans alone cannot tell.
// - A company named after a town is an organization: a PLACE (or PERSON)
//   span that ends with a company head word ("Bethlehem Steel", "Delta Air
//   Lines") or is followed by one or by a legal suffix ("Nashua Corp.") is
//   an ORG; and a later bare use of the company's first word(s) ("Delta
//   said") is that ORG too, unless it stands after a preposition of place
//   ("flights to Delta"). A span that is itself a known place ("Owings
//   Mills", "West Bank") stays a PLACE.
// - "District of Columbia": a place name right after "<Words> of " grows to
//   the longer name when the gazetteer knows the longer one.
// - "Blue Bell, Pa.": the words before ", <state>" that the gazetteer knows
//   as a town of that state are a PLACE, whole.
// - A demonym in the plural ("New Yorkers", "Chicagoans", "Israelis") names
//   people from a place, not an entity: dropped (GUIDELINES: nationality
//   words are not places, and never an organization).
// Lists: data/org-heads.json (shortNameHeads, companyHeadsExtra, companySuffixes).

import { readFileSync } from 'node:fs';
import type { Candidate } from '../types.js';
import { dataPath } from '../util/paths.js';
import { gazetteer, lookupEntries } from '../data/gazetteer.js';

interface CompanyWords {
  /** Head words as word arrays ("Air Lines" -> ["Air", "Lines"]), by their last word, longest first. */
  heads: Map<string, string[][]>;
  suffixes: Set<string>;
}

let words: CompanyWords | null = null;
function companyWords(): CompanyWords {
  if (words) return words;
  const d = JSON.parse(readFileSync(dataPath('org-heads.json'), 'utf8')) as {
    shortNameHeads: string[];
    companyHeadsExtra?: string[];
    companySuffixes?: string[];
  };
  const heads = new Map<string, string[][]>();
  for (const h of new Set([...d.shortNameHeads, ...(d.companyHeadsExtra ?? [])])) {
    const ws = h.split(' ');
    const last = ws[ws.length - 1];
    const list = heads.get(last);
    if (list) list.push(ws);
    else heads.set(last, [ws]);
  }
  // Longest heads first, so "Air Lines" is tried before a one-word head.
  for (const list of heads.values()) list.sort((a, b) => b.length - a.length);
  words = { heads, suffixes: new Set(d.companySuffixes ?? []) };
  return words;
}

/** The number of trailing words of `ws` that form a company head, 0 when none. */
function companyHeadLength(ws: string[]): number {
  for (const h of companyWords().heads.get(ws[ws.length - 1]) ?? []) {
    if (h.length > ws.length) continue;
    let ok = true;
    for (let i = 0; i < h.length; i++) if (ws[ws.length - h.length + i] !== h[i]) ok = false;
    if (ok) return h.length;
  }
  return 0;
}

/** Does this name end with a company head word or legal suffix? (the whole name is more than the head) */
export function isCompanyName(name: string): boolean {
  const ws = name.trim().split(/\s+/);
  const n = companyHeadLength(ws);
  return n > 0 && n < ws.length;
}

const isKnownPlace = (name: string) => lookupEntries(name).some((e) => e.kind !== 'other' || e.cls === 'feature');

/** Capitalized words (company heads, a legal suffix) right after a span: "Steel", " Air Lines", " Corp.". */
const FOLLOW_RE = /^(,?[ \t]+)((?:\p{Lu}[\p{L}&.]*)(?:[ \t]+\p{Lu}[\p{L}&.]*){0,2})/u;

/** Locative prepositions: "flights to Delta" is the place even when a company shares its name. */
const LOCATIVE_RE = /\b(?:in|at|from|near|to|into|outside|across|around|through|toward|towards|via|of|between)\s+(?:the\s+)?$/i;

const DEMONYM_SUFFIXES = ['ians', 'eans', 'ans', 'ers', 'ites', 'ns'];
const DEMONYM_ENDINGS = ['', 'a', 's', 'e', 'o'];

/** "New Yorkers", "Chicagoans", "Texans", "Israelis": the plural of a word for the people of a known place. */
export function isDemonymPlural(text: string): boolean {
  const t = text.trim();
  if (t.charCodeAt(t.length - 1) !== 115 /* s */) return false;
  if (!/^(?:\p{Lu}[\p{L}'’-]*\s+){0,3}\p{Lu}[\p{L}'’-]*s$/u.test(t)) return false;
  // A place's own name is not its people's ("Athens", "Memphis").
  if (lookupEntries(t).length > 0) return false;
  const g = gazetteer();
  const singular = t.slice(0, -1);
  if (!singular.includes(' ') && g.demonyms.has(singular.toLowerCase())) return true;
  for (const suf of DEMONYM_SUFFIXES) {
    if (!t.endsWith(suf)) continue;
    const stem = t.slice(0, -suf.length);
    if (stem.length < 3) continue;
    for (const end of DEMONYM_ENDINGS) {
      // A country, a state, or a city large enough to have a word for its people.
      if (lookupEntries(stem + end).some((e) => e.kind === 'country' || e.cls === 'state' || (e.kind === 'city' && e.population >= 100000))) return true;
    }
  }
  return false;
}

/** Apply the checks above to a document's final spans (text order in, text order out). */
export function refineReferents(text: string, spans: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const s0 of spans) {
    let s = s0;
    const surface = text.slice(s.start, s.end);
    if (s.type !== 'DATE' && isDemonymPlural(surface)) continue;
    const prevEnd = out.length > 0 ? out[out.length - 1].end : 0;
    if (s.type === 'PLACE') {
      const w = widenOfName(text, s);
      if (w.start >= prevEnd) s = w;
    }
    if (s.type === 'PLACE' || s.type === 'PERSON') s = companyNotPlace(text, s);
    // "Nashua Corp" + "." : an abbreviated legal suffix keeps its period.
    if (s.type === 'ORG' && text[s.end] === '.' && companyWords().suffixes.has(`${text.slice(s.start, s.end).split(/\s+/).pop()}.`)) s = { ...s, end: s.end + 1 };
    // A span that grew over the next one takes its place ("Bethlehem" + "Steel").
    if (s.start < prevEnd) continue;
    out.push(s);
  }
  out.splice(0, out.length, ...qualifiedTowns(text, out));
  // Bare first words of a company the document names ("Delta Air Lines" ... "Delta said").
  const stems = new Map<string, string>();
  for (const s of out) {
    if (s.type !== 'ORG') continue;
    const name = text.slice(s.start, s.end);
    const ws = name.split(/\s+/);
    const n = companyHeadLength(ws);
    if (n === 0 || n >= ws.length) continue;
    const stem = ws.slice(0, ws.length - n).join(' ');
    if (!stems.has(stem)) stems.set(stem, s.canonical ?? name);
  }
  if (stems.size === 0) return out;
  // Only the PLACE or PERSON spans that match a stem are re-typed, and only outside
  // an overlap with an ORG span already there (spans never overlap).
  return out.map((s) => {
    if (s.type === 'DATE') return s;
    const full = stems.get(text.slice(s.start, s.end));
    if (!full) return s;
    if (s.type === 'ORG') return { ...s, canonical: full };
    if (s.type === 'PLACE' && LOCATIVE_RE.test(text.slice(Math.max(0, s.start - 16), s.start))) return s;
    return { ...s, type: 'ORG', canonical: full };
  });
}

function companyNotPlace(text: string, s: Candidate): Candidate {
  const surface = text.slice(s.start, s.end);
  if (isKnownPlace(surface) && s.type === 'PLACE' && surface.includes(' ')) return s;
  // The span ends with a company head: "Bethlehem Steel".
  if (isCompanyName(surface)) return { ...s, type: 'ORG', canonical: undefined };
  // A company head or a legal suffix follows: "Bethlehem| Steel", "Nashua| Corp.".
  const m = FOLLOW_RE.exec(text.slice(s.end, s.end + 40));
  if (!m) return s;
  const follow = m[2].split(/[ \t]+/);
  const { suffixes } = companyWords();
  for (let k = follow.length; k > 0; k--) {
    const ws = follow.slice(0, k);
    const last = ws[ws.length - 1];
    const isSuffix = k === 1 && suffixes.has(last);
    // A comma only before a legal suffix ("Acme, Inc.").
    if (m[1].includes(',') && !isSuffix) continue;
    if (isSuffix || companyHeadLength(ws) === k) {
      const joined = `${surface}${m[1]}${ws.join(' ')}`;
      if (isKnownPlace(joined)) return s;
      // A final period that ends the sentence as well stays in the name ("Corp."), as the rules' ORG spans do.
      return { ...s, end: s.end + m[1].length + ws.join(' ').length, type: 'ORG', canonical: undefined };
    }
  }
  return s;
}

/** "District of Columbia": the place grows over "<Words> of " before it when the gazetteer knows the longer name. */
function widenOfName(text: string, s: Candidate): Candidate {
  const before = text.slice(Math.max(0, s.start - 40), s.start);
  const m = /((?:\p{Lu}[\p{L}]*\s+){1,3})of\s+(?:the\s+)?$/u.exec(before);
  if (!m) return s;
  // Longest name first; a leading article is never part of it ("The District of Columbia").
  let start = s.start - (before.length - m.index);
  const words = m[1].trim().split(/\s+/);
  for (const w of words) {
    if (!/^(?:The|A|An)$/.test(w)) {
      const name = text.slice(start, s.end);
      if (lookupEntries(name).some((e) => e.kind === 'country' || e.kind === 'region')) return { ...s, start, canonical: undefined };
    }
    start = text.indexOf(' ', start) + 1;
    while (/\s/.test(text[start])) start++;
  }
  return s;
}

/** The first-level region a qualifier span names ("Pa.", "Conn.", "Ohio"), or null. */
function stateOf(name: string): { cc: string; admin: string } | null {
  const g = gazetteer();
  const e = g.stateAbbrev.get(name) ?? lookupEntries(name).find((x) => x.cls === 'state');
  return e ? { cc: e.cc, admin: e.admin } : null;
}

/**
 * "Blue Bell, Pa.": the capitalized words before ", <state>" that the
 * gazetteer knows as a town of that state are a PLACE, whether the spans
 * missed them or took only part of them ("BELL" of "BLUE BELL").
 */
function qualifiedTowns(text: string, spans: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const s of spans) {
    const state = s.type === 'PLACE' && text.slice(s.start - 2, s.start) === ', ' ? stateOf(text.slice(s.start, s.end)) : null;
    if (state) {
      const before = text.slice(Math.max(0, s.start - 2 - 40), s.start - 2);
      const m = /((?:[\p{Lu}][\p{L}.'’-]*[ \t]+){0,2}[\p{Lu}][\p{L}.'’-]*)$/u.exec(before);
      if (m) {
        const words = m[1].split(/[ \t]+/);
        let at = s.start - 2 - m[1].length;
        for (let k = 0; k < words.length; k++) {
          const name = words.slice(k).join(' ');
          const town = lookupEntries(name).some((e) => e.kind === 'city' && e.cc === state.cc && e.admin === state.admin);
          if (town && !/^(?:The|A|An|In|At|From|Of|To|And)$/i.test(words[k])) {
            // Spans inside the town's name give way to it; a span reaching further left keeps its place.
            while (out.length > 0 && out[out.length - 1].end > at) {
              if (out[out.length - 1].start < at) break;
              out.pop();
            }
            if (out.length === 0 || out[out.length - 1].end <= at) out.push({ start: at, end: s.start - 2, type: 'PLACE', source: 'qualified-town', score: 1 });
            break;
          }
          at += words[k].length + 1;
        }
      }
    }
    out.push(s);
  }
  return out;
}
