// Reads dossier's own output tables back (csv, json or jsonl), streaming, with
// the column types restored: used by `dossier merge`, `--resume` and `report`.

import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { FREE_TEXT_COLUMNS, type OutputFormat } from './index.js';

export type TableName = 'documents' | 'mentions' | 'entities' | 'cooccurrences';
export type Row = Record<string, unknown>;

const NUMBER_COLUMNS = new Set([
  'start', 'end', 'sentence', 'chars', 'persons', 'orgs', 'dates', 'places', 'mention_count', 'document_count', 'documents', 'sentences',
]);
const NULLABLE_NUMBER_COLUMNS = new Set(['latitude', 'longitude']);
const BOOLEAN_COLUMNS = new Set(['needs_anchor']);
const NEUTRALIZED = /^'[=+\-@\t\r]/;

/** The format of the output tables in a folder (the one whose mentions/documents file exists). */
export function detectFormat(dir: string): OutputFormat | null {
  for (const f of ['csv', 'jsonl', 'json'] as const) {
    if (existsSync(join(dir, `documents.${f}`)) || existsSync(join(dir, `mentions.${f}`))) return f;
  }
  return null;
}

/** Restore a CSV cell to the value the writer was given. */
export function fromCsvCell(column: string, value: string, rawCsv: boolean): unknown {
  if (NUMBER_COLUMNS.has(column)) return value === '' ? 0 : Number(value);
  if (NULLABLE_NUMBER_COLUMNS.has(column)) return value === '' ? null : Number(value);
  if (BOOLEAN_COLUMNS.has(column)) return value === 'true';
  // Undo formula neutralization (the writer adds a leading ' to free-text cells starting with = + - @ tab CR).
  return !rawCsv && FREE_TEXT_COLUMNS.has(column) && NEUTRALIZED.test(value) ? value.slice(1) : value;
}

/**
 * A JSON/JSONL row as the pipeline carries it: nulls of text columns back to
 * '' and geonames_id back to a string, so that writing it again gives the same
 * bytes in any format.
 */
export function fromJsonRow(row: Row): Row {
  for (const [k, v] of Object.entries(row)) {
    if (v === null && !NULLABLE_NUMBER_COLUMNS.has(k) && !NUMBER_COLUMNS.has(k)) row[k] = '';
    else if (k === 'geonames_id' && typeof v === 'number') row[k] = String(v);
  }
  return row;
}

export interface ReadTableOptions {
  /** The CSV was written with --raw-csv (no neutralization to undo). */
  rawCsv?: boolean;
}

/** Stream the rows of DIR/NAME.FORMAT. */
export async function* readTable(path: string, format: OutputFormat, opts: ReadTableOptions = {}): AsyncGenerator<Row> {
  if (format === 'json') {
    // JSON arrays are written one row per line; parsing the whole file is the simple, correct way.
    for (const r of JSON.parse(readFileSync(path, 'utf8')) as Row[]) yield fromJsonRow(r);
    return;
  }
  if (format === 'jsonl') {
    const rl = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
    for await (const line of rl) if (line.trim()) yield fromJsonRow(JSON.parse(line) as Row);
    return;
  }
  const parser = createReadStream(path).pipe(parse({ columns: true, bom: true }));
  const raw = opts.rawCsv === true;
  for await (const rec of parser as AsyncIterable<Record<string, string>>) {
    const row: Row = {};
    for (const [k, v] of Object.entries(rec)) row[k] = fromCsvCell(k, v, raw);
    yield row;
  }
}

export function tablePath(dir: string, name: TableName, format: OutputFormat): string {
  return join(dir, `${name}.${format}`);
}

/** Where a run's tables are: a folder of csv/json/jsonl files, or a SQLite database (DIR/dossier.db or a .db file). */
export interface RunTables {
  format: OutputFormat | 'sqlite';
  /** Rows of one table, in the order the run wrote them, typed as readTable gives them. */
  rows(name: TableName): AsyncGenerator<Row>;
  /** Whether documents rows carry the article text. */
  hasText: boolean;
  close(): void;
}

const SQLITE_ORDER: Record<TableName, string> = {
  documents: 'doc_seq',
  mentions: 'rowid',
  entities: 'rowid',
  cooccurrences: 'rowid',
};

/** Open the output of `dossier extract --out-dir DIR` (any --format) or of `--sqlite FILE.db`; null when PATH holds none. */
export async function openRun(path: string): Promise<RunTables | null> {
  const dbPath = /\.(db|sqlite3?)$/i.test(path) && existsSync(path) ? path : join(path, 'dossier.db');
  const format = existsSync(path) && !/\.(db|sqlite3?)$/i.test(path) ? detectFormat(path) : null;
  if (format) {
    return {
      format,
      hasText: format !== 'csv',
      rows: (name) => readTable(tablePath(path, name, format), format),
      close() {},
    };
  }
  if (!existsSync(dbPath)) return null;
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(dbPath, { readonly: true });
  return {
    format: 'sqlite',
    hasText: true,
    async *rows(name) {
      for (const r of db.prepare(`SELECT * FROM ${name} ORDER BY ${SQLITE_ORDER[name]}`).iterate() as Iterable<Row>) {
        delete r.doc_seq;
        if ('needs_anchor' in r) r.needs_anchor = r.needs_anchor === 1;
        yield fromJsonRow(r);
      }
    },
    close() {
      db.close();
    },
  };
}
