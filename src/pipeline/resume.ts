// `dossier extract --resume`: find how much of an interrupted run is complete.
// A run writes each document's mention rows, then its documents row, to
// DIR/mentions.F.partial and DIR/documents.F.partial. After Ctrl-C, SIGTERM or
// even a kill -9 the files may end in a cut row, or one file may be ahead of
// the other. The complete prefix is every document whose documents row is whole
// and whose mention rows (as many as the row counts) are all there; both files
// are cut back to exactly that, and the linker tables are rebuilt from it.

import { closeSync, createReadStream, existsSync, openSync, readSync, statSync, truncateSync } from 'node:fs';
import { parse } from 'csv-parse';
import { createInterface } from 'node:readline';
import type { OutputMention } from '../types.js';
import type { OutputFormat } from '../writers/index.js';
import { fromCsvCell, fromJsonRow, type Row } from '../writers/load.js';
import { EntityTable } from '../linker/aggregate.js';
import { CooccurrenceTable } from '../linker/cooccur.js';

export interface RecoveredRun {
  /** Ids of the complete documents, in output order. */
  docIds: string[];
  documentRows: number;
  mentionRows: number;
  failed: number;
  entities: EntityTable;
  cooc: CooccurrenceTable;
}

/** Byte length of the file up to and including its last newline (a cut row after it is dropped). */
function lastNewlineEnd(path: string): number {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(1 << 16);
    for (let end = size; end > 0; ) {
      const start = Math.max(0, end - chunk.length);
      const n = readSync(fd, chunk, 0, end - start, start);
      const i = chunk.subarray(0, n).lastIndexOf(0x0a);
      if (i >= 0) return start + i + 1;
      end = start;
    }
    return 0;
  } finally {
    closeSync(fd);
  }
}

/** Complete rows of a partial table with the byte offset just after each; stops at the first broken one. */
async function* completeRows(path: string, format: OutputFormat, rawCsv: boolean): AsyncGenerator<{ row: Row; end: number }> {
  if (format === 'csv') {
    const limit = lastNewlineEnd(path);
    if (limit === 0) return;
    const parser = createReadStream(path, { end: limit - 1 }).pipe(parse({ columns: true, info: true, bom: true }));
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { bytes: number } }>) {
        const row: Row = {};
        for (const [k, v] of Object.entries(record)) row[k] = fromCsvCell(k, v, rawCsv);
        yield { row, end: info.bytes };
      }
    } catch {
      // An unclosed quote or short row at the end: everything before it stands.
    }
    return;
  }
  // jsonl: one row per line. json: "[", then one row per line, each but the last followed by ",".
  const rl = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let offset = 0;
  let first = true;
  for await (const line of rl) {
    const lineStart = offset;
    offset += Buffer.byteLength(line) + 1;
    if (format === 'json' && first) {
      first = false;
      if (line === '[') continue;
      return;
    }
    const body = format === 'json' && line.endsWith(',') ? line.slice(0, -1) : line;
    let row: Row;
    try {
      row = fromJsonRow(JSON.parse(body) as Row);
    } catch {
      return;
    }
    // jsonl rows are whole only with their newline; a json row is whole at its closing brace.
    const end = format === 'json' ? lineStart + Buffer.byteLength(body) : offset;
    if (format === 'jsonl' && offset > statSync(path).size) return;
    yield { row, end };
  }
}

function mentionCount(doc: Row): number {
  return Number(doc.persons) + Number(doc.orgs) + Number(doc.dates) + Number(doc.places);
}

export async function recoverPartial(documentsPath: string, mentionsPath: string, format: OutputFormat, rawCsv: boolean): Promise<RecoveredRun> {
  const out: RecoveredRun = { docIds: [], documentRows: 0, mentionRows: 0, failed: 0, entities: new EntityTable(), cooc: new CooccurrenceTable() };
  if (!existsSync(documentsPath) || !existsSync(mentionsPath)) return out;
  const mentionIt = completeRows(mentionsPath, format, rawCsv)[Symbol.asyncIterator]();
  let docsEnd = format === 'json' ? 1 : 0;
  let mentionsEnd = format === 'json' ? 1 : 0;
  if (format === 'csv') {
    // The header row alone counts as complete.
    docsEnd = headerEnd(documentsPath);
    mentionsEnd = headerEnd(mentionsPath);
  }
  for await (const { row: doc, end } of completeRows(documentsPath, format, rawCsv)) {
    const want = mentionCount(doc);
    const mentions: OutputMention[] = [];
    let mEnd = mentionsEnd;
    while (mentions.length < want) {
      const next = await mentionIt.next();
      if (next.done || next.value.row.doc_id !== doc.doc_id) break;
      mentions.push(next.value.row as unknown as OutputMention);
      mEnd = next.value.end;
    }
    if (mentions.length < want) break;
    out.docIds.push(String(doc.doc_id));
    out.documentRows++;
    out.mentionRows += want;
    if (doc.status === 'error') out.failed++;
    // A failed document has no rows, except a huge one whose other pieces were written: those count.
    out.entities.add(String(doc.doc_id), String(doc.date ?? ''), mentions);
    out.cooc.add(mentions);
    docsEnd = end;
    mentionsEnd = mEnd;
  }
  await mentionIt.return?.(undefined);
  truncateSync(documentsPath, docsEnd);
  truncateSync(mentionsPath, mentionsEnd);
  return out;
}

function headerEnd(path: string): number {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const i = buf.subarray(0, n).indexOf(0x0a);
    return i >= 0 ? i + 1 : 0;
  } finally {
    closeSync(fd);
  }
}
