// The lexicon (src/recognizers/lexicon.ts) as a pack (data/generated/lexicon.pack):
// one string list per word set, in the order the build added the words, and
// the longest title in the metadata. Small lists are decoded into Sets at
// load; the big ones (ordinary words, first and last names) also get a hash
// table and are answered from it until a run has asked them often enough
// (src/data/word-set.ts).

import { KeyTable, keyTableContents, type Pack, type PackContents } from './pack.js';
import type { Lexicon } from '../recognizers/lexicon.js';
import { PackedWordSet } from './word-set.js';

const SETS = [
  'firstNames', 'lastNames', 'knownSurnames', 'personWords', 'titles', 'roleNouns', 'demonyms', 'countryDemonyms', 'common',
  'functionWords', 'placeWords',
] as const satisfies readonly (keyof Lexicon)[];

/** Lists read through a hash table (src/data/word-set.ts) rather than decoded at load. */
const TABLED = new Set<string>(['common', 'firstNames', 'lastNames']);

export function encodeLexicon(lex: Lexicon): PackContents {
  const strings: Record<string, string[]> = {};
  const arrays: NonNullable<PackContents['arrays']> = {};
  for (const name of SETS) {
    const words = [...lex[name]];
    if (!TABLED.has(name)) {
      strings[name] = words;
      continue;
    }
    const t = keyTableContents(name, words);
    Object.assign(strings, t.strings);
    Object.assign(arrays, t.arrays);
  }
  return { meta: { format: 'lexicon/2', maxTitleWords: lex.maxTitleWords }, arrays, strings };
}

export function decodeLexicon(pack: Pack): Lexicon {
  const meta = pack.meta as { format?: string; maxTitleWords: number };
  if (meta?.format !== 'lexicon/2') throw new Error('lexicon pack: unknown format (run npm run build)');
  // Once a big list is decoded, the lexicon holds its Set directly.
  const set = (name: (typeof SETS)[number]) =>
    TABLED.has(name) ? new PackedWordSet(new KeyTable(pack, name), () => pack.strings(name), (s) => (lex[name] = s)) : new Set(pack.strings(name));
  const lex: Lexicon = {
    firstNames: set('firstNames'),
    lastNames: set('lastNames'),
    knownSurnames: set('knownSurnames'),
    personWords: set('personWords'),
    titles: set('titles'),
    maxTitleWords: meta.maxTitleWords,
    roleNouns: set('roleNouns'),
    demonyms: set('demonyms'),
    countryDemonyms: set('countryDemonyms'),
    common: set('common'),
    functionWords: set('functionWords'),
    placeWords: set('placeWords'),
  };
  return lex;
}
