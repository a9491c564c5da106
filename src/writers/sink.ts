// Where a run's four tables go. A sink takes document and mention rows as they
// are produced, then the aggregated entity and co-occurrence rows at the end.
// File sinks (csv, json, jsonl) write one file per table into --out-dir; the
// SQLite sink (./sqlite.ts) writes one database file.

import { join } from 'node:path';
import type { OutputDocument, OutputEntity, OutputMention } from '../types.js';
import type { CooccurrenceRow } from '../linker/cooccur.js';
import {
  createWriter,
  COOCCURRENCE_COLUMNS,
  DOCUMENT_COLUMNS,
  ENTITY_COLUMNS,
  MENTION_COLUMNS,
  type OutputFormat,
  type TableWriter,
  type WriterOptions,
} from './index.js';

/** An output file or folder already holds results and --force was not given (the CLI reports it as a usage error). */
export class OutputExistsError extends Error {}

export interface OutputSink {
  documents: TableWriter<OutputDocument>;
  mentions: TableWriter<OutputMention>;
  /** Write the aggregated tables and commit everything (files renamed into place). */
  finish(entities: Iterable<OutputEntity>, cooccurrences: Iterable<CooccurrenceRow>): Promise<void>;
  /** Drop everything written so far: nothing is left under a final name. */
  abort(): Promise<void>;
  /** Stop but keep what was written under partial names, for --resume (file sinks only). */
  suspend(): Promise<void>;
}

/** Whether documents rows carry the article text (not in CSV: it would bloat the spreadsheet). */
export function documentsIncludeText(format: OutputFormat | 'sqlite'): boolean {
  return format !== 'csv';
}

export function documentColumns(format: OutputFormat | 'sqlite'): string[] {
  return documentsIncludeText(format) ? [...DOCUMENT_COLUMNS, 'text'] : DOCUMENT_COLUMNS;
}

/** The name a table has while a run is writing it: kept after an interruption so --resume can continue it. */
export function partialPath(outDir: string, name: 'documents' | 'mentions', format: OutputFormat): string {
  return join(outDir, `${name}.${format}.partial`);
}

export interface FileSinkOptions extends WriterOptions {
  /** Rows already in the partial files (--resume appends to them). */
  resume?: { documentRows: number; mentionRows: number };
}

/** csv / json / jsonl: DIR/documents.F, mentions.F, entities.F, cooccurrences.F. */
export function createFileSink(format: OutputFormat, outDir: string, opts: FileSinkOptions = {}): OutputSink {
  const base = { rawCsv: opts.rawCsv, bom: opts.bom };
  const documents = createWriter<OutputDocument>(format, documentColumns(format), join(outDir, `documents.${format}`), {
    ...base,
    tmpPath: partialPath(outDir, 'documents', format),
    appendRows: opts.resume?.documentRows,
  });
  const mentions = createWriter<OutputMention>(format, MENTION_COLUMNS, join(outDir, `mentions.${format}`), {
    ...base,
    tmpPath: partialPath(outDir, 'mentions', format),
    appendRows: opts.resume?.mentionRows,
  });
  return {
    documents,
    mentions,
    async finish(entities, cooccurrences) {
      await mentions.end();
      await documents.end();
      await writeAggregates(format, outDir, entities, cooccurrences, base);
    },
    async abort() {
      await mentions.abort();
      await documents.abort();
    },
    async suspend() {
      await mentions.suspend();
      await documents.suspend();
    },
  };
}

/** entities.F and cooccurrences.F (also used by `dossier merge`). */
export async function writeAggregates(
  format: OutputFormat,
  outDir: string,
  entities: Iterable<OutputEntity>,
  cooccurrences: Iterable<CooccurrenceRow>,
  opts: WriterOptions,
): Promise<void> {
  const ew = createWriter<OutputEntity>(format, ENTITY_COLUMNS, join(outDir, `entities.${format}`), opts);
  for (const row of entities) ew.write(row);
  await ew.end();
  const cw = createWriter<CooccurrenceRow>(format, COOCCURRENCE_COLUMNS, join(outDir, `cooccurrences.${format}`), opts);
  for (const row of cooccurrences) cw.write(row);
  await cw.end();
}
