// Wires the stages for `dossier extract`: readers -> extraction -> linker -> writers.
// Documents stream through one at a time; only the entity and co-occurrence
// tables grow, with the number of distinct referents.

import { mkdirSync, existsSync, readdirSync } from 'node:fs';

import { join } from 'node:path';
import type { Document, EntityType, OutputDocument, OutputMention, ReadFailure } from '../types.js';
import { availableParallelism } from 'node:os';
import { listInputs, readInputs, type InputItem, type ReaderOptions } from '../readers/index.js';
import { createExtractor, defaultJobs, type Extracted, type Extractor } from './pool.js';
import { languageSkipReason } from '../readers/language.js';
import { extractPieces, isHuge } from './extract.js';
import { EntityTable } from '../linker/aggregate.js';
import { createWriter, MENTION_COLUMNS, type TableWriter } from '../writers/index.js';
import { createFileSink, documentsIncludeText, OutputExistsError, partialPath, type OutputSink } from '../writers/sink.js';
import type { OutputFormat as FileFormat } from '../writers/index.js';
import { formatShard, MANIFEST_BASENAME, readManifest, shardOf, writeManifest, type RunManifest, type Shard } from './manifest.js';
import type { RecoveredRun } from './resume.js';
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
  /** Start CSV files with a UTF-8 byte order mark (--bom / --excel). */
  bom?: boolean;
  force: boolean;
  /** Worker threads for extraction (1 = in this thread); default: by input size (defaultJobs). */
  jobs?: number;
  /** Called once per finished document (progress, verbose timings); `ms` is the time spent extracting it. */
  onDocument?: (info: { doc_id: string; source: string; bytes: number; ms: number; status: 'ok' | 'error' }) => void;
  /** Called after each piece of a huge document with the input bytes done so far (progress inside one document). */
  onPartial?: (info: { source: string; bytes: number }) => void;
  /** Called with a one-line message for every document that failed. */
  onError?: (message: string) => void;
  /** Process only the documents whose id hashes to this shard. */
  shard?: Shard;
  /** Continue the interrupted run in outDir. */
  resume?: boolean;
  /** Called once, before the documents, with the files in the input folders that no reader handles. */
  onUnreadable?: (paths: string[]) => void;
  /** Told of folders inside an input folder that hold an earlier run's tables (skipped). */
  onOutputDirs?: (dirs: string[]) => void;
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
  /** Documents not run through the recognizers, by language code. */
  skippedLanguages: Record<string, number>;
}

export const OUTPUT_BASENAMES = ['documents', 'mentions', 'entities', 'cooccurrences'] as const;

export { OutputExistsError };

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

function documentRow(doc: Document, counts: TypeCounts, includeText: boolean, error = '', skipped = ''): OutputDocument {
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
    status: error ? 'error' : skipped ? 'skipped' : 'ok',
    error,
    warning: [skipped, doc.warning ?? ''].filter(Boolean).join('; '),
    url: doc.url ?? '',
    byline: doc.byline ?? '',
    site_name: doc.site_name ?? '',
    language: doc.language ?? '',
    date_source: doc.date_source ?? '',
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
    warning: '',
    url: '',
    byline: '',
    site_name: '',
    language: '',
    date_source: '',
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
    const { recoverPartial } = await import('./resume.js');
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
    bom: opts.bom,
    resume: recovered ? { documentRows: recovered.documentRows, mentionRows: recovered.mentionRows } : undefined,
  });
  return { sink, recovered };
}

