// Wires the stages for `dossier extract`: readers -> extraction -> linker -> writers.
// Documents stream through one at a time; only the entity and co-occurrence
// tables grow, with the number of distinct referents.

import { mkdirSync, existsSync, readdirSync } from 'node:fs';

import { join } from 'node:path';
import type { Document, EntityType, OutputDocument, OutputMention, ReadFailure } from '../types.js';
import { readInputs, type InputItem, type ReaderOptions } from '../readers/index.js';
import { createExtractor } from './pool.js';
import { extractPieces, isHuge } from './extract.js';
import { EntityTable } from '../linker/aggregate.js';
import { createWriter, MENTION_COLUMNS, type TableWriter } from '../writers/index.js';
import { createFileSink, documentsIncludeText, partialPath, type OutputSink } from '../writers/sink.js';
import type { OutputFormat as FileFormat } from '../writers/index.js';
import { formatShard, MANIFEST_BASENAME, readManifest, shardOf, writeManifest, type RunManifest, type Shard } from './manifest.js';
import { recoverPartial, type RecoveredRun } from './resume.js';
import { codePointLength } from './offsets.js';

export type Format = 'csv' | 'json' | 'jsonl' | 'sqlite';
export const FORMATS: readonly Format[] = ['csv', 'json', 'jsonl', 'sqlite'];
/** The database file `--format sqlite --out-dir DIR` writes. */
export const SQLITE_BASENAME = 'dossier.db';

export interface RunOptions {
  paths: string[];
  reader: ReaderOptions;
  format: Format;
  outDir?: string;
  /** Write one SQLite database to this file (--sqlite FILE, or --format sqlite: OUT_DIR/dossier.db). */
  sqlitePath?: string;
  rawCsv: boolean;
  force: boolean;
  /** Worker threads for extraction (1 = in this thread). */
  jobs?: number;
  /** Called once per finished document (progress, verbose timings). */
  onDocument?: (info: { doc_id: string; source: string; bytes: number; ms: number; status: 'ok' | 'error' }) => void;
  /** Called with a one-line message for every document that failed. */
  onError?: (message: string) => void;
  /** Process only the documents whose id hashes to this shard. */
  shard?: Shard;
  /** Continue the interrupted run in outDir. */
  resume?: boolean;
  /** Checked between documents; true stops the run cleanly. */
  shouldStop?: () => boolean;
}

export interface RunSummary {
  /** Documents written, including those an interrupted run had written (resumed). */
  documents: number;
  /** Documents taken over from the interrupted run by --resume. */
  resumed: number;
  failed: number;
  mentions: number;
  interrupted: boolean;
}

export const OUTPUT_BASENAMES = ['documents', 'mentions', 'entities', 'cooccurrences'] as const;

export class OutputExistsError extends Error {}

/** Refuse to overwrite a previous run unless asked to. */
export function prepareOutDir(outDir: string, format: Format, force: boolean): void {
  if (existsSync(outDir)) {
    const clash = readdirSync(outDir).filter((f) =>
      format === 'sqlite' ? f === SQLITE_BASENAME : OUTPUT_BASENAMES.some((b) => f === `${b}.${format}`),
    );
    if (clash.length > 0 && !force) {
      throw new OutputExistsError(
        `output folder ${outDir} already holds ${clash.join(', ')}; use --force to overwrite it or choose another --out-dir`,
      );
    }
  } else mkdirSync(outDir, { recursive: true });
}

type TypeCounts = Record<EntityType, number>;
const noCounts = (): TypeCounts => ({ PERSON: 0, ORG: 0, DATE: 0, PLACE: 0 });

function documentRow(doc: Document, counts: TypeCounts, includeText: boolean, error = ''): OutputDocument {
  const row: OutputDocument = {
    doc_id: doc.id,
    source: doc.source,
    title: doc.title,
    date: doc.date,
    chars: codePointLength(doc.text),
    persons: counts.PERSON,
    orgs: counts.ORG,
    dates: counts.DATE,
    places: counts.PLACE,
    status: error ? 'error' : 'ok',
    error,
  };
  if (includeText) row.text = doc.text;
  return row;
}

