// npm run bench: dossier's full pipeline against compromise alone and
// wink-nlp alone, in one process, on the same news-like documents.
//
// The corpus (>= 5 MB) is built from the fixtures' gold texts and the shared
// dev corpus: paragraphs are recombined across articles by a seeded random
// generator and numbers are varied, so no two documents are the same and
// caches do not flatter anyone. compromise is slow (tens of KB/s), so it runs
// on a sample of the corpus; throughput is measured per byte, so the ratio is
// unaffected. Results go to stdout and bench/results/<timestamp>.json.
// dossier runs over the corpus twice: the first pass includes V8's warm-up
// (compiling and optimizing the pipeline's code), the second is the warm figure.
//
// Then whole processes, as a user runs them (`./bin/dossier extract ...
// --format jsonl`, median wall time of BENCH_RUNS runs each, alternating):
// one short article against wink-nlp alone loading its model and tagging the
// same text in a fresh node process (scripts/wink-alone.mjs); a 1 MB JSON Lines
// archive against the same; --jobs 2 against --jobs 1 on 5 MB; peak RSS for one
// article (when /usr/bin/time is there). And the CSV writer: our csvLine
// against csv-stringify on the mention rows of the corpus. BENCH_WHOLE=0 skips
// the whole-process part.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { stringify } from 'csv-stringify/sync';
import { csvLine, MENTION_COLUMNS } from '../src/writers/index.js';
import type { OutputMention } from '../src/types.js';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document } from '../src/types.js';
import { extractDocument } from '../src/pipeline/extract.js';
import { compromiseExtract, winkExtract } from '../src/eval/baselines.js';
import { rng } from '../src/util/random.js';

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

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SHORT_ARTICLE = join(ROOT, 'fixtures', 'articles', 'txt', '01-council-budget.txt');
const DOSSIER = join(ROOT, 'bin', 'dossier');
const WINK_ALONE = join(ROOT, 'scripts', 'wink-alone.mjs');

interface Timed {
  seconds: number;
  peak_rss_mb: number | null;
}

/** One whole process, stdout discarded: wall time, and peak RSS when /usr/bin/time is there. */
function runProcess(args: string[]): Timed {
  const useTime = existsSync('/usr/bin/time');
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const argv = useTime ? ['-f', '%M', process.execPath, ...args] : args;
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  const kb = useTime ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { seconds, peak_rss_mb: Number.isFinite(kb) ? Math.round(kb / 1024) : null };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median wall seconds (and peak RSS) of each command, runs alternating so that machine noise hits all alike. */
function compare(commands: Record<string, string[]>, runs = RUNS): Record<string, { median_s: number; runs_s: number[]; peak_rss_mb: number | null }> {
  const times: Record<string, number[]> = {};
  const rss: Record<string, number[]> = {};
  for (const name of Object.keys(commands)) runProcess(commands[name]); // warm the file cache
  for (let i = 0; i < runs; i++) {
    for (const [name, args] of Object.entries(commands)) {
      const t = runProcess(args);
      (times[name] ??= []).push(round(t.seconds));
      if (t.peak_rss_mb !== null) (rss[name] ??= []).push(t.peak_rss_mb);
    }
  }
  const out: Record<string, { median_s: number; runs_s: number[]; peak_rss_mb: number | null }> = {};
  for (const name of Object.keys(commands)) {
    out[name] = { median_s: median(times[name]), runs_s: times[name], peak_rss_mb: rss[name] ? Math.max(...rss[name]) : null };
  }
  return out;
}

function writeArchive(docs: Document[], maxBytes: number, path: string): number {
  const lines: string[] = [];
  let bytes = 0;
  for (const d of docs) {
    if (bytes >= maxBytes) break;
    const line = JSON.stringify({ id: d.id, date: d.date, text: d.text });
    lines.push(line);
    bytes += Buffer.byteLength(line) + 1;
  }
  writeFileSync(path, lines.join('\n') + '\n');
  return bytes;
}

function wholeProcess(docs: Document[]) {
  const dir = join(ROOT, 'bench', 'corpus');
  mkdirSync(dir, { recursive: true });
  const mb1 = join(dir, 'archive-1mb.jsonl');
  const mb5 = join(dir, 'archive-5mb.jsonl');
  writeArchive(docs, 1_000_000, mb1);
  writeArchive(docs, 5_000_000, mb5);
  const extract = (file: string, ...more: string[]) => [DOSSIER, 'extract', file, '--format', 'jsonl', '--quiet', ...more];
  console.log(`\nwhole processes (median of ${RUNS} runs, wall time):`);
  const short = compare({ dossier: extract(SHORT_ARTICLE), wink: [WINK_ALONE, SHORT_ARTICLE] });
  const archive = compare({ dossier: extract(mb1), wink: [WINK_ALONE, mb1] });
  const jobs = compare({ jobs1: extract(mb5, '--jobs', '1'), jobs2: extract(mb5, '--jobs', '2') }, Math.max(1, Math.ceil(RUNS / 2)));
  const ratios = {
    short_article_time_vs_wink: round(short.dossier.median_s / short.wink.median_s),
    archive_1mb_speed_vs_wink: round(archive.wink.median_s / archive.dossier.median_s),
    jobs2_speedup_5mb: round(jobs.jobs1.median_s / jobs.jobs2.median_s),
  };
  console.log(`one short article: dossier ${short.dossier.median_s} s, wink-nlp alone ${short.wink.median_s} s: time ratio ${ratios.short_article_time_vs_wink} (target <= 1)`);
  console.log(`  peak RSS, one article: dossier ${short.dossier.peak_rss_mb ?? '?'} MB, wink-nlp alone ${short.wink.peak_rss_mb ?? '?'} MB (target <= 120 MB)`);
  console.log(`1 MB JSONL archive: dossier ${archive.dossier.median_s} s, wink-nlp alone ${archive.wink.median_s} s: speed ratio ${ratios.archive_1mb_speed_vs_wink}x (target >= 1)`);
  console.log(`5 MB JSONL archive: --jobs 1 ${jobs.jobs1.median_s} s, --jobs 2 ${jobs.jobs2.median_s} s: ${ratios.jobs2_speedup_5mb}x (target >= 1.7)`);
  return { short_article: short, archive_1mb: archive, archive_5mb_jobs: jobs, ratios };
}

/** Our CSV writer against csv-stringify on the same rows (the cells as the writer gets them). */
function csvWriters(rows: OutputMention[]) {
  const cells = rows.map((r) => MENTION_COLUMNS.map((c) => {
    const v = (r as unknown as Record<string, unknown>)[c];
    return v === undefined || v === null ? '' : typeof v === 'number' ? v : typeof v === 'boolean' ? String(v) : String(v);
  }));
  const bytes = Buffer.byteLength(cells.map(csvLine).join(''));
  const time = (fn: () => unknown) => {
    fn();
    const t: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      fn();
      t.push((performance.now() - t0) / 1000);
    }
    return median(t);
  };
  const ours = time(() => {
    let s = '';
    for (const c of cells) s += csvLine(c);
    return s;
  });
  const lib = time(() => stringify(cells));
  const libPerRow = time(() => {
    let s = '';
    for (const c of cells) s += stringify([c]);
    return s;
  });
  const r = {
    rows: cells.length,
    mb: round(bytes / 1e6),
    ours_mb_per_s: round(bytes / 1e6 / ours),
    csv_stringify_mb_per_s: round(bytes / 1e6 / lib),
    csv_stringify_per_row_mb_per_s: round(bytes / 1e6 / libPerRow),
  };
  console.log(
    `\nCSV writer on ${r.rows} mention rows (${r.mb} MB): csvLine ${r.ours_mb_per_s} MB/s, csv-stringify ${r.csv_stringify_mb_per_s} MB/s (whole table) / ${r.csv_stringify_per_row_mb_per_s} MB/s (row by row, as a stream writes): ${round(r.ours_mb_per_s / r.csv_stringify_mb_per_s)}x`,
  );
  return r;
}