function manifestFor(opts: RunOptions, format: FileFormat): RunManifest {
  return {
    tool: 'dossier',
    format,
    raw_csv: opts.rawCsv,
    ...(opts.bom ? { bom: true } : {}),
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
  if (Boolean(m.bom) !== Boolean(want.bom)) differs.push(m.bom ? '--bom' : 'no --bom');
  if (m.shard !== want.shard) differs.push(m.shard ? `--shard ${m.shard}` : 'no --shard');
  if (JSON.stringify(m.inputs) !== JSON.stringify(want.inputs)) differs.push(`inputs ${m.inputs.join(' ')}`);
  if (JSON.stringify(m.reader) !== JSON.stringify(want.reader)) differs.push(`reader options ${JSON.stringify(m.reader)}`);
  if (differs.length > 0) {
    throw new RunSetupError(`the interrupted run in ${outDir} was started with ${differs.join(', ')}; resume it with the same inputs and options`);
  }
}

/** --format sqlite without --sqlite: the database goes to OUT_DIR/dossier.db. */
function withSqlitePath(opts: RunOptions): RunOptions {
  if (opts.format !== 'sqlite' || opts.sqlitePath) return opts;
  if (!opts.outDir) throw new RunSetupError('--format sqlite writes a database file: give --out-dir DIR or --sqlite FILE.db');
  mkdirSync(opts.outDir, { recursive: true });
  return { ...opts, sqlitePath: join(opts.outDir, SQLITE_BASENAME) };
}

/** Worker threads for this run: as asked, else by input size; one for a line-in/line-out filter. */
async function chooseJobs(opts: RunOptions, lineByLine: boolean): Promise<number> {
  if (lineByLine) return 1;
  if (opts.jobs !== undefined) return opts.jobs;
  const bytes = opts.paths.includes('-') ? null : (await listInputs(opts.paths)).totalBytes;
  return defaultJobs(bytes, availableParallelism());
}

/** Where the rows of a run go, and the tables it aggregates. */
interface Outputs {
  sink: OutputSink | null;
  recovered: RecoveredRun | null;
  manifest: RunManifest | null;
  includeText: boolean;
  mentions: TableWriter<OutputMention>;
  documents: TableWriter<OutputDocument> | null;
  entities: EntityTable | null;
}

async function openOutputs(opts: RunOptions): Promise<Outputs> {
  const format = opts.sqlitePath ? 'sqlite' : opts.format;
  const { sink, recovered } = await openSink(opts);
  const fileFormat = format === 'sqlite' ? null : format;
  const manifest = sink && fileFormat && opts.outDir ? manifestFor(opts, fileFormat) : null;
  if (manifest && opts.outDir) writeManifest(opts.outDir, manifest);
  return {
    sink,
    recovered,
    manifest,
    includeText: documentsIncludeText(format),
    mentions: sink?.mentions ?? createWriter<OutputMention>(fileFormat ?? 'csv', MENTION_COLUMNS, process.stdout, { rawCsv: opts.rawCsv, bom: opts.bom }),
    documents: sink?.documents ?? null,
    entities: sink ? recovered?.entities ?? new EntityTable() : null,
  };
}

/** A document on its way: extraction started, rows not written yet. */
interface InFlight {
  item: InputItem;
  result: Promise<Extracted>;
  /** Why the document was not run through the recognizers (its language), '' when it was. */
  skipped: string;
}

/**
 * One `dossier extract` run: documents are read, extracted (in this thread or
 * on workers) and written in input order. Steps: open the outputs, start the
 * extractor, stream the inputs (skipping what a resumed run had written), then
 * close, commit or suspend the outputs.
 */
class ExtractRun {
  readonly summary: RunSummary;
  /** Input ordinals of the documents a shard run covered (its manifest lists them). */
  private readonly ordinals: number[] = [];
  private readonly inFlight: InFlight[] = [];

  constructor(
    private readonly opts: RunOptions,
    private readonly out: Outputs,
    private readonly extractor: Extractor,
  ) {
    const r = out.recovered;
    this.summary = { documents: r?.documentRows ?? 0, failed: r?.failed ?? 0, mentions: r?.mentionRows ?? 0, interrupted: false, resumed: r?.documentRows ?? 0, skippedLanguages: {} };
  }

  /** Reads every input and extracts and writes its documents; stops early when asked. */
  async readAll(): Promise<void> {
    const { opts, out, inFlight, extractor } = this;
    const recovered = out.recovered;
    let ordinal = -1;
    let skip = 0;
    for await (const item of readInputs(opts.paths, opts.reader, opts.onUnreadable, opts.onOutputDirs)) {
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
        if (opts.shard) this.ordinals.push(ordinal);
        continue;
      }
      if (opts.shouldStop?.()) {
        this.summary.interrupted = true;
        break;
      }
      if (opts.shard) this.ordinals.push(ordinal);
      const skipped = item.result.ok && !opts.reader.allLanguages ? languageSkipReason(item.result.doc.language) : '';
      if (skipped) {
        inFlight.push({ item, result: Promise.resolve({ mentions: [], ms: 0 }), skipped });
        while (inFlight.length >= extractor.capacity) await this.finish(inFlight.shift()!);
        continue;
      }
      if (item.result.ok && isHuge(item.result.doc)) {
        while (inFlight.length > 0) await this.finish(inFlight.shift()!);
        await this.finishHuge(item, item.result.doc);
        continue;
      }
      const result = item.result.ok ? extractor.extract(item.result.doc) : Promise.resolve({ mentions: [], ms: 0 });
      result.catch(() => {}); // handled when the entry is finished, in order
      inFlight.push({ item, result, skipped: '' });
      while (inFlight.length >= extractor.capacity) await this.finish(inFlight.shift()!);
    }
    while (inFlight.length > 0 && !this.summary.interrupted) await this.finish(inFlight.shift()!);
  }

  /** The oldest document in flight: wait for its mentions and write them (or its failure). */
  private async finish(entry: InFlight): Promise<void> {
    const { item } = entry;
    const { opts, out, summary } = this;
    summary.documents++;
    if (!item.result.ok) {
      const f = item.result.failure;
      summary.failed++;
      opts.onError?.(`${f.source}: ${f.error}`);
      out.documents?.write(failureRow(f, out.includeText));
      opts.onDocument?.({ doc_id: f.id, source: f.source, bytes: item.bytes, ms: 0, status: 'error' });
      return;
    }
    const doc = item.result.doc;
    let extracted: Extracted;
    this.extractor.flush();
    try {
      extracted = await entry.result;
    } catch (err) {
      // A bug or pathological input in one document must not end the run.
      const message = `extraction failed: ${(err as Error).message}`;
      summary.failed++;
      opts.onError?.(`${doc.source}: ${message}`);
      out.documents?.write(failureRow({ id: doc.id, source: doc.source, error: message }, out.includeText));
      opts.onDocument?.({ doc_id: doc.id, source: doc.source, bytes: item.bytes, ms: 0, status: 'error' });
      return;
    }
    await this.writeDocument(item, doc, extracted.ms, [extracted.mentions], [], entry.skipped);
  }

  /**
   * A huge document, in this thread, after every document before it: its rows
   * are written piece by piece, so memory stays bounded by the piece size (a
   * 50 MB text has a million mention rows). A piece that fails is reported and
   * skipped; the rows of the other pieces stand and the document is marked failed.
   */
  private async finishHuge(item: InputItem, doc: Document): Promise<void> {
    const started = performance.now();
    this.summary.documents++;
    const failures: string[] = [];
    const pieces = extractPieces(doc, {}, (f) => {
      const message = `extraction failed for code points ${f.start}-${f.end}: ${f.message}`;
      failures.push(message);
      this.opts.onError?.(`${doc.source}: ${message} (the rest of the document is written)`);
    });
    await this.writeDocument(item, doc, () => performance.now() - started, pieces, failures);
  }

  /**
   * A document's mention rows, chunk by chunk (one chunk, or one per piece of a
   * huge document), then its documents row. `failures` may grow while the
   * chunks are produced: pieces that could not be extracted.
   */
  private async writeDocument(item: InputItem, doc: Document, ms: number | (() => number), chunks: Iterable<OutputMention[]>, failures: string[], skipped = ''): Promise<void> {
    const { out, summary, opts } = this;
    const counts = noCounts();
    const huge = isHuge(doc);
    const totalCp = huge ? codePointLength(doc.text) : 0;
    for (const mentions of chunks) {
      for (const m of mentions) {
        out.mentions.write(m);
        counts[m.type]++;
      }
      if (!out.sink) out.mentions.flush(); // a line-in/line-out filter: each document's rows leave at once
      await out.mentions.ready();
      summary.mentions += mentions.length;
      out.entities?.add(doc.id, doc.date, mentions);
      if (huge && mentions.length > 0 && opts.onPartial) {
        // Bytes done, estimated from the code points the last mention reached.
        const done = mentions[mentions.length - 1].end / totalCp;
        opts.onPartial({ source: doc.source, bytes: Math.floor(item.bytes * Math.min(done, 1)) });
      }
    }
    if (failures.length > 0) summary.failed++;
    if (skipped) {
      const lang = doc.language || '?';
      summary.skippedLanguages[lang] = (summary.skippedLanguages[lang] ?? 0) + 1;
    }
    out.documents?.write(documentRow(doc, counts, out.includeText, failures.join('; '), skipped));
    const status = failures.length > 0 ? 'error' : 'ok';
    opts.onDocument?.({ doc_id: doc.id, source: doc.source, bytes: item.bytes, ms: typeof ms === 'number' ? ms : ms(), status });
  }

  /** After an error: drop what was written. */
  async abort(): Promise<void> {
    await (this.out.sink ? this.out.sink.abort() : this.out.mentions.abort());
  }

  /**
   * Commit the outputs, or after an interruption leave nothing that looks
   * whole: a folder run keeps its partial files so that --resume can continue it.
   */
  async close(): Promise<void> {
    const { opts, out, summary } = this;
    const { sink, manifest, entities } = out;
    if (summary.interrupted && sink) {
      if (manifest && opts.outDir) {
        await sink.suspend();
        writeManifest(opts.outDir, { ...manifest, status: 'interrupted', documents: summary.documents });
      } else await sink.abort();
      return;
    }
    if (sink && entities) {
      try {
        // The linker runs on the whole archive's referents, then the mention rows get their archive ids.
        await sink.finish(entities);
      } catch (err) {
        await sink.abort();
        throw err;
      }
    } else await out.mentions.end();
    if (manifest && opts.outDir) {
      writeManifest(opts.outDir, { ...manifest, status: 'complete', documents: summary.documents, ...(opts.shard ? { ordinals: this.ordinals } : {}) });
    }
  }
}

export async function runExtract(options: RunOptions): Promise<RunSummary> {
  const opts = withSqlitePath(options);
  const out = await openOutputs(opts);
  // Records from stdin to stdout: answer each document before reading the next
  // (a line-in/line-out filter, e.g. a streaming mapper), so no documents are
  // held back for worker threads.
  const lineByLine = !out.sink && opts.paths.includes('-');
  // Workers start here, and load while the first documents are read.
  const extractor = createExtractor(await chooseJobs(opts, lineByLine));
  const run = new ExtractRun(opts, out, extractor);
  try {
    await run.readAll();
  } catch (err) {
    await extractor.close();
    await run.abort();
    throw err;
  }
  await extractor.close();
  await run.close();
  return run.summary;
}
