// The date stage's word tables, loaded once from data/dates/words.json and
// data/words/{past,base}-verbs.txt. A missing file leaves its table empty.

import { existsSync, readFileSync } from 'node:fs';
import { dataPath } from '../util/paths.js';

export interface DateWords {
  futureWords: Set<string>;
  futurePhrases: string[];
  /** The future phrases by their last word: "is to" -> to: {is}. A phrase "A B" matches words a, b when b's set holds a. */
  futurePhraseFirst: Map<string, Set<string>>;
  scheduleVerbs: Set<string>;
  pastWords: Set<string>;
  notPast: Set<string>;
  intentBeforeTo: Set<string>;
  modals: Set<string>;
  clauseBreaks: Set<string>;
  deadlineWords: Set<string>;
  deadlineAlways: Set<string>;
  nowadaysWords: Set<string>;
  nowadaysPhrases: string[];
  nowadaysBefore: Set<string>;
  numberWords: Record<string, number>;
  vagueNumbers: string[];
  ordinals: Record<string, number>;
  pastVerbs: Set<string>;
  baseVerbs: Set<string>;
  /** Every table a word belongs to, as WordFlag bits: one look-up per token instead of one per table. */
  flags: Map<string, number>;
}

export const WordFlag = {
  modal: 1,
  future: 2,
  schedule: 4,
  pastWord: 8,
  notPast: 16,
  pastVerb: 32,
  baseVerb: 64,
  clauseBreak: 128,
  phraseLast: 256,
} as const;

function flagsOf(w: Omit<DateWords, 'flags'>): Map<string, number> {
  const out = new Map<string, number>();
  const add = (words: Iterable<string>, bit: number) => {
    for (const x of words) out.set(x, (out.get(x) ?? 0) | bit);
  };
  add(w.modals, WordFlag.modal);
  add(w.futureWords, WordFlag.future);
  add(w.scheduleVerbs, WordFlag.schedule);
  add(w.pastWords, WordFlag.pastWord);
  add(w.notPast, WordFlag.notPast);
  add(w.pastVerbs, WordFlag.pastVerb);
  add(w.baseVerbs, WordFlag.baseVerb);
  add(w.clauseBreaks, WordFlag.clauseBreak);
  add(w.futurePhraseFirst.keys(), WordFlag.phraseLast);
  return out;
}

let cached: DateWords | null = null;

function lines(file: string): string[] {
  const path = dataPath('words', file);
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : [];
}

function byLastWord(phrases: string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const p of phrases) {
    const i = p.indexOf(' ');
    if (i < 0) continue;
    const last = p.slice(i + 1);
    if (!out.has(last)) out.set(last, new Set());
    out.get(last)!.add(p.slice(0, i));
  }
  return out;
}

export function dateWords(): DateWords {
  if (cached) return cached;
  const path = dataPath('dates', 'words.json');
  const raw = (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {}) as Record<string, unknown>;
  const list = (k: string) => (Array.isArray(raw[k]) ? (raw[k] as string[]) : []);
  const map = (k: string) => (raw[k] && typeof raw[k] === 'object' && !Array.isArray(raw[k]) ? (raw[k] as Record<string, number>) : {});
  const tables = {
    futureWords: new Set(list('futureWords')),
    futurePhrases: list('futurePhrases'),
    futurePhraseFirst: byLastWord(list('futurePhrases')),
    scheduleVerbs: new Set(list('scheduleVerbs')),
    pastWords: new Set(list('pastWords')),
    notPast: new Set(list('notPast')),
    intentBeforeTo: new Set(list('intentBeforeTo')),
    modals: new Set(list('modals')),
    clauseBreaks: new Set(list('clauseBreaks')),
    deadlineWords: new Set(list('deadlineWords')),
    deadlineAlways: new Set(list('deadlineAlways')),
    nowadaysWords: new Set(list('nowadaysWords')),
    nowadaysPhrases: list('nowadaysPhrases'),
    nowadaysBefore: new Set(list('nowadaysBefore')),
    numberWords: map('numberWords'),
    vagueNumbers: list('vagueNumbers'),
    ordinals: map('ordinals'),
    pastVerbs: new Set(lines('past-verbs.txt')),
    baseVerbs: new Set(lines('base-verbs.txt')),
  };
  cached = { ...tables, flags: flagsOf(tables) };
  return cached;
}