function failureRow(f: ReadFailure, includeText: boolean): OutputDocument {
  const row: OutputDocument = {
    doc_id: f.id,
    source: f.source,
    title: '',
    date: '',
    chars: 0,
    persons: 0,
    orgs: 0,
    dates: 0,
    places: 0,
    status: 'error',
    error: f.error,
  };
  if (includeText) row.text = '';
  return row;
}

/** A run that cannot start as asked (the CLI reports it as a usage error, exit 2). */
export class RunSetupError extends Error {}

interface Opened {
  sink: OutputSink | null;
  recovered: RecoveredRun | null;
}

async function openSink(opts: RunOptions): Promise<Opened> {
  if (opts.sqlitePath) {
    if (opts.resume) throw new RunSetupError('--resume continues csv, json or jsonl runs; a SQLite run starts over with --force');
    const { createSqliteSink } = await import('../writers/sqlite.js');
    return { sink: createSqliteSink(opts.sqlitePath, { force: opts.force }), recovered: null };
  }
  if (!opts.outDir || opts.format === 'sqlite') {
    if (opts.resume) throw new RunSetupError('--resume needs the --out-dir of the interrupted run');
    return { sink: null, recovered: null };
  }
  const { outDir, format } = opts;
  let recovered: RecoveredRun | null = null;
  if (opts.resume) {
    checkResumable(opts, format);
    recovered = await recoverPartial(partialPath(outDir, 'documents', format), partialPath(outDir, 'mentions', format), format, opts.rawCsv);
    if (recovered.documentRows === 0) recovered = null;
  } else {
    prepareOutDir(outDir, format, opts.force);
    const partial = readdirSync(outDir).filter((f) => f.endsWith(`.${format}.partial`));
    if (partial.length > 0 && !opts.force) {
      throw new OutputExistsError(
        `output folder ${outDir} holds an interrupted run (${partial.join(', ')}); continue it with --resume, or start over with --force`,
      );
    }
  }
  const sink = createFileSink(format, outDir, {
    rawCsv: opts.rawCsv,
    resume: recovered ? { documentRows: recovered.documentRows, mentionRows: recovered.mentionRows } : undefined,
  });
  return { sink, recovered };
}

function manifestFor(opts: RunOptions, format: FileFormat): RunManifest {
  return {
    tool: 'dossier',
    format,
    raw_csv: opts.rawCsv,
    inputs: opts.paths,
    reader: opts.reader,
    shard: formatShard(opts.shard),
    status: 'running',
    documents: 0,
  };
}

function checkResumable(opts: RunOptions, format: FileFormat): void {
  const outDir = opts.outDir!;
  const m = readManifest(outDir);
  if (!m) throw new RunSetupError(`nothing to resume in ${outDir}: it has no ${MANIFEST_BASENAME}; run without --resume`);
  if (m.status === 'complete') throw new RunSetupError(`the run in ${outDir} is already complete; nothing to resume`);
  const want = manifestFor(opts, format);
  const differs: string[] = [];
  if (m.format !== want.format) differs.push(`--format ${m.format}`);
  if (m.raw_csv !== want.raw_csv) differs.push(m.raw_csv ? '--raw-csv' : 'no --raw-csv');
  if (m.shard !== want.shard) differs.push(m.shard ? `--shard ${m.shard}` : 'no --shard');
  if (JSON.stringify(m.inputs) !== JSON.stringify(want.inputs)) differs.push(`inputs ${m.inputs.join(' ')}`);
  if (JSON.stringify(m.reader) !== JSON.stringify(want.reader)) differs.push(`reader options ${JSON.stringify(m.reader)}`);
  if (differs.length > 0) {
    throw new RunSetupError(`the interrupted run in ${outDir} was started with ${differs.join(', ')}; resume it with the same inputs and options`);
  }
}

