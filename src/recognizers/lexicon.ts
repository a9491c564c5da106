// Word lists taken from packages: compromise's English lexicon (first names,
// last names, honorifics, demonyms, ordinary words) plus our own data files.
// Recognizers ask questions of it; nothing here scans text. buildLexicon runs at
// build time (scripts/build-data.ts, at `npm ci`/`npm run build`) and is written
// to data/generated/lexicon.pack, which `lexicon()` reads: compromise is not
// loaded at run time.

import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dataPath } from '../util/paths.js';
import { decodeLexicon } from '../data/lexicon-pack.js';
import { generatedPack, loadPack } from '../data/packs.js';
import type { WordSet } from '../data/word-set.js';

const require = createRequire(import.meta.url);

export interface Lexicon {
  firstNames: WordSet;
  lastNames: WordSet;
  /** Surnames compromise knows (a short, curated list: evidence even for a surname alone). */
  knownSurnames: WordSet;
  /** Single words compromise tags as a well-known person. */
  personWords: WordSet;
  /** Titles, ranks and honorifics (lower case, single words and multi-word phrases). */
  titles: WordSet;
  /** Longest title phrase, in words. */
  maxTitleWords: number;
  /** Lower-case role nouns that often precede a name ("spokesman"). */
  roleNouns: WordSet;
  demonyms: WordSet;
  /** Nationality adjectives of countries only (world-countries). */
  countryDemonyms: WordSet;
  /** Ordinary English words (verbs, adjectives, nouns, function words), lower case. */
  common: WordSet;
  /** Function words that open sentences and are never part of a name. */
  functionWords: WordSet;
  /** Place-like words compromise knows (countries, cities, regions). */
  placeWords: WordSet;
}

let cached: Lexicon | null = null;

const FUNCTION_TAGS = new Set([
  'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'QuestionWord', 'Modal', 'Copula', 'Negative',
  'Possessive', 'Reflexive', 'Adverb', 'Condition',
]);
const COMMON_TAGS = new Set([
  ...FUNCTION_TAGS, 'PresentTense', 'PastTense', 'Infinitive', 'Gerund', 'Participle', 'PhrasalVerb', 'Verb',
  'Adjective', 'Comparative', 'Superlative', 'Singular', 'Plural', 'Noun', 'Uncountable', 'Actor',
  'Cardinal', 'Ordinal', 'TextValue', 'Expression', 'Unit', 'Month', 'WeekDay', 'Date', 'Duration',
]);
const PLACE_TAGS = new Set(['Country', 'City', 'Region', 'Place']);

/** The lexicon, read once per process from data/generated/lexicon.pack. */
export function lexicon(): Lexicon {
  return (cached ??= decodeLexicon(loadPack(generatedPack('lexicon'))));
}

/** Builds the lexicon from the packages and data files (build time: scripts/build-data.ts). */
export function buildLexicon(): Lexicon {
  const nlp = require('compromise');
  const lex: Record<string, string | string[]> = nlp.world().model.one.lexicon;
  const firstNames = new Set<string>();
  const lastNames = new Set<string>();
  const personWords = new Set<string>();
  const titles = new Set<string>();
  const demonyms = new Set<string>();
  const common = new Set<string>();
  const functionWords = new Set<string>();
  const placeWords = new Set<string>();
  for (const word of Object.keys(lex)) {
    const v = lex[word];
    const tags = Array.isArray(v) ? v : [v];
    for (const tag of tags) {
      if (tag === 'FirstName' || tag === 'MaleName' || tag === 'FemaleName') firstNames.add(word);
      else if (tag === 'LastName') lastNames.add(word);
      else if (tag === 'Person') {
        if (!word.includes(' ')) personWords.add(word);
      } else if (tag === 'Honorific') titles.add(word.replace(/\.$/, ''));
      else if (tag === 'Demonym') demonyms.add(word);
      else if (PLACE_TAGS.has(tag)) placeWords.add(word);
      if (COMMON_TAGS.has(tag) && !word.includes(' ')) common.add(word);
      if (FUNCTION_TAGS.has(tag) && !word.includes(' ')) functionWords.add(word);
    }
  }
  const roleNouns = new Set<string>();
  const titlesFile = dataPath('titles.json');
  if (existsSync(titlesFile)) {
    const data = JSON.parse(readFileSync(titlesFile, 'utf8')) as { titles?: string[]; roleNouns?: string[] };
    for (const t of data.titles ?? []) titles.add(t.toLowerCase().replace(/\.$/, ''));
    for (const t of data.roleNouns ?? []) roleNouns.add(t.toLowerCase());
  }
  // Nationality adjectives of every country (world-countries), beyond compromise's list.
  const countryDemonyms = new Set<string>();
  for (const c of require('world-countries') as { demonyms?: Record<string, { m?: string; f?: string }> }[]) {
    for (const d of Object.values(c.demonyms ?? {})) {
      for (const w of [d.m, d.f]) {
        if (!w || w.includes(' ')) continue;
        demonyms.add(w.toLowerCase());
        countryDemonyms.add(w.toLowerCase());
      }
    }
  }
  const placeData = dataPath('places', 'aliases.json');
  if (existsSync(placeData)) {
    for (const w of (JSON.parse(readFileSync(placeData, 'utf8')) as { demonymExtras?: string[] }).demonymExtras ?? []) demonyms.add(w.toLowerCase());
  }
  const knownSurnames = new Set(lastNames);
  // Ordinary lower-case English words (data/words, built from wink-lexicon and SUBTLEX-US).
  const commonFile = dataPath('words', 'common.txt');
  if (existsSync(commonFile)) {
    for (const line of readFileSync(commonFile, 'utf8').split('\n')) if (line) common.add(line);
  }
  // Name lists from many locales (data/names, built from @faker-js/faker).
  // Words that are also places or nationalities ("Paris", "Georgia") are left
  // out: a capitalized place name is not evidence of a person.
  for (const [file, set] of [['first.txt', firstNames], ['last.txt', lastNames]] as const) {
    const path = dataPath('names', file);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const w = line.trim().toLowerCase();
      if (w && !placeWords.has(w) && !demonyms.has(w)) set.add(w);
    }
  }
  let maxTitleWords = 1;
  for (const t of titles) maxTitleWords = Math.max(maxTitleWords, t.split(' ').length);
  // A first name is evidence of a person even if it is also a rare common word.
  for (const w of ['the', 'a', 'an', 'and', 'or', 'but', 'if', 'so', 'as', 'at', 'in', 'on', 'of', 'to']) functionWords.add(w);
  return { firstNames, lastNames, knownSurnames, personWords, titles, maxTitleWords, roleNouns, demonyms, countryDemonyms, common, functionWords, placeWords };
}
