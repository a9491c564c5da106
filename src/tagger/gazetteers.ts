// Big name lists as tagger evidence (never the decision): phrases from open
// lists (political parties, football clubs, companies, universities, news
// outlets, legislatures and committees, politicians' names), built by
// src/tagger/build-gazetteers.ts into data/generated/gazetteers.pack as a
// hashed phrase index with a category mask per phrase. A phrase is its tokens
// (our tokenizer), lower case, joined by single spaces.

import { existsSync } from 'node:fs';
import { dataPath } from '../util/paths.js';
import { FNV_OFFSET, fnv1a, hashKey, HashIndex } from '../data/pack.js';
import { loadPack } from '../data/packs.js';

/** Category bits, in mask order. */
export const GAZ_CATEGORIES = ['party', 'club', 'company', 'companylist', 'university', 'media', 'legislature', 'politician'] as const;
export const MAX_PHRASE_TOKENS = 7;

export const GAZETTEERS_FILE = (): string => dataPath('generated', 'gazetteers.pack');

interface Loaded {
  index: HashIndex;
  masks: Uint16Array;
  /** Hashes of the proper prefixes of the listed phrases (null in a pack built before them). */
  prefixes: HashIndex | null;
}

let loaded: Loaded | null | undefined;

function load(): Loaded | null {
  if (loaded === undefined) {
    if (!existsSync(GAZETTEERS_FILE())) loaded = null;
    else {
      const p = loadPack(GAZETTEERS_FILE());
      loaded = { index: new HashIndex(p.array('keys', 'u32')), masks: p.array('masks', 'u16'), prefixes: p.has('prefixes') ? new HashIndex(p.array('prefixes', 'u32')) : null };
    }
  }
  return loaded;
}

/** The category mask of a phrase key (0 when no list holds it). */
export function phraseMask(key: string): number {
  return maskOfHash(hashKey(key));
}

function maskOfHash(h: number): number {
  const g = load();
  if (!g) return 0;
  const slot = g.index.find(h >>> 0 || 1);
  return slot < 0 ? 0 : g.masks[slot];
}

/**
 * Per token, the list matches that cover it, as feature values
 * ("party:B", "company:U", ...): at each capitalized token the longest phrase
 * of each category that starts there.
 */
export function gazetteerMatches(lowers: string[], capitalized: boolean[]): string[][] {
  const out: string[][] = lowers.map(() => []);
  const g = load();
  if (!g) return out;
  for (let i = 0; i < lowers.length; i++) {
    if (!capitalized[i]) continue;
    // hashKey of the phrase, hashed word by word without building it.
    let h = FNV_OFFSET;
    let seen = 0;
    const found: [number, number][] = [];
    for (let n = 1; n <= MAX_PHRASE_TOKENS && i + n <= lowers.length; n++) {
      if (n > 1) h = fnv1a(h, ' ');
      h = fnv1a(h, lowers[i + n - 1]);
      const m = maskOfHash(h);
      if (m) found.push([n, m]);
      // No listed phrase goes on from these words: stop (the same matches, fewer look-ups).
      if (g.prefixes && g.prefixes.find(h >>> 0 || 1) < 0) break;
    }
    // Longest first: each category once, at its longest phrase.
    for (let f = found.length - 1; f >= 0; f--) {
      const [n, m] = found[f];
      for (let b = 0; b < GAZ_CATEGORIES.length; b++) {
        if (!(m & (1 << b)) || seen & (1 << b)) continue;
        seen |= 1 << b;
        const cat = GAZ_CATEGORIES[b];
        if (n === 1) out[i].push(`${cat}:U`);
        else {
          out[i].push(`${cat}:B`);
          for (let k = i + 1; k < i + n - 1; k++) out[k].push(`${cat}:I`);
          out[i + n - 1].push(`${cat}:L`);
        }
      }
    }
  }
  return out;
}
