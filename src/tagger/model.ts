// The averaged perceptron (Collins 2002; the shape of NLTK's PerceptronTagger):
// `scores`, `update` and `average` during training, then `pack` into the
// compact form that ships: a hashed feature index and int16 weight rows in a
// data pack (src/data/pack.ts). Features are identified by the 32-bit hash of
// their name (hashKey), in training and tagging alike.

import { encodePack, HashIndex, Pack } from '../data/pack.js';

export interface Scorer {
  readonly nTags: number;
  /** Adds the weights of the features to `out` (length nTags). */
  addScores(features: ArrayLike<number>, out: Float64Array): void;
}

export class TrainableModel implements Scorer {
  readonly weights = new Map<number, Float64Array>();
  private readonly totals = new Map<number, Float64Array>();
  private readonly stamps = new Map<number, Float64Array>();
  private instances = 0;

  constructor(readonly nTags: number) {}

  addScores(features: ArrayLike<number>, out: Float64Array): void {
    for (let i = 0; i < features.length; i++) {
      const w = this.weights.get(features[i]);
      if (!w) continue;
      for (let t = 0; t < this.nTags; t++) out[t] += w[t];
    }
  }

  /** One training instance seen: reward the truth, punish the guess when they differ. */
  update(features: ArrayLike<number>, truth: number, guess: number): void {
    this.instances++;
    if (truth === guess) return;
    for (let i = 0; i < features.length; i++) {
      const f = features[i];
      let w = this.weights.get(f);
      let tot = this.totals.get(f);
      let st = this.stamps.get(f);
      if (!w || !tot || !st) {
        w = new Float64Array(this.nTags);
        tot = new Float64Array(this.nTags);
        st = new Float64Array(this.nTags);
        this.weights.set(f, w);
        this.totals.set(f, tot);
        this.stamps.set(f, st);
      }
      for (const [t, d] of [[truth, 1], [guess, -1]] as const) {
        tot[t] += (this.instances - st[t]) * w[t];
        st[t] = this.instances;
        w[t] += d;
      }
    }
  }

  /** Replaces each weight by its average over all instances seen. */
  average(): void {
    for (const [f, w] of this.weights) {
      const tot = this.totals.get(f)!;
      const st = this.stamps.get(f)!;
      for (let t = 0; t < this.nTags; t++) {
        const total = tot[t] + (this.instances - st[t]) * w[t];
        w[t] = total / Math.max(1, this.instances);
      }
    }
  }

  /**
   * The shipped form: features whose largest averaged weight is below `prune`
   * are dropped (they can barely move a decision); the rest become int16 rows.
   */
  pack(meta: Record<string, unknown>, prune = 0.01): Uint8Array {
    let max = 0;
    for (const w of this.weights.values()) for (const x of w) max = Math.max(max, Math.abs(x));
    const scale = max / 32767 || 1;
    const keep: number[] = [];
    for (const [f, w] of this.weights) {
      let m = 0;
      for (const x of w) m = Math.max(m, Math.abs(x));
      if (m >= prune) keep.push(f);
    }
    keep.sort((a, b) => a - b);
    const { index, slots } = HashIndex.build(keep);
    const rowOf = new Uint32Array(index.keys.length);
    const rows = new Int16Array(keep.length * this.nTags);
    keep.forEach((f, r) => {
      rowOf[slots[r]] = r;
      const w = this.weights.get(f)!;
      for (let t = 0; t < this.nTags; t++) rows[r * this.nTags + t] = Math.round(w[t] / scale);
    });
    return encodePack({ meta: { ...meta, scale, nTags: this.nTags, features: keep.length }, arrays: { keys: index.keys, rowOf, weights: rows } });
  }
}

/** The model as it ships: read-only views over a pack. */
export class PackedModel implements Scorer {
  readonly nTags: number;
  readonly meta: Record<string, unknown>;
  private readonly index: HashIndex;
  private readonly rowOf: Uint32Array;
  private readonly weights: Int16Array;
  private readonly scale: number;

  constructor(pack: Pack) {
    this.meta = pack.meta as Record<string, unknown>;
    this.nTags = this.meta.nTags as number;
    this.scale = this.meta.scale as number;
    this.index = new HashIndex(pack.array('keys', 'u32'));
    this.rowOf = pack.array('rowOf', 'u32');
    this.weights = pack.array('weights', 'i16');
  }

  addScores(features: ArrayLike<number>, out: Float64Array): void {
    const n = this.nTags;
    const s = this.scale;
    for (let i = 0; i < features.length; i++) {
      const slot = this.index.find(features[i]);
      if (slot < 0) continue;
      const base = this.rowOf[slot] * n;
      for (let t = 0; t < n; t++) out[t] += this.weights[base + t] * s;
    }
  }
}