export async function runExtract(opts: RunOptions): Promise<RunSummary> {
  if (opts.format === 'sqlite' && !opts.sqlitePath) {
    if (!opts.outDir) throw new RunSetupError('--format sqlite writes a database file: give --out-dir DIR or --sqlite FILE.db');
    mkdirSync(opts.outDir, { recursive: true });
    opts = { ...opts, sqlitePath: join(opts.outDir, SQLITE_BASENAME) };
  }
  const format = opts.sqlitePath ? 'sqlite' : opts.format;
  const includeText = documentsIncludeText(format);
  const { sink, recovered } = await openSink(opts);
  const fileFormat = format === 'sqlite' ? null : format;
  const manifest = sink && fileFormat && opts.outDir ? manifestFor(opts, fileFormat) : null;
  const mentionsOut: TableWriter<OutputMention> =
    sink?.mentions ?? createWriter<OutputMention>(fileFormat ?? 'csv', MENTION_COLUMNS, process.stdout, { rawCsv: opts.rawCsv });
  const docsOut: TableWriter<OutputDocument> | null = sink?.documents ?? null;
  const entities = sink ? recovered?.entities ?? new EntityTable() : null;
  const summary: RunSummary = {
    documents: recovered?.documentRows ?? 0,
    failed: recovered?.failed ?? 0,
    mentions: recovered?.mentionRows ?? 0,
    interrupted: false,
    resumed: recovered?.documentRows ?? 0,
  };
  const ordinals: number[] = [];
  if (manifest && opts.outDir) writeManifest(opts.outDir, manifest);
  // Records from stdin to stdout: answer each document before reading the next
  // (a line-in/line-out filter, e.g. a streaming mapper), so no documents are
  // held back for worker threads.
  const lineByLine = !sink && opts.paths.includes('-');
  const extractor = createExtractor(lineByLine ? 1 : opts.jobs ?? 1);
  // Documents in flight, oldest first: results are written in input order.
  const inFlight: { item: InputItem; started: number; result: Promise<OutputMention[]> }[] = [];
  const finish = async (entry: (typeof inFlight)[number]): Promise<void> => {
    const { item, started } = entry;
    summary.documents++;
    if (!item.result.ok) {
      const f = item.result.failure;
      summary.failed++;
      opts.onError?.(`${f.source}: ${f.error}`);
      docsOut?.write(failureRow(f, includeText));
      opts.onDocument?.({ doc_id: f.id, source: f.source, bytes: item.bytes, ms: performance.now() - started, status: 'error' });
      return;
    }
    const doc = item.result.doc;
    let mentions: OutputMention[];
    extractor.flush();
    try {
      mentions = await entry.result;
    } catch (err) {
      // A bug or pathological input in one document must not end the run.
      const message = `extraction failed: ${(err as Error).message}`;
      summary.failed++;
      opts.onError?.(`${doc.source}: ${message}`);
      docsOut?.write(failureRow({ id: doc.id, source: doc.source, error: message }, includeText));
      opts.onDocument?.({ doc_id: doc.id, source: doc.source, bytes: item.bytes, ms: performance.now() - started, status: 'error' });
      return;
    }
    await writeDocument(item, doc, started, [mentions], []);
  };
  /**
   * A document's mention rows, chunk by chunk (one chunk, or one per piece of a
   * huge document), then its documents row. `failures` may grow while the
   * chunks are produced: pieces that could not be extracted.
   */
  const writeDocument = async (item: InputItem, doc: Document, started: number, chunks: Iterable<OutputMention[]>, failures: string[]) => {
    const counts = noCounts();
    for (const mentions of chunks) {
      for (const m of mentions) {
        mentionsOut.write(m);
        counts[m.type]++;
      }
      if (!sink) mentionsOut.flush(); // a line-in/line-out filter: each document's rows leave at once
      await mentionsOut.ready();
      summary.mentions += mentions.length;
      entities?.add(doc.id, doc.date, mentions);
    }
    if (failures.length > 0) summary.failed++;
    docsOut?.write(documentRow(doc, counts, includeText, failures.join('; ')));
    const status = failures.length > 0 ? 'error' : 'ok';
    opts.onDocument?.({ doc_id: doc.id, source: doc.source, bytes: item.bytes, ms: performance.now() - started, status });
  };
  /**
   * A huge document, in this thread, after every document before it: its rows
   * are written piece by piece, so memory stays bounded by the piece size (a
   * 50 MB text has a million mention rows). A piece that fails is reported and
   * skipped; the rows of the other pieces stand and the document is marked failed.
   */
  const finishHuge = async (item: InputItem, doc: Document) => {
    const started = performance.now();
    summary.documents++;
    const failures: string[] = [];
    const pieces = extractPieces(doc, {}, (f) => {
      const message = `extraction failed for code points ${f.start}-${f.end}: ${f.message}`;
      failures.push(message);
      opts.onError?.(`${doc.source}: ${message} (the rest of the document is written)`);
    });
    await writeDocument(item, doc, started, pieces, failures);
  };
  try {
    let ordinal = -1;
    let skip = 0;
    for await (const item of readInputs(opts.paths, opts.reader)) {
      ordinal++;
      const id = item.result.ok ? item.result.doc.id : item.result.failure.id;
      if (opts.shard && shardOf(id, opts.shard.n) !== opts.shard.k) continue;
      if (recovered && skip < recovered.docIds.length) {
        // Already written by the interrupted run: the input must be the same documents in the same order.
        if (recovered.docIds[skip] !== id) {
          throw new RunSetupError(
            `the input changed since the interrupted run: document ${skip + 1} was "${recovered.docIds[skip]}", now "${id}"; start over with --force`,
          );
        }
        skip++;
        if (opts.shard) ordinals.push(ordinal); // only a shard's manifest lists them
        continue;
      }
      if (opts.shouldStop?.()) {
        summary.interrupted = true;
        break;
      }
      if (opts.shard) ordinals.push(ordinal); // only a shard's manifest lists them
      if (item.result.ok && isHuge(item.result.doc)) {
        while (inFlight.length > 0) await finish(inFlight.shift()!);
        await finishHuge(item, item.result.doc);
        continue;
      }
      const result = item.result.ok ? extractor.extract(item.result.doc) : Promise.resolve([]);
      result.catch(() => {}); // handled when the entry is finished, in order
      inFlight.push({ item, started: performance.now(), result });
      while (inFlight.length >= extractor.capacity) await finish(inFlight.shift()!);
    }
    while (inFlight.length > 0 && !summary.interrupted) await finish(inFlight.shift()!);
  } catch (err) {
    await extractor.close();
    await (sink ? sink.abort() : mentionsOut.abort());
    throw err;
  }
  await extractor.close();
  if (summary.interrupted && sink) {
    // Never leave files that look whole after an interrupted run; keep the
    // partial files of a folder run so that --resume can continue it.
    if (manifest && opts.outDir) {
      await sink.suspend();
      writeManifest(opts.outDir, { ...manifest, status: 'interrupted', documents: summary.documents });
    } else await sink.abort();
    return summary;
  }
  if (sink && entities) {
    try {
      // The linker runs on the whole archive's referents, then the mention rows get their archive ids.
      await sink.finish(entities);
    } catch (err) {
      await sink.abort();
      throw err;
    }
  } else await mentionsOut.end();
  if (manifest && opts.outDir) {
    writeManifest(opts.outDir, { ...manifest, status: 'complete', documents: summary.documents, ...(opts.shard ? { ordinals } : {}) });
  }
  return summary;
}
