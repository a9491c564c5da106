// Cross-document linking against gold: gold entities may carry `link`, the
// archive referent they belong to (fixtures/linking). Over the gold mentions
// that dossier found with the exact span and type, every pair of mentions in
// different documents is a gold link when both have the same `link`, and a
// predicted link when both got the same entity_id. Pairwise precision and
// recall compare the two sets of pairs.

import type { CorpusDocument, OutputMention } from '../types.js';
import { extractDocument } from '../pipeline/extract.js';
import { linkInMemory } from '../linker/relink.js';
import { goldToDocument } from './index.js';

export interface LinkingReport {
  /** Gold mentions with a link id that were found (exact span and type). */
  mentions: number;
  goldMentions: number;
  goldPairs: number;
  predictedPairs: number;
  correctPairs: number;
  precision: number;
  recall: number;
  f1: number;
}

export const hasLinks = (gold: CorpusDocument[]): boolean => gold.some((d) => d.entities.some((e) => typeof e.link === 'string' && e.link !== ''));

/** Extract every gold document, then link them as one archive. */
export function predictLinked(gold: CorpusDocument[]): Map<string, OutputMention[]> {
  const docs = gold.map((d) => ({ id: d.id, date: d.dct ?? '', mentions: extractDocument(goldToDocument(d)) }));
  const { mentions } = linkInMemory(docs);
  return new Map(docs.map((d, i) => [d.id, mentions[i]]));
}

export function scoreLinking(gold: CorpusDocument[], pred: Map<string, OutputMention[]>): LinkingReport {
  const items: { doc: string; gold: string; pred: string }[] = [];
  let goldMentions = 0;
  for (const d of gold) {
    const byspan = new Map<string, string>();
    for (const m of pred.get(d.id) ?? []) byspan.set(`${m.start}:${m.end}:${m.type}`, m.entity_id);
    for (const e of d.entities) {
      if (!e.link) continue;
      goldMentions++;
      const p = byspan.get(`${e.start}:${e.end}:${e.type}`);
      if (p) items.push({ doc: d.id, gold: e.link, pred: p });
    }
  }
  let goldPairs = 0;
  let predictedPairs = 0;
  let correctPairs = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (items[i].doc === items[j].doc) continue;
      const g = items[i].gold === items[j].gold;
      const p = items[i].pred === items[j].pred;
      if (g) goldPairs++;
      if (p) predictedPairs++;
      if (g && p) correctPairs++;
    }
  }
  const precision = predictedPairs === 0 ? (goldPairs === 0 ? 1 : 0) : correctPairs / predictedPairs;
  const recall = goldPairs === 0 ? 1 : correctPairs / goldPairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { mentions: items.length, goldMentions, goldPairs, predictedPairs, correctPairs, precision, recall, f1 };
}

export function formatLinking(r: LinkingReport): string {
  const f3 = (x: number) => x.toFixed(3);
  return (
    `cross-document linking (pairs of found gold mentions in different documents; ${r.mentions}/${r.goldMentions} linked gold mentions found):\n` +
    `  pairwise precision ${f3(r.precision)} (${r.correctPairs}/${r.predictedPairs})  recall ${f3(r.recall)} (${r.correctPairs}/${r.goldPairs})  F1 ${f3(r.f1)}`
  );
}
