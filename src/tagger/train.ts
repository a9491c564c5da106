// `npm run train`: converts the allow-listed corpora (build-corpora.ts), then
// trains the averaged perceptron on their train splits, reports tagger-only
// scores on their dev splits, and writes data/generated/tagger.pack.
//
//   node dist/src/tagger/train.js [--corpora a,b] [--epochs N] [--out FILE] [--prune W] [--seed N] [--runs N] [--oversample PREFIX=N,...] [--gold FILE.jsonl ...] [--no-convert]
//
// --gold trains on gold-format files instead of the corpora (the test suite
// trains on a fixture this way, so that training can't rot unseen).

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Candidate, CorpusDocument } from '../types.js';
import { analyze } from '../pipeline/analyze.js';
import { evidenceSpans } from '../pipeline/extract.js';
import { loadCorpus } from '../eval/gold.js';
import { toUtf16Index } from '../pipeline/offsets.js';
import { corporaDir, trainConfig, writeCorpora } from './build-corpora.js';
import { TAGS } from './features.js';
import { PackedModel, TrainableModel } from './model.js';
import { Pack } from '../data/pack.js';
import { decodeDocument, goldTags, MODEL_FILE, prepareDocument, tagsToSpans, type PreparedDocument } from './tagger.js';
import type { Scorer } from './model.js';
import { rng } from '../util/random.js';

interface Example {
  doc: PreparedDocument;
  gold: Uint8Array;
}

/** Analyzes a gold document, runs the rule-based recognizers on it, and aligns its entities to tokens. */
export function prepareGold(d: CorpusDocument): Example & { misaligned: number; entities: Candidate[] } {
  const input = analyze({ id: d.id, source: 'gold', title: d.title ?? '', date: d.dct ?? '', text: d.text });
  const u16 = (cp: number) => toUtf16Index(d.text, cp);
  const entities = d.entities.map((e) => ({ start: u16(e.start), end: u16(e.end), type: e.type, source: 'gold', score: 1 }) as Candidate);
  const doc = prepareDocument(input, evidenceSpans(input));
  const { tags, misaligned } = goldTags(doc.tokens, entities);
  return { doc, gold: tags, misaligned, entities };
}


export function train(examples: Example[], epochs: number, seed: number, log: (s: string) => void = () => {}): TrainableModel {
  const model = new TrainableModel(TAGS.length);
  const order = examples.map((_, i) => i);
  const rand = rng(seed);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let correct = 0;
    let total = 0;
    for (const k of order) {
      const ex = examples[k];
      const tags = decodeDocument(model, ex.doc, { model, gold: ex.gold });
      for (let t = 0; t < tags.length; t++) if (tags[t] === ex.gold[t]) correct++;
      total += tags.length;
    }
    log(`epoch ${e + 1}/${epochs}: token accuracy on train ${(correct / total).toFixed(4)}`);
  }
  model.average();
  return model;
}