async function main(): Promise<void> {
  const docs = buildCorpus(TARGET_BYTES);
  const total = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  console.log(`corpus: ${docs.length} documents, ${(total / 1e6).toFixed(2)} MB (fixtures + shared dev, recombined)`);
  const results: Result[] = [];
  const mentionRows: OutputMention[] = [];
  results.push(measure('dossier (full pipeline, 1 thread)', docs, (d) => {
    const m = extractDocument(d);
    if (mentionRows.length < 200_000) mentionRows.push(...m);
    return m;
  }));
  // The same documents again: the first pass pays V8's warm-up (compiling and optimizing the pipeline's code) over its first megabyte or so.
  const warm = measure('dossier, second pass (warm)', docs, (d) => extractDocument(d));
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
  const line = (r: Result) =>
    `${r.system.padEnd(48)} ${String(r.documents).padStart(6)} ${(r.bytes / 1e6).toFixed(2).padStart(7)} ${r.seconds.toFixed(1).padStart(6)} ${r.mb_per_s.toFixed(3).padStart(8)} ${r.docs_per_s.toFixed(1).padStart(8)} ${String(r.entities).padStart(9)}`;
  for (const r of results) console.log(line(r));
  console.log('');
  console.log(line(warm));
  console.log('');
  console.log(`dossier throughput = ${ratios.vs_compromise}x compromise alone (target >= 10x), ${ratios.vs_wink}x wink-nlp alone (target >= 0.5x); ${ours.mb_per_s} MB/s first pass, ${warm.mb_per_s} MB/s warm (target >= 1 MB/s)`);
  console.log(`peak RSS of the process: ${peakRssMb} MB`);
  const csv = csvWriters(mentionRows);
  const whole = process.env.BENCH_WHOLE === '0' ? null : wholeProcess(docs);
  const outDir = join(ROOT, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(outDir, `${stamp}.json`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), node: process.version, corpus_bytes: total, results, warm, ratios, peak_rss_mb: peakRssMb, csv_writer: csv, whole_process: whole }, null, 2) + '\n');
  console.log(`written: ${file}`);
}

// Run when executed (npm run bench), not when imported (e.g. to profile buildCorpus's documents).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(`bench: ${err.message}`);
    process.exit(1);
  });
}
