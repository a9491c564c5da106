// The averaged perceptron (Collins 2002; the shape of NLTK's PerceptronTagger):
// `scores`, `update` and `average` during training, then `pack` into the
// compact form that ships: a hashed feature index and int16 weight rows in a
// data pack (src/data/pack.ts). Features are identified by the 32-bit hash of
// their name (hashKey), in training and tagging alike.

import { encodePack, HashIndex, type Pack } from '../data/pack.js';
import type { HashScorer } from './features.js';

export interface Scorer {
  readonly nTags: number;
  /** Adds the weights of the first `count` features (all by default) to `out` (length nTags). */
  addScores(features: ArrayLike<number>, out: Float64Array, count?: number): void;
}

export class TrainableModel implements Scorer {
  readonly weights = new Map<number, Float64Array>();
  private readonly totals = new Map<number, Float64Array>();
  private readonly stamps = new Map<number, Float64Array>();
  private instances = 0;

  constructor(readonly nTags: number) {}

  addScores(features: ArrayLike<number>, out: Float64Array, count = features.length): void {
    for (let i = 0; i < count; i++) {
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

  /** The mean of several averaged models' weights (models trained on different shuffles of the data agree where the data is clear and cancel their noise elsewhere). */
  static mean(models: TrainableModel[]): TrainableModel {
    const out = new TrainableModel(models[0].nTags);
    for (const m of models) {
      for (const [f, w] of m.weights) {
        let acc = out.weights.get(f);
        if (!acc) out.weights.set(f, (acc = new Float64Array(out.nTags)));
        for (let t = 0; t < out.nTags; t++) acc[t] += w[t] / models.length;
      }
    }
    return out;
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

/**
 * The model as it ships. At load the pack's three sections (key table, row of
 * each slot, int16 weight rows) are laid out again as one table whose slot
 * holds the key and its weights side by side in 32 bytes (for 13 tags): a
 * feature look-up then touches one cache line instead of three, which is what
 * tagging spends its time on.
 */
export class PackedModel implements Scorer, HashScorer {
  readonly nTags: number;
  readonly meta: Record<string, unknown>;
  /** Slot s: key at keys[s * stride32], weights at weights[s * stride16 + 2 + t]. */
  private readonly keys: Uint32Array;
  private readonly weights: Int16Array;
  private readonly mask: number;
  private readonly stride32: number;

  constructor(pack: Pack) {
    this.meta = pack.meta as Record<string, unknown>;
    const n = (this.nTags = this.meta.nTags as number);
    const keys = pack.array('keys', 'u32');
    const rowOf = pack.array('rowOf', 'u32');
    const rows = pack.array('weights', 'i16');
    let stride32 = 1;
    while (stride32 * 2 < 2 + n) stride32 *= 2;
    this.stride32 = stride32;
    const buf = new ArrayBuffer(keys.length * stride32 * 4);
    this.keys = new Uint32Array(buf);
    this.weights = new Int16Array(buf);
    this.mask = keys.length - 1;
    const out = this.weights;
    for (let slot = 0; slot < keys.length; slot++) {
      if (keys[slot] === 0) continue;
      this.keys[slot * stride32] = keys[slot];
      const from = rowOf[slot] * n;
      const to = slot * stride32 * 2 + 2;
      for (let t = 0; t < n; t++) out[to + t] = rows[from + t];
    }
  }

  /** Adds the weights of feature `h` in units of the pack's `scale` (nothing when the model does not hold it). */
  addHash(h: number, out: Float64Array): void {
    const keys = this.keys;
    const mask = this.mask;
    const stride = this.stride32;
    let s = h & mask;
    for (;;) {
      const k = keys[s * stride];
      if (k === h) break;
      if (k === 0) return;
      s = (s + 1) & mask;
    }
    const weights = this.weights;
    const base = s * stride * 2 + 2;
    for (let t = 0; t < this.nTags; t++) out[t] += weights[base + t];
  }

  /** Adds the weights in units of the pack's `scale` (a positive factor, so the best tag is the same). */
  addScores(features: ArrayLike<number>, out: Float64Array, count = features.length): void {
    for (let i = 0; i < count; i++) this.addHash(features[i], out);
  }
}
