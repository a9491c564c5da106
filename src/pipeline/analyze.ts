// Shared text analysis computed once per document: sentences and tokens.
// Hand-written linear scanners (no library parse): this runs on every byte of
// an archive, so it must stay fast and free of backtracking.

import type { AnalyzedText, Document, SentenceSpan, Token } from '../types.js';
import { isUpperChar as isUpper } from '../util/text.js';

// Words that end with a period without ending a sentence.
const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'col', 'lt', 'sgt', 'capt', 'cpt', 'maj', 'adm',
    'cmdr', 'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'insp', 'supt', 'det', 'fr', 'mt', 'ft', 'ave', 'blvd',
    'rd', 'no', 'nos', 'vol', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'dept', 'univ', 'jan', 'feb', 'mar',
    'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur',
    'thurs', 'fri', 'sat', 'sun', 'approx', 'est', 'al', 'cf', 'e.g', 'i.e', 'p', 'pp', 'op', 'ed', 'eds',
  ],
);


/**
 * Sentence boundaries. A line break always ends a sentence (headlines,
 * bylines, captions and datelines are lines of their own); `.`, `!`, `?`
 * end one when followed by space and an upper-case letter, digit or quote,
 * unless the word before the period is a known abbreviation or an initial.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const n = text.length;
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') {
      push(i);
      start = i + 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    // Absorb closing quotes/brackets after the terminator.
    let j = i + 1;
    while (j < n && (text[j] === '"' || text[j] === '”' || text[j] === '’' || text[j] === "'" || text[j] === ')')) j++;
    if (j < n && text[j] !== ' ' && text[j] !== '\t' && text[j] !== '\n' && text[j] !== '\r') continue;
    let k = j;
    while (k < n && (text[k] === ' ' || text[k] === '\t')) k++;
    if (k < n && text[k] !== '\n' && text[k] !== '\r') {
      const next = text[k];
      if (!(isUpper(next) || /[0-9"“‘'(\[]/.test(next))) continue;
    }
    if (c === '.') {
      // The word before the period.
      let w = i;
      while (w > start && /[\p{L}.]/u.test(text[w - 1])) w--;
      const word = text.slice(w, i);
      const lower = word.toLowerCase();
      if (word.length === 1 && isUpper(word)) continue; // initial: "David V. Gioe"
      // "No." and "Nos." abbreviate "number" only before a numeral ("No. 10"); otherwise "no." ends a sentence.
      if (ABBREVIATIONS.has(lower) && !((lower === 'no' || lower === 'nos') && !/[0-9]/.test(text[k] ?? ''))) continue;
      if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) {
        // "U.S." / "U.K." mid-sentence: ends a sentence only before a clear sentence opener.
        const nextWord = /^[\p{L}]+/u.exec(text.slice(k, k + 20));
        if (!nextWord || !/^(?:The|A|An|In|It|He|She|They|We|But|And|This|That|On|At|As|For|Its|His|Her|Their)$/.test(nextWord[0])) continue;
      }
    }
    push(j);
    start = j;
    i = j - 1;
  }
  push(n);
  return out;
}

// Token classes: dotted abbreviations (U.S.), words with inner apostrophes or
// hyphens (O'Brien, al-Assad, London-based), numbers (2,000 / 3.5), and any
// other single non-space character. A possessive 's is its own token. A hyphen
// before a dotted abbreviation is not inside a word ("then-U.S. President" ->
// "then", "-", "U.S.", "President"; it was "then-U", ".", "S", ".").
const TOKEN_RE =
  /(?:\p{L}\.){2,}|[\p{L}\p{M}\p{N}]+(?:(?:['’](?![sS](?![\p{L}\p{M}]))|[-‐‑](?!(?:\p{L}\.){2})[\p{L}\p{N}]?|[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*|['’][sS](?![\p{L}\p{M}])|\S/gu;

export function tokenize(text: string, sentences: SentenceSpan[]): Token[] {
  const tokens: Token[] = [];
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    const slice = text.slice(s.start, s.end);
    TOKEN_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = TOKEN_RE.exec(slice)) !== null) {
      tokens.push({ start: s.start + m.index, end: s.start + m.index + m[0].length, text: m[0], sentence: si });
    }
  }
  return tokens;
}

export function analyze(doc: Document): AnalyzedText {
  const sentences = splitSentences(doc.text);
  return { doc, text: doc.text, sentences, tokens: tokenize(doc.text, sentences) };
}

/** Index of the sentence containing offset `pos` (binary search). */
export function sentenceAt(sentences: SentenceSpan[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].start <= pos) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
