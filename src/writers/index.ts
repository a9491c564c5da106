// Table writers: csv, json, jsonl. Rows stream out as they come; files are
// written under a temporary name and renamed when complete, so an interrupted
// run never leaves a truncated file that looks whole.

import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';

export const MENTION_COLUMNS = [
  'doc_id', 'mention_id', 'entity_id', 'type', 'text', 'start', 'end', 'canonical', 'value', 'date_start', 'date_end',
  'needs_anchor', 'place_kind', 'country_code', 'latitude', 'longitude', 'geonames_id', 'sentence', 'context',
];
export const DOCUMENT_COLUMNS = [
  'doc_id', 'source', 'title', 'date', 'chars', 'persons', 'orgs', 'dates', 'places', 'status', 'error',
  'warning', 'url', 'byline', 'site_name', 'language', 'date_source',
];
export const ENTITY_COLUMNS = [
  'entity_id', 'type', 'canonical', 'aliases', 'mention_count', 'document_count', 'first_date', 'last_date',
  'place_kind', 'country_code', 'latitude', 'longitude', 'geonames_id', 'merged_from', 'ambiguous_with',
];
export const COOCCURRENCE_COLUMNS = ['entity_a', 'entity_b', 'documents', 'sentences'];

export type OutputFormat = 'csv' | 'json' | 'jsonl';

/**
 * The only columns formula neutralization touches: free text taken from the
 * articles or derived from it. Identifiers (doc_id, mention_id, entity_id,
 * source), dates, values and numbers are written as they are, so that a CSV
 * joins with the input, the JSON and the SQLite output.
 */
export const FREE_TEXT_COLUMNS: ReadonlySet<string> = new Set(['text', 'context', 'title', 'canonical', 'aliases', 'error']);

/** Whole-number columns: integers in JSON and SQLite (geonames_id is carried as a string inside the pipeline). */
export const INTEGER_COLUMNS: ReadonlySet<string> = new Set([
  'start', 'end', 'sentence', 'chars', 'persons', 'orgs', 'dates', 'places', 'mention_count', 'document_count', 'documents', 'sentences', 'geonames_id',
]);

/**
 * A cell as JSON and SQLite hold it: a missing value (undefined, null, '') is
 * null, an integer column holds a number. CSV keeps empty cells instead.
 */
export function typedValue(column: string, v: unknown): unknown {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'string' && INTEGER_COLUMNS.has(column)) {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : v;
  }
  return v;
}

export interface WriterOptions {
  /** Keep CSV cells starting with = + - @ tab CR as they are (default: free-text cells are neutralized with a leading '). */
  rawCsv?: boolean;
  /** Start a CSV file with a UTF-8 byte order mark (Excel on Windows then reads it as UTF-8). */
  bom?: boolean;
  /** Name of the file being written until end() renames it (default: FINAL.tmp-PID). */
  tmpPath?: string;
  /** Continue a partial file that already holds this many rows (--resume): no header, append. */
  appendRows?: number;
}

export interface TableWriter<T> {
  write(row: T): void;
  /** Resolves when the destination can take more (backpressure). */
  ready(): Promise<void>;
  /** Flush and, for files, move the finished file into place. */
  end(): Promise<void>;
  /** Drop a file being written (nothing is left under the final name). */
  abort(): Promise<void>;
  /** Close a file being written but keep it under its temporary name (an interrupted run, for --resume). */
  suspend(): Promise<void>;
  /** Hand buffered rows to the destination now (line-in/line-out use on stdout). */
  flush(): void;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Spreadsheet formula injection: a text cell that a spreadsheet would evaluate gets a leading quote. */
export function neutralizeCell(v: string): string {
  return FORMULA_START.test(v) ? `'${v}` : v;
}

function cell(v: unknown, neutralize: boolean): string | number {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = String(v);
  return neutralize ? neutralizeCell(s) : s;
}

const NEEDS_QUOTES = /[",\n\r]/;

/** One CSV record (RFC 4180, as csv-stringify writes it): a cell is quoted only when it holds a comma, quote or line break. */
export function csvLine(cells: (string | number)[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    const v = String(cells[i]);
    if (i > 0) out += ',';
    out += NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  }
  return `${out}\n`;
}

export function isEpipe(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'EPIPE';
}

const FLUSH_AT = 1 << 16;

export function createWriter<T>(format: OutputFormat, columns: string[], out: NodeJS.WritableStream | string, opts: WriterOptions = {}): TableWriter<T> {
  const toFile = typeof out === 'string';
  const finalPath = toFile ? out : '';
  const tmpPath = toFile ? opts.tmpPath ?? `${out}.tmp-${process.pid}` : '';
  const appending = opts.appendRows !== undefined;
  const stream: NodeJS.WritableStream = toFile ? createWriteStream(tmpPath, { flags: appending ? 'a' : 'w' }) : out;
  const raw = opts.rawCsv === true;
  let buf = '';
  let rows = opts.appendRows ?? 0;
  let waitDrain = false;
  let failed: Error | null = null;
  stream.on('error', (err: Error) => {
    failed = err;
  });
  // Which columns get formula neutralization (by position, decided once).
  const neutralize = columns.map((c) => !raw && FREE_TEXT_COLUMNS.has(c));
  if (!appending) {
    if (format === 'csv') buf += (opts.bom ? '\uFEFF' : '') + csvLine(columns);
    else if (format === 'json') buf += '[';
  }

  const flush = () => {
    if (buf.length === 0 || failed) return;
    if (!stream.write(buf)) waitDrain = true;
    buf = '';
  };
  const line = (row: T): string => {
    const r = row as Record<string, unknown>;
    if (format === 'csv') return csvLine(columns.map((c, i) => cell(r[c], neutralize[i])));
    const obj: Record<string, unknown> = {};
    for (const c of columns) obj[c] = typedValue(c, r[c]);
    return JSON.stringify(obj);
  };
  return {
    write(row: T) {
      const l = line(row);
      if (format === 'csv') buf += l;
      else if (format === 'jsonl') buf += `${l}\n`;
      else buf += `${rows === 0 ? '\n' : ',\n'}${l}`;
      rows++;
      if (buf.length >= FLUSH_AT) flush();
    },
    async ready() {
      if (!waitDrain || failed) return;
      waitDrain = false;
      await new Promise<void>((resolve) => {
        const done = () => {
          stream.off('drain', done);
          stream.off('error', done);
          stream.off('close', done);
          resolve();
        };
        stream.once('drain', done);
        stream.once('error', done);
        stream.once('close', done);
      });
    },
    async end() {
      if (format === 'json') buf += rows === 0 ? ']\n' : '\n]\n';
      flush();
      if (toFile) {
        await new Promise<void>((resolve, reject) => {
          (stream as WriteStream).end(() => (failed ? reject(failed) : resolve()));
        });
        renameSync(tmpPath, finalPath);
      } else if (!failed) {
        await this.ready();
      }
    },
    async abort() {
      buf = '';
      if (toFile) {
        await new Promise<void>((resolve) => (stream as WriteStream).end(() => resolve()));
        rmSync(tmpPath, { force: true });
      }
    },
    async suspend() {
      flush();
      if (toFile) await new Promise<void>((resolve) => (stream as WriteStream).end(() => resolve()));
    },
    flush,
  };
}
