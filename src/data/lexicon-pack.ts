// The lexicon (src/recognizers/lexicon.ts) as a pack (data/generated/lexicon.pack):
// one string list per word set, in the order the build added the words, and
// the longest title in the metadata. Loading decodes each list in one pass.

import type { Pack, PackContents } from './pack.js';
import type { Lexicon } from '../recognizers/lexicon.js';

const SETS = [
  'firstNames', 'lastNames', 'knownSurnames', 'personWords', 'titles', 'roleNouns', 'demonyms', 'countryDemonyms', 'common',
  'functionWords', 'placeWords',
] as const satisfies readonly (keyof Lexicon)[];

export function encodeLexicon(lex: Lexicon): PackContents {
  const strings: Record<string, string[]> = {};
  for (const name of SETS) strings[name] = [...lex[name]];
  return { meta: { format: 'lexicon/1', maxTitleWords: lex.maxTitleWords }, strings };
}

export function decodeLexicon(pack: Pack): Lexicon {
  const meta = pack.meta as { format?: string; maxTitleWords: number };
  if (meta?.format !== 'lexicon/1') throw new Error('lexicon pack: unknown format');
  const set = (name: (typeof SETS)[number]) => new Set(pack.strings(name));
  return {
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
}
