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

import type { Candidate } from '../types.js';
import { orgHeadLists } from '../recognizers/orgs.js';
import { gazetteer, lookupEntries } from '../data/gazetteer.js';
import { lexicon } from '../recognizers/lexicon.js';

interface CompanyWords {
  /** Head words as word arrays ("Air Lines" -> ["Air", "Lines"]), by their last word, longest first. */
  heads: Map<string, string[][]>;
  suffixes: Set<string>;
}

let words: CompanyWords | null = null;
function companyWords(): CompanyWords {
  if (words) return words;
  const d = orgHeadLists();
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

let institutionHeads: Set<string> | null = null;
/** A name of two or more words ending with an institution's head word ("Glasgow City Council"; data/org-heads.json). */
function isInstitutionName(name: string): boolean {
  institutionHeads ??= new Set(orgHeadLists().institutionHeads ?? []);
  const ws = name.trim().split(/\s+/);
  return ws.length >= 2 && institutionHeads.has(ws[ws.length - 1]);
}

/** Capitalized words (company heads, a legal suffix) right after a span: "Steel", " Air Lines", " Corp.". */
const FOLLOW_RE = /^(,?[ \t]+)((?:\p{Lu}[\p{L}&.]*)(?:[ \t]+\p{Lu}[\p{L}&.]*){0,2})/u;

/** Locative prepositions: "flights to Delta" is the place even when a company shares its name. */
const LOCATIVE = new Set(['in', 'at', 'from', 'near', 'to', 'into', 'outside', 'across', 'around', 'through', 'toward', 'towards', 'via', 'of', 'between']);

/**
 * The words (runs of non-space characters) that end at `pos`, nearest last, at
 * most `max`: the first may end right at `pos` or before spaces and tabs. A
 * backward scan, so that no pattern anchored at the end of a text is needed.
 */
export function wordsBefore(text: string, pos: number, max: number): { start: number; word: string }[] {
  const out: { start: number; word: string }[] = [];
  let i = pos;
  while (out.length < max) {
    let j = i;
    while (j > 0 && (text[j - 1] === ' ' || text[j - 1] === '\t')) j--;
    if (out.length > 0 && j === i) break;
    let k = j;
    while (k > 0 && !/\s/.test(text[k - 1])) k--;
    if (k === j) break;
    out.unshift({ start: k, word: text.slice(k, j) });
    i = k;
  }
  return out;
}

const isCapWord = (w: string) => /^\p{Lu}[\p{L}.'’-]*$/u.test(w);
const ARTICLE = new Set(['The', 'A', 'An']);

/** Does a preposition of place ("in", "to the") stand right before `pos`? */
function afterLocative(text: string, pos: number): boolean {
  const ws = wordsBefore(text, pos, 2);
  if (ws.length === 0 || ws[ws.length - 1].start + ws[ws.length - 1].word.length === pos) return false;
  let k = ws.length - 1;
  if (ws[k].word.toLowerCase() === 'the') k--;
  return k >= 0 && LOCATIVE.has(ws[k].word.toLowerCase());
}

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
  const typed = out.map((s): Candidate => {
    if (s.type === 'DATE') return s;
    const full = stems.get(text.slice(s.start, s.end));
    if (!full) return s;
    if (s.type === 'ORG') return { ...s, canonical: full };
    if (s.type === 'PLACE' && afterLocative(text, s.start)) return s;
    return { ...s, type: 'ORG', canonical: full };
  });
  const bare = bareStems(text, typed, stems);
  return bare.length === 0 ? typed : typed.concat(bare).sort((a, b) => a.start - b.start);
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}&'’.-]*/gu;
const CAPITALIZED = /^\p{Lu}/u;
let headEnds: RegExp | null = null;
/** Any capitalized last word of a company head, anywhere in a text: a company the step below can find holds one. */
function companyHeadEnds(): RegExp {
  if (!headEnds) {
    const lasts = [...companyWords().heads.keys()].filter((k) => CAPITALIZED.test(k)).sort((a, b) => b.length - a.length);
    headEnds = new RegExp(lasts.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
  }
  return headEnds;
}

/**
 * Companies no span covers: a run of capitalized words, joined by single
 * spaces, that ends with a company head ("Bethlehem Steel", "Delta Air Lines";
 * data/org-heads.json), with at least one word before the head. Leading
 * ordinary or function words are not part of it ("Yesterday Bethlehem Steel").
 */
export function uncoveredCompanies(text: string, spans: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  // Most texts hold no company head at all: they are not read word by word.
  if (!companyHeadEnds().test(text)) return out;
  const lex = lexicon();
  let k = 0;
  const covered = (a: number, b: number) => {
    while (k < spans.length && spans[k].end <= a) k++;
    return k < spans.length && spans[k].start < b;
  };
  const company = (run: { start: number; end: number; text: string }[]) => {
    let a = 0;
    while (a < run.length && (lex.common.has(run[a].text.toLowerCase()) || lex.functionWords.has(run[a].text.toLowerCase()))) a++;
    const ws = run.slice(a).map((w) => w.text);
    const n = ws.length > 1 ? companyHeadLength(ws) : 0;
    if (n === 0 || n >= ws.length) return;
    const start = run[a].start;
    const end = run[run.length - 1].end;
    if (!covered(start, end)) out.push({ start, end, type: 'ORG', source: 'referents', score: 0.6 });
  };
  // Runs of capitalized words, each word joined to the one before it by a single space.
  let run: { start: number; end: number; text: string }[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    if (!CAPITALIZED.test(m[0])) {
      if (run.length > 0) company(run);
      run = [];
      continue;
    }
    const w = { start: m.index, end: m.index + m[0].length, text: m[0] };
    if (run.length > 0 && text.slice(run[run.length - 1].end, w.start) !== ' ') {
      company(run);
      run = [];
    }
    run.push(w);
  }
  if (run.length > 0) company(run);
  return out;
}

const SPACE = /\s/;
/** Does position `k` open the text, a line, or a sentence (after ". ", '?" ', ...)? */
function startsSentence(text: string, k: number): boolean {
  let i = k - 1;
  while (i >= 0 && SPACE.test(text[i])) {
    if (text[i] === '\n') return true;
    i--;
  }
  if (i < 0) return true;
  if (i === k - 1) return false;
  if ('"”’'.includes(text[i])) i--;
  return i >= 0 && '.!?'.includes(text[i]);
}

/**
 * The bare stem of a company the document names in full, where no span covers
 * it ("Delta Air Lines ... said Delta would hire"): an ORG, unless after
 * in/from/to (the town) or at a sentence start.
 */
function bareStems(text: string, spans: Candidate[], stems: Map<string, string>): Candidate[] {
  const covered = (a: number, b: number) => spans.some((s) => s.start < b && s.end > a);
  const out: Candidate[] = [];
  for (const [stem, full] of stems) {
    if (stem.length < 3 || !/^\p{Lu}/u.test(stem)) continue;
    for (let k = text.indexOf(stem); k >= 0; k = text.indexOf(stem, k + 1)) {
      const end = k + stem.length;
      if (/[\p{L}\p{N}]/u.test(text[k - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
      if (covered(k, end) || afterLocative(text, k)) continue;
      if (startsSentence(text, k)) continue;
      out.push({ start: k, end, type: 'ORG', source: 'referents', score: 0.6, canonical: full });
    }
  }
  return out;
}

function companyNotPlace(text: string, s: Candidate): Candidate {
  const surface = text.slice(s.start, s.end);
  if (isKnownPlace(surface) && s.type === 'PLACE' && surface.includes(' ')) return s;
  // The span ends with a company head ("Bethlehem Steel"), or a place's name ends with an institution's ("Glasgow City Council").
  if (isCompanyName(surface) || (s.type === 'PLACE' && isInstitutionName(surface))) return { ...s, type: 'ORG', canonical: undefined };
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
  const ws = wordsBefore(text, s.start, 5);
  let k = ws.length - 1;
  if (k < 0 || ws[k].start + ws[k].word.length === s.start) return s;
  if (ws[k].word === 'the') k--;
  if (k < 1 || ws[k].word !== 'of') return s;
  // The capitalized words before "of", longest name first; a leading article is never part of it ("The District of Columbia").
  let first = k;
  while (first > 0 && k - first < 3 && isCapWord(ws[first - 1].word)) first--;
  for (let a = first; a < k; a++) {
    if (ARTICLE.has(ws[a].word)) continue;
    const name = text.slice(ws[a].start, s.end);
    if (lookupEntries(name).some((e) => e.kind === 'country' || e.kind === 'region')) return { ...s, start: ws[a].start, canonical: undefined };
  }
  return s;
}

/** Words that open a sentence or phrase, never a town's name. */
const NOT_TOWN_START = new Set(['the', 'a', 'an', 'in', 'at', 'from', 'of', 'to', 'and']);

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
      // The capitalized words right before the comma ("BLUE BELL", "Blue Bell").
      const all = wordsBefore(text, s.start - 2, 3);
      let from = all.length;
      while (from > 0 && isCapWord(all[from - 1].word) && (from === all.length || all[from - 1].start + all[from - 1].word.length < all[from].start)) from--;
      const caps = all.slice(from);
      if (caps.length > 0 && caps[caps.length - 1].start + caps[caps.length - 1].word.length === s.start - 2) {
        const words = caps.map((w) => w.word);
        for (let k = 0; k < words.length; k++) {
          const at = caps[k].start;
          const name = text.slice(at, s.start - 2);
          const town = lookupEntries(name).some((e) => e.kind === 'city' && e.cc === state.cc && e.admin === state.admin);
          if (town && !NOT_TOWN_START.has(words[k].toLowerCase())) {
            // Spans inside the town's name give way to it; a span reaching further left keeps its place.
            while (out.length > 0 && out[out.length - 1].end > at) {
              if (out[out.length - 1].start < at) break;
              out.pop();
            }
            if (out.length === 0 || out[out.length - 1].end <= at) out.push({ start: at, end: s.start - 2, type: 'PLACE', source: 'qualified-town', score: 1 });
            break;
          }
        }
      }
    }
    out.push(s);
  }
  return out;
}