/** Tagger-only strict span scores per type. */
export function spanScores(model: Scorer, examples: (Example & { entities: Candidate[] })[]): Record<string, { p: number; r: number; f: number; tp: number; gold: number; pred: number }> {
  const counts: Record<string, { tp: number; gold: number; pred: number }> = {};
  const get = (t: string) => (counts[t] ??= { tp: 0, gold: 0, pred: 0 });
  for (const ex of examples) {
    const pred = tagsToSpans(ex.doc.tokens, decodeDocument(model, ex.doc));
    const goldSet = new Set(ex.entities.filter((e) => e.type !== 'DATE').map((e) => `${e.start}:${e.end}:${e.type}`));
    for (const e of ex.entities) if (e.type !== 'DATE') (get(e.type).gold++, get('ALL').gold++);
    for (const p of pred) {
      get(p.type).pred++;
      get('ALL').pred++;
      if (goldSet.has(`${p.start}:${p.end}:${p.type}`)) (get(p.type).tp++, get('ALL').tp++);
    }
  }
  const out: Record<string, { p: number; r: number; f: number; tp: number; gold: number; pred: number }> = {};
  for (const [t, c] of Object.entries(counts)) {
    const p = c.pred ? c.tp / c.pred : 0;
    const r = c.gold ? c.tp / c.gold : 0;
    out[t] = { ...c, p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
  }
  return out;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const cfg = trainConfig();
  const log = (s: string) => console.error(s);
  const t0 = Date.now();
  const epochs = Number(arg('--epochs') ?? cfg.epochs);
  const out = arg('--out') ?? MODEL_FILE();
  const goldFiles = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--gold' ? [a] : []));
  let trainDocs: CorpusDocument[];
  let devSets: [string, CorpusDocument[]][] = [];
  let sources: string[];
  if (goldFiles.length) {
    trainDocs = loadCorpus(goldFiles);
    sources = goldFiles;
  } else {
    const names = arg('--corpora')?.split(',') ?? cfg.corpora.filter((c) => c.train !== false).map((c) => c.name);
    if (!process.argv.includes('--no-convert')) for (const l of writeCorpora()) log(l);
    const read = (f: string) => (existsSync(f) ? loadCorpus([f]) : []);
    trainDocs = names.flatMap((n) => read(join(corporaDir(), `${n}.train.jsonl`)));
    devSets = cfg.corpora.map((c) => [c.name, read(join(corporaDir(), `${c.name}.dev.jsonl`))]);
    sources = names.map((n) => {
      const c = cfg.corpora.find((x) => x.name === n)!;
      return `${c.repo}@${c.commit ?? Object.values(c.files ?? {}).map((f) => f.commit ?? `blob ${f.blob}`).join(',')}`;
    });
  }
  const prepared = trainDocs.map(prepareGold);
  // Oversampling ("oversample" in train-config.json, or --oversample PREFIX=N,...; not with --gold): a document
  // whose id starts with a listed prefix is trained on N times per epoch (the copies share one prepared document).
  const overArg = arg('--oversample');
  const over: Record<string, number> =
    overArg !== undefined ? Object.fromEntries(overArg.split(',').filter(Boolean).map((kv) => [kv.split('=')[0], Number(kv.split('=')[1])])) : goldFiles.length ? {} : (cfg.oversample ?? {});
  const times = (id: string) => Object.entries(over).find(([p]) => id.startsWith(p))?.[1] ?? 1;
  const examples = prepared.flatMap((ex, i) => new Array<typeof ex>(Math.max(1, Math.round(times(trainDocs[i].id)))).fill(ex));
  const mis = prepared.reduce((a, e) => a + e.misaligned, 0);
  const ents = prepared.reduce((a, e) => a + e.entities.length, 0);
  log(`prepared ${prepared.length} documents, ${prepared.reduce((a, e) => a + e.doc.tokens.length, 0)} tokens, ${ents} entities (${mis} cut a token and were left out) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (examples.length !== prepared.length) log(`oversampled ${JSON.stringify(over)}: ${examples.length} training documents per epoch`);
  const t1 = Date.now();
  const seed = Number(arg('--seed') ?? cfg.seed);
  const runs = Number(arg('--runs') ?? cfg.runs ?? 1);
  const models: TrainableModel[] = [];
  for (let r = 0; r < runs; r++) models.push(train(examples, epochs, seed + r, log));
  const model = runs === 1 ? models[0] : TrainableModel.mean(models);
  log(`trained in ${((Date.now() - t1) / 1000).toFixed(1)} s, ${model.weights.size} features`);
  const prune = Number(arg('--prune') ?? cfg.prune ?? 0.01);
  const bytes = model.pack({ tags: TAGS, epochs, seed, prune, oversample: over, trainedOn: sources }, prune);
  const packed = new PackedModel(new Pack(bytes));
  log(`packed: ${packed.meta.features} of ${model.weights.size} features kept`);
  for (const [name, docs] of devSets) {
    if (!docs.length) continue;
    const prepared = docs.map(prepareGold);
    const line = (m: Scorer) => {
      const s = spanScores(m, prepared);
      return ['PERSON', 'ORG', 'PLACE', 'ALL'].map((t) => `${t} ${s[t] ? s[t].f.toFixed(3) : '-'}`).join('  ');
    };
    log(`dev ${name} (tagger alone): ${line(model)}; as packed: ${line(packed)}`);
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  log(`wrote ${out} (${(bytes.length / 1e6).toFixed(2)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s in all`);
}

if (process.argv[1] && process.argv[1].endsWith('train.js')) main();

