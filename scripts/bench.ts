// npm run bench: dossier's full pipeline against compromise alone and
// wink-nlp alone, in one process, on the same news-like documents.
//
// The corpus (>= 5 MB) is built from the fixtures' gold texts and the shared
// dev corpus: paragraphs are recombined across articles by a seeded random
// generator and numbers are varied, so no two documents are the same and
// caches do not flatter anyone. compromise is slow (tens of KB/s), so it runs
// on a sample of the corpus; throughput is measured per byte, so the ratio is
// unaffected. Results go to stdout and bench/results/<timestamp>.json.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document } from '../src/types.js';
import { extractDocument } from '../src/pipeline/extract.js';
import { compromiseExtract, winkExtract } from '../src/eval/baselines.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TARGET_BYTES = Number(process.env.BENCH_BYTES ?? 5_500_000);
const COMPROMISE_SAMPLE_BYTES = Number(process.env.BENCH_COMPROMISE_BYTES ?? 400_000);

function loadTexts(): { text: string; date: string }[] {
  const out: { text: string; date: string }[] = [];
  const files = [join(ROOT, 'fixtures', 'gold', 'fixtures.jsonl'), join(ROOT, '..', 'shared', 'corpus', 'dev', 'seeds.jsonl')];
  for (const f of files) {
    if (!existsSync(f)) {
      console.error(`bench: ${f} not found, building the corpus without it`);
      continue;
    }
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const d = JSON.parse(line) as { text: string; dct?: string };
      out.push({ text: d.text, date: d.dct ?? '' });
    }
  }
  if (out.length === 0) throw new Error('bench: no source texts found (fixtures/gold or ../shared/corpus/dev)');
  return out;
}

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildCorpus(targetBytes: number): Document[] {
  const sources = loadTexts();
  const paragraphs = sources.flatMap((s) => s.text.split(/\n\s*\n/).filter((p) => p.trim().length > 40));
  const rand = rng(20261124);
  const docs: Document[] = [];
  let bytes = 0;
  for (let n = 0; bytes < targetBytes; n++) {
    const k = 4 + Math.floor(rand() * 8);
    const parts: string[] = [];
    for (let i = 0; i < k; i++) {
      const p = paragraphs[Math.floor(rand() * paragraphs.length)];
      // Vary numbers so that texts differ: "2019" -> "2017", "18 months" -> "23 months".
      parts.push(p.replace(/\b\d{1,4}\b/g, (d) => String(Math.max(1, Number(d) + Math.floor(rand() * 7) - 3))));
    }
    const text = parts.join('\n\n');
    const year = 2015 + Math.floor(rand() * 10);
    docs.push({ id: `bench-${n}`, source: 'bench', title: '', date: `${year}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`, text });
    bytes += Buffer.byteLength(text);
  }
  return docs;
}

interface Result {
  system: string;
  documents: number;
  bytes: number;
  seconds: number;
  mb_per_s: number;
  docs_per_s: number;
  entities: number;
  rss_mb_after: number;
}

function measure(system: string, docs: Document[], fn: (d: Document) => unknown[]): Result {
  // Warm-up on a few documents outside the timed run (lazy loading of models and gazetteers).
  for (const d of docs.slice(0, 3)) fn(d);
  let entities = 0;
  let bytes = 0;
  const t0 = performance.now();
  for (const d of docs) {
    entities += fn(d).length;
    bytes += Buffer.byteLength(d.text);
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    system,
    documents: docs.length,
    bytes,
    seconds: round(seconds),
    mb_per_s: round(bytes / 1e6 / seconds),
    docs_per_s: round(docs.length / seconds),
    entities,
    rss_mb_after: Math.round(process.memoryUsage().rss / 1e6),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function sample(docs: Document[], maxBytes: number): Document[] {
  const out: Document[] = [];
  let b = 0;
  for (const d of docs) {
    if (b >= maxBytes) break;
    out.push(d);
    b += Buffer.byteLength(d.text);
  }
  return out;
}

async function main(): Promise<void> {
  const docs = buildCorpus(TARGET_BYTES);
  const total = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  console.log(`corpus: ${docs.length} documents, ${(total / 1e6).toFixed(2)} MB (fixtures + shared dev, recombined)`);
  const results: Result[] = [];
  results.push(measure('dossier (full pipeline, 1 thread)', docs, (d) => extractDocument(d)));
  results.push(measure('wink-nlp alone (readDoc + entities)', docs, winkExtract));
  results.push(measure('compromise alone (people, orgs, places, dates)', sample(docs, COMPROMISE_SAMPLE_BYTES), compromiseExtract));
  const [ours, wink, comp] = results;
  const ratios = {
    vs_compromise: round(ours.mb_per_s / comp.mb_per_s),
    vs_wink: round(ours.mb_per_s / wink.mb_per_s),
  };
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log('');
  console.log('system                                            docs      MB     s      MB/s   docs/s  entities');
  for (const r of results) {
    console.log(
      `${r.system.padEnd(48)} ${String(r.documents).padStart(6)} ${(r.bytes / 1e6).toFixed(2).padStart(7)} ${r.seconds.toFixed(1).padStart(6)} ${r.mb_per_s.toFixed(3).padStart(8)} ${r.docs_per_s.toFixed(1).padStart(8)} ${String(r.entities).padStart(9)}`,
    );
  }
  console.log('');
  console.log(`dossier throughput = ${ratios.vs_compromise}x compromise alone (target >= 10x), ${ratios.vs_wink}x wink-nlp alone (target >= 0.5x)`);
  console.log(`peak RSS of the process: ${peakRssMb} MB`);
  const outDir = join(ROOT, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(outDir, `${stamp}.json`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), node: process.version, corpus_bytes: total, results, ratios, peak_rss_mb: peakRssMb }, null, 2) + '\n');
  console.log(`written: ${file}`);
}

// Run when executed (npm run bench), not when imported (e.g. to profile buildCorpus's documents).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(`bench: ${err.message}`);
    process.exit(1);
  });
}
