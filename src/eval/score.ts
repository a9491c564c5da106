// Scoring predictions against gold (pure, no I/O). Offsets are code points.

import type { CorpusDocument, CorpusEntity, EntityType } from '../types.js';
import { ENTITY_TYPES } from '../types.js';

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Ratio {
  correct: number;
  total: number;
  accuracy: number;
}

export type ErrorKind = 'false_positive' | 'false_negative' | 'wrong_type' | 'wrong_boundary' | 'wrong_value' | 'wrong_canonical';

export interface EvalError {
  kind: ErrorKind;
  doc_id: string;
  type: EntityType;
  gold?: { text: string; start: number; end: number; type: EntityType; value?: string; canonical?: string };
  pred?: { text: string; start: number; end: number; type: EntityType; value?: string; canonical?: string };
  context: string;
}

export interface EvalReport {
  documents: number;
  strict: Record<EntityType | 'ALL', PRF>;
  lenient: Record<EntityType | 'ALL', PRF>;
  support: Record<EntityType | 'ALL', number>;
  dateValue: Ratio;
  canonical: Record<Exclude<EntityType, 'DATE'> | 'ALL', Ratio>;
  errors: EvalError[];
}

function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}
const ratio = (correct: number, total: number): Ratio => ({ correct, total, accuracy: total === 0 ? 0 : correct / total });

function contextOf(cps: string[], start: number, end: number): string {
  const before = cps.slice(Math.max(0, start - 60), start).join('');
  const after = cps.slice(end, end + 60).join('');
  return `${before}[${cps.slice(start, end).join('')}]${after}`.replace(/\n/g, '⏎');
}

const brief = (e: CorpusEntity) => ({ text: e.text, start: e.start, end: e.end, type: e.type, value: e.value, canonical: e.canonical });

