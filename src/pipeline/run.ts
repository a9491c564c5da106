// Wires the stages for `dossier extract`: readers -> extraction -> linker -> writers.
// Documents stream through one at a time; only the entity and co-occurrence
// tables grow, with the number of distinct referents.

import { mkdirSync, existsSync, readdirSync } from 'node:fs';

import { join } from 'node:path';
import type { Document, OutputDocument, OutputMention, ReadFailure } from '../types.js';
import { readInputs, type InputItem, type ReaderOptions } from '../readers/index.js';
import { createExtractor } from './pool.js';
import { EntityTable } from '../linker/aggregate.js';
import { CooccurrenceTable } from '../linker/cooccur.js';
import { createWriter, MENTION_COLUMNS, type TableWriter } from '../writers/index.js';
import { createFileSink, documentsIncludeText, type OutputSink } from '../writers/sink.js';

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
  /** Checked between documents; true stops the run cleanly. */
  shouldStop?: () => boolean;
}

export interface RunSummary {
  documents: number;
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

function documentRow(doc: Document, mentions: OutputMention[], includeText: boolean): OutputDocument {
  const count = (t: string) => mentions.reduce((n, m) => n + (m.type === t ? 1 : 0), 0);
  const row: OutputDocument = {
    doc_id: doc.id,
    source: doc.source,
    title: doc.title,
    date: doc.date,
    chars: Array.from(doc.text).length,
    persons: count('PERSON'),
    orgs: count('ORG'),
    dates: count('DATE'),
    places: count('PLACE'),
    status: 'ok',
    error: '',
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

async function openSink(opts: RunOptions): Promise<OutputSink | null> {
  const writerOpts = { rawCsv: opts.rawCsv };
  if (opts.sqlitePath) {
    const { createSqliteSink } = await import('../writers/sqlite.js');
    return createSqliteSink(opts.sqlitePath, { force: opts.force });
  }
  if (!opts.outDir || opts.format === 'sqlite') return null;
  prepareOutDir(opts.outDir, opts.format, opts.force);
  return createFileSink(opts.format, opts.outDir, writerOpts);
}

export async function runExtract(opts: RunOptions): Promise<RunSummary> {
  if (opts.format === 'sqlite' && !opts.sqlitePath) {
    if (!opts.outDir) throw new Error('--format sqlite writes a database file: give --out-dir DIR or --sqlite FILE.db');
    mkdirSync(opts.outDir, { recursive: true });
    opts = { ...opts, sqlitePath: join(opts.outDir, SQLITE_BASENAME) };
  }
  const format = opts.sqlitePath ? 'sqlite' : opts.format;
  const includeText = documentsIncludeText(format);
  const sink = await openSink(opts);
  const mentionsOut: TableWriter<OutputMention> =
    sink?.mentions ?? createWriter<OutputMention>(format === 'sqlite' ? 'csv' : format, MENTION_COLUMNS, process.stdout, { rawCsv: opts.rawCsv });
  const docsOut: TableWriter<OutputDocument> | null = sink?.documents ?? null;
  const entities = sink ? new EntityTable() : null;
  const cooc = sink ? new CooccurrenceTable() : null;
  const summary: RunSummary = { documents: 0, failed: 0, mentions: 0, interrupted: false };
  const extractor = createExtractor(opts.jobs ?? 1);
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
    for (const m of mentions) mentionsOut.write(m);
    await mentionsOut.ready();
    summary.mentions += mentions.length;
    docsOut?.write(documentRow(doc, mentions, includeText));
    entities?.add(doc.id, doc.date, mentions);
    cooc?.add(mentions);
    opts.onDocument?.({ doc_id: doc.id, source: doc.source, bytes: item.bytes, ms: performance.now() - started, status: 'ok' });
  };
  try {
    for await (const item of readInputs(opts.paths, opts.reader)) {
      if (opts.shouldStop?.()) {
        summary.interrupted = true;
        break;
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
    // Never leave files that look whole after an interrupted run.
    await sink.abort();
    return summary;
  }
  if (sink && entities && cooc) await sink.finish(entities.rows(), cooc.rows());
  else await mentionsOut.end();
  return summary;
}
