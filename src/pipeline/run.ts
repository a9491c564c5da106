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
import {
  createWriter,
  MENTION_COLUMNS,
  DOCUMENT_COLUMNS,
  ENTITY_COLUMNS,
  COOCCURRENCE_COLUMNS,
  type TableWriter,
} from '../writers/index.js';

export type Format = 'csv' | 'json' | 'jsonl';
export const FORMATS: readonly Format[] = ['csv', 'json', 'jsonl'];

export interface RunOptions {
  paths: string[];
  reader: ReaderOptions;
  format: Format;
  outDir?: string;
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
    const clash = readdirSync(outDir).filter((f) => OUTPUT_BASENAMES.some((b) => f === `${b}.${format}`));
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

export async function runExtract(opts: RunOptions): Promise<RunSummary> {
  const { format, outDir } = opts;
  const includeText = format !== 'csv';
  let mentionsOut: TableWriter<OutputMention>;
  let docsOut: TableWriter<OutputDocument> | null = null;
  const entities = outDir ? new EntityTable() : null;
  const cooc = outDir ? new CooccurrenceTable() : null;
  const writerOpts = { rawCsv: opts.rawCsv };
  if (outDir) {
    prepareOutDir(outDir, format, opts.force);
    mentionsOut = createWriter<OutputMention>(format, MENTION_COLUMNS, join(outDir, `mentions.${format}`), writerOpts);
    docsOut = createWriter<OutputDocument>(format, includeText ? [...DOCUMENT_COLUMNS, 'text'] : DOCUMENT_COLUMNS, join(outDir, `documents.${format}`), writerOpts);
  } else {
    mentionsOut = createWriter<OutputMention>(format, MENTION_COLUMNS, process.stdout, writerOpts);
  }
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
    await mentionsOut.abort();
    await docsOut?.abort();
    throw err;
  }
  await extractor.close();
  if (summary.interrupted && outDir) {
    // Never leave files that look whole after an interrupted run.
    await mentionsOut.abort();
    await docsOut?.abort();
    return summary;
  }
  await mentionsOut.end();
  if (outDir && docsOut && entities && cooc) {
    await docsOut.end();
    const ew = createWriter(format, ENTITY_COLUMNS, join(outDir, `entities.${format}`), writerOpts);
    for (const row of entities.rows()) ew.write(row);
    await ew.end();
    const cw = createWriter(format, COOCCURRENCE_COLUMNS, join(outDir, `cooccurrences.${format}`), writerOpts);
    for (const row of cooc.rows()) cw.write(row);
    await cw.end();
  }
  return summary;
}