export function scoreCorpus(gold: CorpusDocument[], pred: Map<string, CorpusEntity[]>): EvalReport {
  const counts = Object.fromEntries([...ENTITY_TYPES, 'ALL'].map((t) => [t, { s: [0, 0, 0], l: [0, 0, 0], n: 0 }])) as Record<string, { s: number[]; l: number[]; n: number }>;
  let valueOk = 0;
  let valueN = 0;
  const can = Object.fromEntries(['PERSON', 'ORG', 'PLACE', 'ALL'].map((t) => [t, [0, 0]])) as Record<string, number[]>;
  const errors: EvalError[] = [];
  for (const doc of gold) {
    const layers = doc.layers && doc.layers.length > 0 ? new Set(doc.layers) : null;
    const keep = (e: CorpusEntity) => !layers || layers.has(e.type);
    const g = doc.entities.filter(keep);
    const p = (pred.get(doc.id) ?? []).filter(keep);
    const cps = Array.from(doc.text);
    const key = (e: CorpusEntity) => `${e.start}:${e.end}:${e.type}`;
    const gKeys = new Map(g.map((e) => [key(e), e]));
    const pKeys = new Map(p.map((e) => [key(e), e]));
    for (const e of g) {
      counts[e.type].n++;
      counts.ALL.n++;
    }
    // Strict.
    for (const e of p) {
      const hit = gKeys.get(key(e));
      const c = counts[e.type].s;
      if (hit) {
        c[0]++;
        counts.ALL.s[0]++;
        if (e.type === 'DATE') {
          valueN++;
          if ((hit.value ?? '') === (e.value ?? '')) valueOk++;
          else errors.push({ kind: 'wrong_value', doc_id: doc.id, type: e.type, gold: brief(hit), pred: brief(e), context: contextOf(cps, e.start, e.end) });
        } else {
          can[e.type][1]++;
          can.ALL[1]++;
          if ((hit.canonical ?? hit.text) === (e.canonical ?? e.text)) {
            can[e.type][0]++;
            can.ALL[0]++;
          } else errors.push({ kind: 'wrong_canonical', doc_id: doc.id, type: e.type, gold: brief(hit), pred: brief(e), context: contextOf(cps, e.start, e.end) });
        }
      } else {
        c[1]++;
        counts.ALL.s[1]++;
      }
    }
    for (const e of g) {
      if (!pKeys.has(key(e))) {
        counts[e.type].s[2]++;
        counts.ALL.s[2]++;
      }
    }
    // Lenient: overlap + same type, one-to-one, greedy by overlap size.
    const pairs: { gi: number; pi: number; ov: number }[] = [];
    g.forEach((ge, gi) =>
      p.forEach((pe, pi) => {
        const ov = Math.min(ge.end, pe.end) - Math.max(ge.start, pe.start);
        if (ov > 0 && ge.type === pe.type) pairs.push({ gi, pi, ov });
      }),
    );
    pairs.sort((a, b) => b.ov - a.ov || a.gi - b.gi || a.pi - b.pi);
    const gUsed = new Set<number>();
    const pUsed = new Set<number>();
    for (const { gi, pi } of pairs) {
      if (gUsed.has(gi) || pUsed.has(pi)) continue;
      gUsed.add(gi);
      pUsed.add(pi);
      counts[g[gi].type].l[0]++;
      counts.ALL.l[0]++;
    }
    p.forEach((e, pi) => {
      if (!pUsed.has(pi)) {
        counts[e.type].l[1]++;
        counts.ALL.l[1]++;
      }
    });
    g.forEach((e, gi) => {
      if (!gUsed.has(gi)) {
        counts[e.type].l[2]++;
        counts.ALL.l[2]++;
      }
    });
    // Error list: every strict miss classified.
    const pMatched = new Set<CorpusEntity>();
    for (const ge of g) {
      if (pKeys.has(key(ge))) {
        pMatched.add(pKeys.get(key(ge))!);
        continue;
      }
      const sameSpan = p.find((pe) => pe.start === ge.start && pe.end === ge.end);
      // A prediction of the same type that overlaps and is not itself a correct match.
      const overlap = p.find((pe) => pe.type === ge.type && Math.min(ge.end, pe.end) > Math.max(ge.start, pe.start) && !gKeys.has(key(pe)) && !pMatched.has(pe));
      if (sameSpan) {
        pMatched.add(sameSpan);
        errors.push({ kind: 'wrong_type', doc_id: doc.id, type: ge.type, gold: brief(ge), pred: brief(sameSpan), context: contextOf(cps, ge.start, ge.end) });
      } else if (overlap) {
        pMatched.add(overlap);
        errors.push({ kind: 'wrong_boundary', doc_id: doc.id, type: ge.type, gold: brief(ge), pred: brief(overlap), context: contextOf(cps, ge.start, ge.end) });
      } else errors.push({ kind: 'false_negative', doc_id: doc.id, type: ge.type, gold: brief(ge), context: contextOf(cps, ge.start, ge.end) });
    }
    for (const pe of p) {
      if (pMatched.has(pe) || gKeys.has(key(pe))) continue;
      errors.push({ kind: 'false_positive', doc_id: doc.id, type: pe.type, pred: brief(pe), context: contextOf(cps, pe.start, pe.end) });
    }
  }
  const all = [...ENTITY_TYPES, 'ALL'] as const;
  const strict = Object.fromEntries(all.map((t) => [t, prf(counts[t].s[0], counts[t].s[1], counts[t].s[2])])) as EvalReport['strict'];
  const lenient = Object.fromEntries(all.map((t) => [t, prf(counts[t].l[0], counts[t].l[1], counts[t].l[2])])) as EvalReport['lenient'];
  const support = Object.fromEntries(all.map((t) => [t, counts[t].n])) as EvalReport['support'];
  return {
    documents: gold.length,
    strict,
    lenient,
    support,
    dateValue: ratio(valueOk, valueN),
    canonical: {
      PERSON: ratio(can.PERSON[0], can.PERSON[1]),
      ORG: ratio(can.ORG[0], can.ORG[1]),
      PLACE: ratio(can.PLACE[0], can.PLACE[1]),
      ALL: ratio(can.ALL[0], can.ALL[1]),
    },
    errors,
  };
}
