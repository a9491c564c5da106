// The resolver turns every recognizer's candidates into one set of
// non-overlapping spans: boundaries trimmed by the guidelines' rules, overlaps
// settled by weighted interval scheduling (the longest, surest reading wins),
// then document-level consistency (a name that is a PERSON once is a PERSON
// wherever it recurs; a surname after a full name is the same person).

import type { AnalyzedText, Candidate, EntityType } from '../types.js';
import { trimCandidate } from './boundaries.js';
import { propagate } from './consistency.js';
import { withoutNotDates } from './not-dates.js';
import { applyNameMechanics, cutTrailingDates } from './names.js';

/** Weight of a candidate in overlap resolution: sure and long readings win. */
function weight(c: Candidate, text: string): number {
  let words = 1;
  for (let i = c.start; i < c.end; i++) if (text.charCodeAt(i) === 32) words++;
  return c.score * (1 + 0.35 * (Math.min(words, 6) - 1));
}

/** Choose the best set of non-overlapping candidates (weighted interval scheduling, O(n log n)). */
export function selectNonOverlapping(cands: Candidate[], text: string): Candidate[] {
  if (cands.length === 0) return [];
  const sorted = [...cands].sort((x, y) => x.end - y.end || x.start - y.start || y.score - x.score);
  const n = sorted.length;
  const best = new Float64Array(n + 1);
  const take = new Uint8Array(n + 1);
  const prevIdx = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    const c = sorted[i - 1];
    // Last candidate (1-based) ending at or before c.start.
    let lo = 0;
    let hi = i - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sorted[mid - 1].end <= c.start) lo = mid;
      else hi = mid - 1;
    }
    prevIdx[i] = lo;
    const withIt = best[lo] + weight(c, text);
    if (withIt > best[i - 1]) {
      best[i] = withIt;
      take[i] = 1;
    } else best[i] = best[i - 1];
  }
  const chosen: Candidate[] = [];
  for (let i = n; i > 0; ) {
    if (take[i]) {
      chosen.push(sorted[i - 1]);
      i = prevIdx[i];
    } else i--;
  }
  return chosen.reverse();
}

export interface ResolveOptions {
  /** Candidates below this score are dropped after consistency voting. */
  minScore?: number;
  /**
   * Apply the name mechanics (src/resolver/names.ts) to the final spans. Off
   * for the rules' spans the tagger reads as evidence: it was trained on them
   * as they are without.
   */
  names?: boolean;
}

/** Resolve candidates into final typed spans, in text order. */
export function resolve(input: AnalyzedText, candidates: Candidate[], opts: ResolveOptions = {}): Candidate[] {
  const text = input.text;
  const trimmed: Candidate[] = [];
  for (const c of candidates) {
    const d = withoutNotDates(c, text);
    const t = d && trimCandidate(d, text);
    if (t) trimmed.push(t);
  }
  const selected = selectNonOverlapping(opts.names ? cutTrailingDates(trimmed, text) : trimmed, text);
  // With the name mechanics: before consistency (it votes on the corrected types) and after it, for the names
  // it added ("Calloway III" after "Edmund Calloway III").
  const consistent = opts.names ? applyNameMechanics(input, propagate(input, applyNameMechanics(input, selected))) : propagate(input, selected);
  const min = opts.minScore ?? 0.3;
  return consistent.filter((c) => c.score >= min).sort((a, b) => a.start - b.start);
}

export function typeOrder(t: EntityType): number {
  return t === 'PERSON' ? 0 : t === 'ORG' ? 1 : t === 'PLACE' ? 2 : 3;
}
