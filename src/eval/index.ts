// `dossier eval`: load gold, get predictions (run dossier, or read --pred), score, format.

import { readFileSync } from 'node:fs';
import type { CorpusDocument, CorpusEntity, Document } from '../types.js';
import { loadCorpus } from './gold.js';
import { scoreCorpus, type EvalReport } from './score.js';
import { formatErrors, formatTable } from './report.js';
import { formatLinking, hasLinks, predictLinked, scoreLinking, type LinkingReport } from './linking.js';

export interface EvalOptions {
  pred?: string;
  json?: boolean;
  errors?: boolean;
  label?: string;
  extract?: (doc: Document) => Promise<CorpusEntity[]> | CorpusEntity[];
}

export function goldToDocument(d: CorpusDocument): Document {
  return { id: d.id, source: 'gold', title: d.title ?? '', date: d.dct ?? '', text: d.text };
}

export async function predict(gold: CorpusDocument[], extract: NonNullable<EvalOptions['extract']>): Promise<Map<string, CorpusEntity[]>> {
  const pred = new Map<string, CorpusEntity[]>();
  for (const d of gold) pred.set(d.id, await extract(goldToDocument(d)));
  return pred;
}

export async function runEval(goldPaths: string[], opts: EvalOptions): Promise<{ report: EvalReport; output: string }> {
  const gold = loadCorpus(goldPaths);
  let pred: Map<string, CorpusEntity[]>;
  if (opts.pred) {
    pred = new Map();
    readFileSync(opts.pred, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        let d: CorpusDocument;
        try {
          d = JSON.parse(line) as CorpusDocument;
        } catch (err) {
          throw new Error(`${opts.pred}:${i + 1}: invalid JSON (${(err as Error).message})`);
        }
        pred.set(d.id, d.entities ?? []);
      });
  } else if (opts.extract) {
    pred = await predict(gold, opts.extract);
  } else throw new Error('nothing to score: give --pred FILE or an extractor');
  const report = scoreCorpus(gold, pred);
  // Gold with archive referents (link ids): dossier's own extraction, linked as one archive, is scored pairwise.
  let linking: LinkingReport | null = null;
  if (!opts.pred && hasLinks(gold)) linking = scoreLinking(gold, predictLinked(gold));
  if (opts.json) {
    const { errors, ...rest } = report;
    return { report, output: JSON.stringify({ ...(opts.errors ? report : rest), ...(linking ? { linking } : {}) }, null, 2) };
  }
  let output = formatTable(report, opts.label);
  if (linking) output += `\n${formatLinking(linking)}`;
  if (opts.errors) output += `\n${formatErrors(report)}`;
  return { report, output };
}
