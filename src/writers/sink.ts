// Where a run's four tables go. A sink takes document and mention rows as they
// are produced, then the aggregated entity and co-occurrence rows at the end.
// File sinks (csv, json, jsonl) write one file per table into --out-dir; the
// SQLite sink (./sqlite.ts) writes one database file.

import { createReadStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { OutputDocument, OutputEntity, OutputMention } from '../types.js';
import type { CooccurrenceRow } from '../linker/cooccur.js';
import type { EntityTable } from '../linker/aggregate.js';
import { Relinker } from '../linker/relink.js';
import { readTable, type Row } from './load.js';
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

export interface OutputSink {
  documents: TableWriter<OutputDocument>;
  mentions: TableWriter<OutputMention>;
  /**
   * Link the document-local referents of `entities` across the archive, give
   * every mention row its archive entity id, write the entity and
   * co-occurrence tables, and commit everything (files renamed into place).
   */
  finish(entities: EntityTable): Promise<void>;
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
  const base = { rawCsv: opts.rawCsv };
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
    async finish(table) {
      // The mention rows as extracted (document-local ids) are in the partial file; the linked ones go to the final file.
      await mentions.suspend();
      const partial = partialPath(outDir, 'mentions', format);
      const relinker = new Relinker(table);
      const linked = createWriter<OutputMention>(format, MENTION_COLUMNS, join(outDir, `mentions.${format}`), base);
      try {
        let n = 0;
        for await (const row of readPartialTable(partial, format, opts.rawCsv === true)) {
          linked.write(relinker.map(row as unknown as OutputMention));
          if (++n % 1024 === 0) await linked.ready();
        }
      } catch (err) {
        await linked.abort();
        throw err;
      }
      await linked.end();
      rmSync(partial, { force: true });
      await documents.end();
      const { entities, cooccurrences } = relinker.finish();
      await writeAggregates(format, outDir, entities, cooccurrences, base);
    },
    async abort() {
      await mentions.abort();
      await documents.abort();
      rmSync(partialPath(outDir, 'mentions', format), { force: true });
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

/** The rows of a table a run is still writing (a json partial has no closing bracket yet). */
async function* readPartialTable(path: string, format: OutputFormat, rawCsv: boolean): AsyncGenerator<Row> {
  if (format !== 'json') {
    yield* readTable(path, format, { rawCsv });
    return;
  }
  // "[", then one row per line, each but the last followed by ",".
  const rl = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) {
    const body = line.endsWith(',') ? line.slice(0, -1) : line;
    if (body === '[' || body === ']' || body.trim() === '') continue;
    yield JSON.parse(body) as Row;
  }
}
