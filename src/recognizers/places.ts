// PLACE candidates from the gazetteer: longest match of capitalized word
// sequences ("New York", "Gulf of Mexico", "St. Petersburg"), capitalized
// abbreviations wherever they stand ("U.S. intelligence", "UK"), ALL CAPS
// datelines ("MOSCOW (Reuters) -", canonical "Moscow"), place names inside
// hyphenated compounds ("London-based"), "City, State" pairs (also small towns),
// and named facilities/features by their head word ("Thun Palace", "Lake X").
// Nationality adjectives ("Russian", "Soviet") are never places, and place
// names that are ordinary words or given names ("Reading", "Nice", "Florence")
// need a preposition, a following state, or a big population to count.

import type { AnalyzedText, Candidate, Recognizer } from '../types.js';
import { foldKey, gazetteer, type GazEntry, type Gazetteer } from '../data/gazetteer.js';
import { lexicon } from './lexicon.js';
import { isAllCaps, isLetter, isUpperChar } from '../util/text.js';
import type { WordSet } from '../data/word-set.js';

const SOURCE = 'places';

// Dotted capitals ("U.S.", "D.C."), words with inner hyphens/apostrophes, single other characters.
const TOKEN_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[-‐‑'’](?!(?:\p{Lu}\.){2})[\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;
const POSSESSIVE_RE = /['’][sS]$/;
const HYPHEN_SPLIT_RE = /[-‐‑]/;

/** Lower-case words allowed inside a multiword place name ("Gulf of Mexico", "Rio de Janeiro"). */
const CONNECTORS = new Set([
  'of', 'de', 'la', 'le', 'les', 'du', 'des', 'del', 'da', 'do', 'dos', 'das', 'and', 'upon', 'on', 'the', 'al', 'el', 'en', 'sur',
  'am', 'an', 'der', 'di', 'y', 'i', 'na', 'ob', 'im',
]);
/** Abbreviations that keep their period inside a name ("St. Petersburg", "Mt. Hood"). */
const DOTTED_WORDS = new Set(['St', 'Ste', 'Mt', 'Ft', 'Pt']);
const LOCATIVE = new Set([
  'in', 'from', 'to', 'near', 'at', 'outside', 'across', 'into', 'throughout', 'around', 'via', 'toward', 'towards', 'visit', 'visited',
  'visiting', 'inside', 'within', 'between', 'of', 'through', 'left', 'reached', 'fled', 'entered', 'leaving',
]);
const SENTENCE_END = new Set(['.', '!', '?']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '—', '–', '-', '•', '*', '>', '|']);

interface Tok {
  start: number;
  end: number;
  text: string;
  /** A word (letters/digits) rather than punctuation. */
  word: boolean;
  /** First character is an upper-case letter. */
  cap: boolean;
  /** Every letter upper case, at least two letters. */
  caps: boolean;
  /** A newline lies between the previous token and this one. */
  lineStart: boolean;
  /** The token's line is Title Case or ALL CAPS (headline, dateline, byline). */
  titleLine: boolean;
}


function tokenize(text: string, functionWords: WordSet): Tok[] {
  const out: Tok[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let prevEnd = 0;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    let t = m[0];
    const start = m.index;
    let lineStart = out.length === 0;
    for (let k = prevEnd; k < start && !lineStart; k++) if (text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13) lineStart = true;
    let possessive = '';
    if (t.length > 2 && POSSESSIVE_RE.test(t)) {
      possessive = t.slice(-2);
      t = t.slice(0, -2);
    }
    const first = t[0];
    const word = isLetter(first) || (first >= '0' && first <= '9');
    const caps = word && isAllCaps(t);
    out.push({ start, end: start + t.length, text: t, word, cap: word && isUpperChar(first), caps, lineStart, titleLine: false });
    if (possessive) {
      out.push({ start: start + t.length, end: start + t.length + 2, text: possessive, word: false, cap: false, caps: false, lineStart: false, titleLine: false });
    }
    prevEnd = m.index + m[0].length;
  }
  // Mark Title Case / ALL CAPS lines: there a capital says nothing about names.
  let a = 0;
  while (a < out.length) {
    let b = a + 1;
    while (b < out.length && !out[b].lineStart) b++;
    // Title Case: every longer word capitalized except function words ("with", "from").
    let words = 0;
    let lower = 0;
    for (let k = a; k < b; k++) {
      const t = out[k];
      if (!t.word || t.text.length <= 3 || !isLetter(t.text[0])) continue;
      words++;
      if (!t.cap && !functionWords.has(t.text)) lower++;
    }
    if (words >= 2 && lower === 0 && b - a <= 40) for (let k = a; k < b; k++) out[k].titleLine = true;
    a = b;
  }
  return out;
}

/** True when the token opens a sentence or a line (its capital says nothing). */
function sentenceInitial(toks: Tok[], i: number): boolean {
  if (toks[i].lineStart) return true;
  let k = i - 1;
  while (k >= 0 && !toks[k].word && OPENERS.has(toks[k].text)) {
    if (toks[k].lineStart) return true;
    k--;
  }
  if (k < 0) return true;
  return !toks[k].word && SENTENCE_END.has(toks[k].text);
}

/** Title case for ALL CAPS surfaces: the gazetteer's spelling when it is the same name. */
function normalCase(surface: string, entries: GazEntry[]): string {
  const k = foldKey(surface);
  for (const e of entries) if (foldKey(e.name) === k) return e.name;
  return surface.toLowerCase().replace(/(^|[\s\-‐'’.(])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

const STRONG_CLASSES = new Set(['country', 'historical', 'state', 'world']);

/** Recognition strength of a gazetteer key by its best entry (0 = not recognizable by itself). */
function baseScore(entries: GazEntry[]): { score: number; strong: boolean } {
  let score = 0;
  let strong = false;
  for (const e of entries) {
    let s = 0;
    if (STRONG_CLASSES.has(e.cls)) {
      s = 0.8;
      strong = true;
    } else if (e.cls === 'subregion' || e.cls === 'feature') {
      s = 0.7;
      strong = true;
    } else if (e.population >= 100000) s = e.capital ? 0.7 : 0.6;
    else if (e.population >= 15000) s = e.capital ? 0.6 : 0.4;
    else if (e.capital) s = 0.5;
    if (s > score) score = s;
  }
  return { score, strong };
}

function bigCity(entries: GazEntry[], min: number): boolean {
  for (const e of entries) if (e.kind === 'city' && e.population >= min) return true;
  return false;
}

interface Match {
  end: number; // exclusive token index
  entries: GazEntry[];
}

/** Longest gazetteer match of a name starting at token i (capitalized first and last word). */
function longestMatch(g: Gazetteer, text: string, toks: Tok[], i: number, limit: number): Match | null {
  const t0 = toks[i];
  if (!t0.cap) return null;
  let best: Match | null = null;
  let words = 0;
  for (let j = i; j < limit; j++) {
    const t = toks[j];
    if (j > i && t.lineStart) break;
    if (t.word) {
      if (!t.cap && !CONNECTORS.has(t.text)) break;
      words++;
      if (words > g.maxWords) break;
    } else if (t.text === '.') {
      if (j === i || !DOTTED_WORDS.has(toks[j - 1].text)) break;
      continue;
    } else if (POSSESSIVE_RE.test(t.text) && t.text.length === 2) {
      // "People's Republic of China": a possessive inside a longer name.
      continue;
    } else if (t.text !== ',') break;
    if (!t.word || !t.cap) continue;
    const surface = text.slice(t0.start, t.end);
    let entries: GazEntry[] | undefined;
    if (j === i) entries = g.exact.get(surface);
    if (!entries) entries = g.byKey.get(foldKey(surface));
    if (entries) best = { end: j + 1, entries };
  }
  return best;
}

/** Head-word match of a named facility or feature: "Thun Palace", "East Coast Rail Link", "Lake Baikal", "Gulf of X". */
function facilityMatch(g: Gazetteer, toks: Tok[], i: number, limit: number, fn: WordSet, demonyms: WordSet): number {
  if (!toks[i].cap || !toks[i].word) return -1;
  const low0 = toks[i].text.toLowerCase();
  if (fn.has(low0)) return -1;
  // Prefix form: "Lake Baikal", "Gulf of Aden".
  for (const p of g.facilityPrefixes) {
    let ok = true;
    for (let k = 0; k < p.length; k++) if (i + k >= limit || toks[i + k].text !== p[k]) ok = false;
    if (!ok) continue;
    const j = i + p.length;
    if (j < limit && toks[j].word && toks[j].cap && !toks[j].lineStart && !fn.has(toks[j].text.toLowerCase())) {
      let e = j + 1;
      while (e < limit && e < j + 3 && toks[e].word && toks[e].cap && !toks[e].lineStart) e++;
      return e;
    }
  }
  // Head form: 1-4 capitalized modifiers then a head ("Palace", "Rail Link").
  let j = i;
  while (j < limit && j < i + 5 && toks[j].word && toks[j].cap && (j === i || !toks[j].lineStart)) {
    for (const h of g.facilityHeads) {
      if (j === i) break;
      let ok = true;
      for (let k = 0; k < h.length; k++) if (j + k >= limit || toks[j + k].text !== h[k] || toks[j + k].lineStart) ok = false;
      if (!ok) continue;
      // Modifiers must be names, not adjectives of nationality or function words.
      for (let m = i; m < j; m++) {
        const low = toks[m].text.toLowerCase();
        if (fn.has(low) || demonyms.has(low) || toks[m].caps) return -1;
      }
      return j + h.length;
    }
    j++;
  }
  return -1;
}

/** Find PLACE candidates in raw text (UTF-16 offsets). */
export function findPlaces(text: string): Candidate[] {
  const g = gazetteer();
  const lex = lexicon();
  const toks = tokenize(text, lex.functionWords);
  const out: Candidate[] = [];
  const n = toks.length;
  const isDemonym = (w: string) => g.demonyms.has(w) || lex.demonyms.has(w);
  const nameLike = (w: string) =>
    g.nameLike.has(w) || lex.firstNames.has(w) || lex.lastNames.has(w) || lex.personWords.has(w);
  const commonWord = (w: string) => g.commonWords.has(w) || lex.common.has(w);

  const isPlaceWord = (w: string): boolean => {
    const e = g.exact.get(w) ?? g.byKey.get(foldKey(w));
    return !!e && baseScore(e).score >= 0.6 && !isDemonym(w.toLowerCase()) && !g.needsDeterminer.has(foldKey(w));
  };

  const emit = (start: number, end: number, score: number, canonical?: string) => {
    const c: Candidate = { start, end, type: 'PLACE', source: SOURCE, score: Math.round(score * 100) / 100 };
    if (canonical) c.canonical = canonical;
    out.push(c);
  };

  /**
   * A state/province/country right after ", ": [entry, end token index, abbreviation?] or null.
   * Abbreviations: postal codes in capitals ("TX") and AP forms with their period ("Calif.").
   */
  const followingRegion = (j: number): [GazEntry, number, boolean] | null => {
    if (j + 1 >= n || toks[j].text !== ',' || !toks[j + 1].cap || toks[j + 1].lineStart) return null;
    const t = toks[j + 1];
    if (t.caps && t.text.length === 2 && g.stateAbbrev.has(t.text)) return [g.stateAbbrev.get(t.text)!, j + 2, true];
    if (j + 2 < n && toks[j + 2].text === '.' && toks[j + 2].start === t.end) {
      const abbr = g.stateAbbrev.get(t.text + '.');
      if (abbr) return [abbr, j + 3, true];
    }
    const m = longestMatch(g, text, toks, j + 1, Math.min(n, j + 8));
    if (m) {
      const r = m.entries.find((e) => e.cls === 'state' || e.cls === 'country');
      if (r) return [r, m.end, false];
    }
    return null;
  };
  /** Emit a following state abbreviation; returns the token index to continue from. */
  const emitAbbrev = (region: [GazEntry, number, boolean] | null, next: number): number => {
    if (!region || !region[2]) return next;
    const first = toks[next + 1];
    emit(first.start, toks[region[1] - 1].end, 0.6);
    return region[1];
  };

  /** Place names inside hyphenated compounds: "London-based", "Russia-Ukraine", "pro-Russia". */
  const hyphenParts = (t: Tok) => {
    // A compound joined by a connector is one name ("Île-de-France", "Saint-Martin-de-Belleville",
    // "Stratford-upon-Avon"): capitalized at both ends, a connector inside, a known place among its parts.
    const parts = t.text.split(HYPHEN_SPLIT_RE);
    if (parts.length >= 3 && isUpperChar(parts[0][0] ?? '') && isUpperChar(parts[parts.length - 1][0] ?? '')) {
      const inner = parts.slice(1, -1);
      if (inner.some((p) => CONNECTORS.has(p)) && inner.every((p) => CONNECTORS.has(p) || isUpperChar(p[0] ?? ''))) {
        let best = 0;
        for (const part of parts) {
          if (!isUpperChar(part[0] ?? '')) continue;
          const entries = g.exact.get(part) ?? g.byKey.get(foldKey(part));
          if (entries) best = Math.max(best, baseScore(entries).score);
        }
        if (best > 0) {
          emit(t.start, t.end, best, t.text);
          return;
        }
      }
    }
    let off = 0;
    for (const part of parts) {
      const ps = t.start + off;
      off += part.length + 1;
      if (!part || !isUpperChar(part[0])) continue;
      const entries = g.exact.get(part) ?? g.byKey.get(foldKey(part));
      if (!entries) continue;
      const low = part.toLowerCase();
      if (isDemonym(low) || lex.functionWords.has(low) || g.needsDeterminer.has(foldKey(part))) continue;
      const { score, strong } = baseScore(entries);
      if (score === 0 || (!strong && (commonWord(low) || nameLike(low)))) continue;
      const caps = part === part.toUpperCase() && part.length > 1 && !g.exact.has(part);
      emit(ps, ps + part.length, score, caps ? normalCase(part, entries) : undefined);
    }
  };

  let i = 0;
  while (i < n) {
    const t = toks[i];
    if (!t.word) {
      i++;
      continue;
    }
    if (!t.cap) {
      if (HYPHEN_SPLIT_RE.test(t.text)) hyphenParts(t);
      i++;
      continue;
    }
    const limit = Math.min(n, i + g.maxWords * 2 + 2);
    const m = longestMatch(g, text, toks, i, limit);
    const fac = facilityMatch(g, toks, i, limit, lex.functionWords, g.demonyms);
    if (fac > 0 && (!m || fac > m.end)) {
      const start = toks[i].start;
      const end = toks[fac - 1].end;
      const allCaps = toks.slice(i, fac).every((x) => x.caps || !x.word);
      emit(start, end, 0.45, allCaps ? normalCase(text.slice(start, end), []) : undefined);
      i = fac;
      continue;
    }
    if (m) {
      const span = toks.slice(i, m.end);
      const surface = text.slice(t.start, toks[m.end - 1].end);
      const key = foldKey(surface);
      const single = m.end - i === 1;
      const isAbbrev = single && g.exact.has(t.text);
      const low = single ? t.text.toLowerCase() : key;
      const initial = sentenceInitial(toks, i);
      const prev = i > 0 && toks[i - 1].word ? toks[i - 1].text.toLowerCase() : '';
      const locative = LOCATIVE.has(prev);
      const region = followingRegion(m.end);
      let { score, strong } = baseScore(m.entries);
      if (!isAbbrev && (isDemonym(low) || (single && lex.functionWords.has(low)))) score = 0;
      const next = m.end < n ? toks[m.end] : null;
      const prevTok = i > 0 ? toks[i - 1] : null;
      const nextCap = !!next && next.word && next.cap && !next.lineStart && !t.titleLine && !lex.functionWords.has(next.text.toLowerCase());
      const prevCap = !initial && !!prevTok && prevTok.word && prevTok.cap && !t.titleLine && !lex.functionWords.has(prevTok.text.toLowerCase());
      if (score > 0 && g.needsDeterminer.has(key)) {
        // "the West", "a bamboozled West": a noun, not "West Virginia", "Kanye West" or a sentence-initial direction.
        const nounUse = prev === 'the' || (!initial && !!prevTok && prevTok.word && !prevTok.cap);
        if (!nounUse || (next && next.word && next.cap && !next.lineStart && !t.titleLine) || prevCap) score = 0;
      }
      if (score > 0 && isAbbrev && t.caps && !t.text.includes('.')) {
        // "US" inside an ALL CAPS headline may be the pronoun.
        const nb = [toks[i - 1], toks[m.end]].filter((x) => x && x.word);
        if (nb.some((x) => x.caps && x.text.length >= 3 && !g.exact.has(x.text))) score = t.text === 'US' ? 0 : score;
      }
      if (score > 0 && single && !isAbbrev) {
        const common = commonWord(low);
        const person = nameLike(low);
        if (!strong) {
          if (common) {
            if (initial && !region) score = 0;
            else if (region) score = 0.6;
            else if (locative && bigCity(m.entries, 100000)) score = 0.45;
            else score = 0.2;
          } else if (person) {
            if (region) score = 0.6;
            else if (bigCity(m.entries, 1000000)) score = 0.5;
            else if (locative) score = 0.45;
            else score = 0.25;
          } else if (locative) score = Math.min(0.7, score + 0.05);
        } else if (common || person) {
          score = initial ? 0.45 : 0.55;
        }
      }
      if (score > 0 && region && !strong) score = Math.max(score, 0.6);
      else if (score > 0 && !strong && !isAbbrev && (nextCap || prevCap) && !(next && g.byKey.has(foldKey(next.text)) && !nextCap)) {
        // A city inside a longer name: "Vladimir Putin", "Aldrich Ames", "Prague Spring", "Cambridge Security Initiative".
        const nextPlace = !!next && nextCap && isPlaceWord(next.text);
        const prevPlace = !!prevTok && prevCap && isPlaceWord(prevTok.text);
        if (!(nextCap && nextPlace) && !(prevCap && prevPlace)) score = 0.2;
      }
      if (score > 0) {
        const allCaps = span.every((x) => x.caps || !x.word) && !isAbbrev;
        emit(t.start, toks[m.end - 1].end, score, allCaps ? normalCase(surface, m.entries) : undefined);
        i = emitAbbrev(region, m.end);
        continue;
      }
      i++;
      continue;
    }
    if (HYPHEN_SPLIT_RE.test(t.text)) {
      hyphenParts(t);
      i++;
      continue;
    }
    // A small town known only through its state: "Uvalde, Texas"; "Smalltown, Calif."
    let j = i;
    while (j < n && j < i + 3 && toks[j].word && toks[j].cap && (j === i || !toks[j].lineStart)) j++;
    const region = j > i ? followingRegion(j) : null;
    if (region && region[0].cls === 'state') {
      const surface = text.slice(t.start, toks[j - 1].end);
      const entries = g.byKey.get(foldKey(surface));
      const st = region[0];
      if (entries && entries.some((e) => e.kind === 'city' && e.cc === st.cc && e.admin === st.admin)) {
        emit(t.start, toks[j - 1].end, 0.6);
        i = emitAbbrev(region, j);
        continue;
      }
    }
    i++;
  }

  out.sort((a, b) => a.start - b.start);
  return out;
}

export const placeRecognizer: Recognizer = {
  name: SOURCE,
  recognize(input: AnalyzedText): Candidate[] {
    return findPlaces(input.text);
  },
};
