// Where a run's four tables go. A sink takes document and mention rows as they
// are produced, then the aggregated entity and co-occurrence rows at the end.
// File sinks (csv, json, jsonl) write one file per table into --out-dir; the
// SQLite sink (./sqlite.ts) writes one database file.

import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { OutputDocument, OutputEntity, OutputMention } from '../types.js';
import type { CooccurrenceRow } from '../linker/cooccur.js';
import type { EntityTable } from '../linker/aggregate.js';
import { Relinker } from '../linker/relink.js';
import type { Row } from './load.js';
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
    async finish(table) {
      // The mention rows as extracted (document-local ids) are in the partial file; the linked ones go to the final file.
      await mentions.suspend();
      const partial = partialPath(outDir, 'mentions', format);
      const relinker = new Relinker(table);
      if (format === 'csv') {
        await relinkCsv(partial, join(outDir, 'mentions.csv'), relinker, opts.rawCsv === true);
        rmSync(partial, { force: true });
        await documents.end();
        const { entities, cooccurrences } = relinker.finish();
        await writeAggregates(format, outDir, entities, cooccurrences, base);
        return;
      }
      const linked = createWriter<OutputMention>(format, MENTION_COLUMNS, join(outDir, `mentions.${format}`), base);
      try {
        for await (const row of readPartialTable(partial, format, opts.rawCsv === true)) {
          linked.write(relinker.map(row as unknown as OutputMention));
          // Right after the write: a 'drain' that fired while the next row was read would never come again.
          await linked.ready();
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
    // The table reader (and its CSV parser) is loaded only when a run's tables are read back.
    const { readTable } = await import('./load.js');
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

/** A CSV record split into its cell values and the offset where each cell starts. */
function splitCsvRecord(rec: string): { values: string[]; starts: number[] } {
  const values: string[] = [];
  const starts: number[] = [];
  const n = rec.length;
  let i = 0;
  for (;;) {
    starts.push(i);
    if (rec[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        const q = rec.indexOf('"', i);
        if (q < 0) {
          v += rec.slice(i);
          i = n;
          break;
        }
        v += rec.slice(i, q);
        if (rec[q + 1] === '"') {
          v += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      values.push(v);
    } else {
      const c = rec.indexOf(',', i);
      const e = c < 0 ? n : c;
      values.push(rec.slice(i, e));
      i = e;
    }
    if (i >= n) break;
    i++;
  }
  return { values, starts };
}

/** A string that shares no memory with the text it was cut from (V8 keeps a slice's parent alive). */
function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * The linking pass over a CSV mentions table, record by record: only the
 * entity_id cell is rewritten, every other byte is copied (parsing and
 * writing whole rows again doubled the time of a 1-million-mention run).
 */
async function relinkCsv(partial: string, finalPath: string, relinker: Relinker, rawCsv: boolean): Promise<void> {
  const { fromCsvCell } = await import('./load.js');
  const tmp = `${finalPath}.tmp-${process.pid}`;
  const out = createWriteStream(tmp);
  let failed: Error | null = null;
  out.on('error', (err: Error) => {
    failed = err;
  });
  let buf = '';
  const flush = async () => {
    if (failed) throw failed;
    if (!out.write(buf)) await new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done);
        out.off('error', done);
        resolve();
      };
      out.once('drain', done);
      out.once('error', done);
    });
    buf = '';
  };
  let col: Record<string, number> | null = null;
  let pending = '';
  const record = (rec: string) => {
    if (!col) {
      col = {};
      splitCsvRecord(rec).values.forEach((name, i) => (col![name] = i));
      buf += `${rec}\n`;
      return;
    }
    const c = col;
    const { values, starts } = splitCsvRecord(rec);
    const cell = (name: string) => fromCsvCell(name, values[c[name]] ?? '', rawCsv);
    const row = {
      doc_id: cell('doc_id'),
      // A copy: a cell sliced from the 1 MB chunk would keep the whole chunk alive once the
      // relinker keeps the id (entity counts, co-occurrence pairs): every chunk of the table stayed in memory.
      entity_id: ownCopy(String(cell('entity_id'))),
      type: cell('type'),
      canonical: cell('canonical'),
      geonames_id: cell('geonames_id'),
      value: cell('value'),
      sentence: cell('sentence'),
    } as unknown as OutputMention;
    const mapped = relinker.map(row);
    const k = c.entity_id;
    buf += mapped.entity_id === row.entity_id ? `${rec}\n` : `${rec.slice(0, starts[k])}${mapped.entity_id}${rec.slice(starts[k + 1] - 1)}\n`;
  };
  try {
    for await (const chunk of createReadStream(partial, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      pending += chunk as string;
      let from = 0;
      let scan = 0;
      for (;;) {
        const nl = pending.indexOf('\n', scan);
        if (nl < 0) break;
        // A newline inside a quoted cell does not end the record: the quotes before it must pair up.
        let quotes = 0;
        for (let q = pending.indexOf('"', from); q >= 0 && q < nl; q = pending.indexOf('"', q + 1)) quotes++;
        if (quotes % 2 === 1) {
          scan = nl + 1;
          continue;
        }
        record(pending.slice(from, nl));
        from = scan = nl + 1;
      }
      pending = pending.slice(from);
      if (buf.length >= 1 << 16) await flush();
    }
    if (pending.length > 0) record(pending);
    await flush();
    await new Promise<void>((resolve, reject) => out.end(() => (failed ? reject(failed) : resolve())));
    renameSync(tmp, finalPath);
  } catch (err) {
    out.destroy();
    rmSync(tmp, { force: true });
    throw err;
  }
}
