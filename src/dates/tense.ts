// Tense of the clause around a date: does it point to the past, to the future,
// or say nothing? The clause runs from the last sentence or clause break
// before the date ("that", "which", "but", ";") to the next one after it. The
// nearest tense marker before the date decides; without one, the nearest after
// it ("On Tuesday, the board will vote"). Future needs a clear marker ("will",
// "is to", "plans to", "scheduled", "next", a schedule verb such as "resumes",
// "to" + a base-form verb); past is a past-tense or participle verb
// ("said", "was", "arrested"). Bounded windows: linear in the number of dates.

import { dateWords, WordFlag as F, type DateWords } from './words.js';

export type Tense = 'past' | 'future' | 'none';

const BACK = 200;
const AHEAD = 160;
/** A sentence or clause end: . ! ? ; followed by a space or quote, or a line break. */
const BREAK = /[.!?;:]["'”’)]?(?=\s)|\n/g;
const TOKEN = /[A-Za-z][A-Za-z'’-]*|,/g;
/** Words that can stand before a fronted date without making a clause ("On Tuesday, ..."). */
const FRONT = new Set(['on', 'in', 'at', 'by', 'the', 'early', 'late', 'and', 'but', 'then', 'since', 'from', 'until', 'during', 'of', 'last', 'this', 'next', 'later', 'earlier', 'as', 'for']);

function tokens(s: string): string[] {
  return s.match(TOKEN) ?? [];
}

/** Start of the clause text before `start`: after the last break in the window. */
function backText(text: string, start: number): string {
  const from = Math.max(0, start - BACK);
  const s = text.slice(from, start);
  let cut = 0;
  BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BREAK.exec(s)) !== null) cut = m.index + m[0].length;
  return s.slice(cut);
}

function aheadText(text: string, end: number): string {
  const s = text.slice(end, end + AHEAD);
  BREAK.lastIndex = 0;
  const m = BREAK.exec(s);
  return m ? s.slice(0, m.index) : s;
}

/** The word that governs the "to" at `k`: the nearest word before it that is not a name, number or date word. */
function governor(toks: string[], k: number): string {
  for (let i = k - 1; i >= Math.max(0, k - 5); i--) {
    const t = toks[i];
    if (t === ',' || /^[A-Z]/.test(t) || SKIP_TO_GOVERNOR.has(t)) continue;
    return t.toLowerCase();
  }
  return '';
}

const SKIP_TO_GOVERNOR = new Set(['on', 'in', 'at', 'by', 'last', 'this', 'next', 'the', 'early', 'late', 'also', 'now', 'again', 'not']);

/** Tokens and their lower case, made when first asked for (a clause is mostly read from one end). */
class Tokens {
  private low: (string | undefined)[] = [];
  constructor(readonly raw: string[]) {}
  get length(): number {
    return this.raw.length;
  }
  lower(k: number): string {
    return this.low[k] ?? (this.low[k] = this.raw[k].toLowerCase());
  }
}

/** The marker word `toks[k]` sets, looking at its neighbours; null if it sets none. */
function marker(toks: Tokens, k: number, w: DateWords): Tense | null {
  const raw = toks.raw[k];
  const lk = toks.lower(k);
  const t = lk.includes('’') ? lk.replace(/’/g, "'") : lk;
  const prev = k > 0 ? toks.lower(k - 1) : '';
  const next = k + 1 < toks.length ? toks.lower(k + 1) : '';
  // Capitalized words are names or sentence starts, not auxiliaries ("May", "Will Smith").
  const lower = raw === lk || k === 0;
  const f = w.flags.get(t) ?? 0;
  // A modal with a perfect looks back: "may have failed".
  if (lower && f & F.modal && next === 'have') return 'past';
  if (t.endsWith("'ll")) return 'future';
  if (lower && f & (F.future | F.schedule)) return 'future';
  if (t === 'to') {
    if (w.futurePhraseFirst.get('to')?.has(prev)) return 'future';
    // "voted on Monday to strike", "plans to open": an intention; "failed to agree" is not one.
    if (w.baseVerbs.has(next) && w.intentBeforeTo.has(governor(toks.raw, k))) return 'future';
    return null;
  }
  if (f & F.phraseLast && w.futurePhraseFirst.get(t)!.has(prev)) return 'future';
  if (f & F.pastWord) return 'past';
  // A passive after "be" takes its tense from the auxiliary: "is to be held", "will be signed".
  if (prev === 'be') return null;
  if (!lower || f & F.notPast) return null;
  if (f & F.pastVerb) return 'past';
  if (t.endsWith('ed') && /^[a-z]{3,}[^e]ed$/.test(t) && !(f & F.baseVerb)) return 'past';
  return null;
}

/** Tense of the clause holding the date at [start, end). */
export function clauseTense(text: string, start: number, end: number): Tense {
  const w = dateWords();
  const back = new Tokens(tokens(backText(text, start)));
  for (let k = back.length - 1; k >= 0; k--) {
    const t = back.lower(k);
    if (t === ',') continue;
    // A base verb after "to" is read together with the "to" before it.
    if (k > 0 && back.lower(k - 1) === 'to' && w.baseVerbs.has(t)) {
      const r = marker(back, k - 1, w);
      if (r) return r;
    }
    const r = marker(back, k, w);
    if (r) return r;
    if (w.clauseBreaks.has(t) && k < back.length - 1) break;
  }
  let fronted = true;
  for (let k = 0; k < back.length && fronted; k++) fronted = back.raw[k] === ',' || FRONT.has(back.lower(k));
  const ahead = new Tokens(tokens(aheadText(text, end)));
  for (let k = 0; k < ahead.length; k++) {
    const t = ahead.lower(k);
    if (t === ',') {
      if (!fronted) break;
      continue;
    }
    if (w.clauseBreaks.has(t)) break;
    const r = marker(ahead, k, w);
    if (r) return r;
  }
  return 'none';
}

/**
 * Tense for placing a date, deadlines included: "until Sunday" lies ahead even
 * in a past clause ("gave Greece until Sunday"); "by Thursday" and "before
 * Friday" lie ahead unless the clause is past ("was used a million times by Thursday").
 */
export function dateTense(text: string, start: number, end: number): Tense {
  const tense = clauseTense(text, start, end);
  const m = /(?<![A-Za-z])([A-Za-z]+)\s+$/.exec(text.slice(Math.max(0, start - 12), start));
  if (m) {
    const w = dateWords();
    const word = m[1].toLowerCase();
    if (w.deadlineAlways.has(word)) return 'future';
    if (w.deadlineWords.has(word) && tense !== 'past') return 'future';
  }
  return tense;
}
