// Readers: paths -> documents, one at a time. JSON Lines and CSV are streamed
// record by record; a record or file that cannot be read becomes a failure
// naming the file (and line or row), and reading goes on.

import { createReadStream, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { Document, ReadFailure, ReadResult } from '../types.js';
import { decodeText, DecodeError } from './decode.js';
import { IdRegistry } from './ids.js';
import { normalizeDocDate } from './doc-date.js';
import { detectLanguage, normalizeLanguage } from './language.js';

export type InputFormat = 'auto' | 'txt' | 'md' | 'html' | 'jsonl' | 'csv';

export interface ReaderOptions {
  idField: string;
  textField: string;
  dateField: string;
  titleField: string;
  /** JSONL/CSV fields for the page metadata columns (defaults url, byline, site_name, language). */
  urlField?: string;
  bylineField?: string;
  siteNameField?: string;
  languageField?: string;
  /** Run documents in other languages than English through the recognizers (--all-languages); kept here so --resume checks it. */
  allLanguages?: boolean;
  /** Fallback publication date (--date), '' if none. */
  date: string;
  inputFormat?: InputFormat;
  /** Told once per JSONL/CSV input when none of its records has the date field (not part of a run's recorded options). */
  onWarning?: (message: string) => void;
}

/** Watches the records of one JSONL/CSV input for the date field, to say so when no record has it. */
class DateFieldWatch {
  private records = 0;
  private dated = 0;
  private fields = new Set<string>();
  constructor(private readonly source: string, private readonly opts: ReaderOptions) {}
  see(rec: Record<string, unknown>): void {
    this.records++;
    const v = rec[this.opts.dateField];
    if (v !== undefined && v !== null && v !== '') this.dated++;
    else if (this.fields.size < 20) for (const k of Object.keys(rec)) if (this.fields.size < 20) this.fields.add(k);
  }
  end(): void {
    if (this.records === 0 || this.dated > 0 || !this.opts.onWarning) return;
    const fallback = this.opts.date
      ? `every document gets --date ${this.opts.date}`
      : 'documents are undated and relative dates ("last year") stay unresolved';
    this.opts.onWarning(
      `${this.source}: no record has a value in the date field "${this.opts.dateField}" (fields seen: ${[...this.fields].join(', ')}); ${fallback}; name the field with --date-field`,
    );
  }
}

export interface InputItem {
  result: ReadResult;
  /** Size of the record's raw input in bytes, for progress. */
  bytes: number;
}

export interface InputFile {
  path: string;
  /** Path relative to the argument it was found under, '/'-separated: the default document id. */
  rel: string;
}

const EXTENSIONS: Record<string, Exclude<InputFormat, 'auto'>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.csv': 'csv',
};

/** Extensions that are certainly not text: named as unreadable even when given one by one (other files given by name are read as text). */
const NOT_TEXT = new Set([
  '.pdf', '.doc', '.docx', '.odt', '.rtf', '.xls', '.xlsx', '.ods', '.ppt', '.pptx', '.epub', '.json', '.xml', '.zip', '.gz', '.tgz',
  '.bz2', '.xz', '.7z', '.rar', '.tar', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.bmp', '.tif', '.tiff', '.ico', '.svg', '.heic',
  '.mp3', '.mp4', '.m4a', '.wav', '.ogg', '.mov', '.avi', '.webm', '.exe', '.bin', '.db', '.sqlite',
]);

export function formatOf(path: string, forced?: InputFormat): Exclude<InputFormat, 'auto'> {
  if (forced && forced !== 'auto') return forced;
  return EXTENSIONS[extname(path).toLowerCase()] ?? 'txt';
}

/** Expand arguments into files (folders walked recursively in sorted order), failures for paths that cannot be read. */
export async function listInputs(
  paths: string[],
): Promise<{ files: InputFile[]; errors: ReadFailure[]; totalBytes: number; unreadable: string[]; outputDirs: string[] }> {
  const files: InputFile[] = [];
  const errors: ReadFailure[] = [];
  /** Files no reader handles (.pdf, images, no extension in a folder): skipped, and named in one summary. */
  const unreadable: string[] = [];
  /** Folders inside an input folder that hold a dossier run (its dossier-run.json): its tables are not articles. */
  const outputDirs: string[] = [];
  let totalBytes = 0;
  for (const p of paths) {
    if (p === '-') {
      files.push({ path: '-', rel: 'stdin' });
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch (err) {
      errors.push({ id: p, source: p, error: describeFsError(err, p) });
      continue;
    }
    if (st.isDirectory()) {
      const seen = new Set<string>();
      const ancestors: string[] = [];
      const walk = (dir: string) => {
        let real: string;
        try {
          real = realpathSync(dir);
        } catch (err) {
          errors.push({ id: relative(p, dir) || dir, source: dir, error: describeFsError(err, dir) });
          return;
        }
        if (ancestors.includes(real)) {
          // A link back to a folder we are inside: following it would never end.
          errors.push({ id: relative(p, dir), source: dir, error: `symbolic link loop (leads back to ${real}), not followed` });
          return;
        }
        if (seen.has(real)) return; // the same folder reached by a second link: its files are already listed
        seen.add(real);
        let names: string[];
        try {
          names = readdirSync(dir).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        } catch (err) {
          errors.push({ id: relative(p, dir) || dir, source: dir, error: describeFsError(err, dir) });
          return;
        }
        // "dossier extract archive --out-dir archive/out", run twice, would read its own tables back as articles.
        if (dir !== p && names.includes(RUN_MANIFEST)) {
          outputDirs.push(dir);
          return;
        }
        ancestors.push(real);
        for (const name of names) {
          if (name.startsWith('.')) continue;
          const full = join(dir, name);
          let s;
          try {
            s = statSync(full);
          } catch (err) {
            errors.push({ id: relative(p, full), source: full, error: describeFsError(err, full) });
            continue;
          }
          if (s.isDirectory()) walk(full);
          else if (s.isFile() && EXTENSIONS[extname(name).toLowerCase()]) {
            files.push({ path: full, rel: relative(p, full).split('\\').join('/') });
            totalBytes += s.size;
          } else if (s.isFile()) unreadable.push(full);
        }
        ancestors.pop();
      };
      walk(p);
    } else if (NOT_TEXT.has(extname(p).toLowerCase())) unreadable.push(p);
    else {
      files.push({ path: p, rel: basename(p) });
      totalBytes += st.size;
    }
  }
  return { files, errors, totalBytes, unreadable, outputDirs };
}

/** The file a dossier run writes into its --out-dir (src/pipeline/manifest.ts): it marks a folder of dossier's own tables. */
export const RUN_MANIFEST = 'dossier-run.json';

function describeFsError(err: unknown, path: string): string {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return `no such file or directory: ${path}`;
  if (code === 'EACCES' || code === 'EPERM') return `permission denied: ${path}`;
  if (code === 'ELOOP') return `too many levels of symbolic links: ${path}`;
  if (code === 'EISDIR') return `is a directory: ${path}`;
  return `${(err as Error).message}`;
}

export { normalizeDocDate } from './doc-date.js';

const ok = (doc: Document, bytes: number): InputItem => ({ result: { ok: true, doc }, bytes });
const fail = (id: string, source: string, error: string, bytes = 0): InputItem => ({ result: { ok: false, failure: { id, source, error } }, bytes });

/** "5 files: .pdf x2, .docx x1, (no extension) x2" for the files no reader handles. */
export function describeUnreadable(paths: string[]): string {
  const counts = new Map<string, number>();
  for (const p of paths) {
    const ext = extname(p).toLowerCase() || '(no extension)';
    counts.set(ext, (counts.get(ext) ?? 0) + 1);
  }
  const parts = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([e, n]) => `${e} x${n}`);
  return `${paths.length} ${paths.length === 1 ? 'file' : 'files'}: ${parts.join(', ')}`;
}

export async function* readInputs(
  paths: string[],
  opts: ReaderOptions,
  onUnreadable?: (paths: string[]) => void,
  onOutputDirs?: (dirs: string[]) => void,
): AsyncGenerator<InputItem> {
  const { files, errors, unreadable, outputDirs } = await listInputs(paths);
  if (unreadable.length > 0) onUnreadable?.(unreadable);
  if (outputDirs.length > 0) onOutputDirs?.(outputDirs);
  const ids = new IdRegistry();
  // Failures of paths are reported in argument order, before the documents.
  for (const e of errors) yield fail(ids.unique(e.id), e.source, e.error);
  for (const f of files) {
    if (f.path === '-') {
      yield* readStdin(opts, ids);
      continue;
    }
    const format = formatOf(f.path, opts.inputFormat);
    if (format === 'jsonl') yield* readJsonl(createReadStream(f.path), f.path, f.rel, opts, ids);
    else if (format === 'csv') yield* readCsv(createReadStream(f.path), f.path, f.rel, opts, ids);
    else {
      let buf: Buffer;
      try {
        buf = readFileSync(f.path);
      } catch (err) {
        yield fail(ids.unique(f.rel), f.path, describeFsError(err, f.path));
        continue;
      }
      yield await readWhole(buf, format, f.path, ids.unique(f.rel), opts);
    }
  }
}

// The Markdown and HTML parsers (and csv-parse below) are loaded only when an input needs them.
async function readWhole(buf: Buffer, format: 'txt' | 'md' | 'html', source: string, id: string, opts: ReaderOptions): Promise<InputItem> {
  let raw: string;
  try {
    raw = decodeText(buf);
  } catch (err) {
    if (err instanceof DecodeError) return fail(id, source, err.message, buf.length);
    throw err;
  }
  let title = '';
  let date = '';
  let text = raw;
  let meta: Partial<Document> = {};
  if (format === 'md') {
    ({ title, date, text } = (await import('./markdown.js')).readMarkdown(raw));
    if (date) meta.date_source = 'front matter';
  } else if (format === 'html') {
    const page = (await import('./html.js')).readHtml(raw);
    ({ title, date, text } = page);
    if (!text.trim()) return fail(id, source, 'no article text found in the HTML page', buf.length);
    meta = { url: page.url, byline: page.byline, site_name: page.siteName, language: page.language, date_source: page.dateSource, warning: page.warning };
  }
  if (!text.trim()) return fail(id, source, 'empty document (no text)', buf.length);
  const own = normalizeDocDate(date);
  return ok(await withMeta({ id, source, title, date: own || opts.date, text }, meta, own, opts), buf.length);
}

/** The metadata columns: what the input gave, the language detected when it gave none, where the date came from. */
async function withMeta(doc: Document, meta: Partial<Document>, ownDate: string, opts: ReaderOptions): Promise<Document> {
  return {
    ...doc,
    url: meta.url ?? '',
    byline: meta.byline ?? '',
    site_name: meta.site_name ?? '',
    language: meta.language || (await detectLanguage(doc.text)),
    date_source: ownDate ? meta.date_source || 'input' : opts.date ? '--date' : '',
    warning: meta.warning ?? '',
  };
}

const field = (rec: Record<string, unknown>, name: string | undefined): string => {
  if (!name) return '';
  const v = rec[name];
  return typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : typeof v === 'number' ? String(v) : '';
};

async function fromRecord(rec: Record<string, unknown>, source: string, fallbackId: string, opts: ReaderOptions, ids: IdRegistry, bytes: number, where: string): Promise<InputItem> {
  const rawId = rec[opts.idField];
  const id = ids.unique(rawId === undefined || rawId === null || rawId === '' ? fallbackId : String(rawId));
  const text = rec[opts.textField];
  if (text === undefined || text === null) {
    const fields = Object.keys(rec).slice(0, 8).join(', ');
    return fail(id, source, `${where} has no "${opts.textField}" field (fields: ${fields}); name the text field with --text-field`, bytes);
  }
  if (typeof text !== 'string') return fail(id, source, `${where}: field "${opts.textField}" is not a string`, bytes);
  if (!text.trim()) return fail(id, source, `${where}: empty text`, bytes);
  const title = rec[opts.titleField];
  const own = normalizeDocDate(rec[opts.dateField]);
  const doc: Document = {
    id,
    source,
    title: typeof title === 'string' ? title : title === undefined || title === null ? '' : String(title),
    date: own || opts.date,
    text,
  };
  const meta: Partial<Document> = {
    url: field(rec, opts.urlField ?? 'url'),
    byline: field(rec, opts.bylineField ?? 'byline'),
    site_name: field(rec, opts.siteNameField ?? 'site_name'),
    language: normalizeLanguage(field(rec, opts.languageField ?? 'language')),
    date_source: `field ${opts.dateField}`,
  };
  return ok(await withMeta(doc, meta, own, opts), bytes);
}

async function* readJsonl(input: NodeJS.ReadableStream, path: string, rel: string, opts: ReaderOptions, ids: IdRegistry): AsyncGenerator<InputItem> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  const watch = new DateFieldWatch(path, opts);
  try {
    for await (const line of rl) {
      lineNo++;
      const source = `${path}:${lineNo}`;
      const fallbackId = `${rel}#${lineNo}`;
      const bytes = Buffer.byteLength(line) + 1;
      const trimmed = lineNo === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
      if (!trimmed.trim()) continue;
      let rec: unknown;
      try {
        rec = JSON.parse(trimmed);
      } catch (err) {
        yield fail(ids.unique(fallbackId), source, `invalid JSON at line ${lineNo}: ${(err as Error).message}`, bytes);
        continue;
      }
      if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
        yield fail(ids.unique(fallbackId), source, `line ${lineNo} is not a JSON object`, bytes);
        continue;
      }
      watch.see(rec as Record<string, unknown>);
      yield await fromRecord(rec as Record<string, unknown>, source, fallbackId, opts, ids, bytes, `line ${lineNo}`);
    }
  } catch (err) {
    yield fail(ids.unique(rel), path, describeFsError(err, path));
  }
  watch.end();
}

async function* readCsv(input: NodeJS.ReadableStream, path: string, rel: string, opts: ReaderOptions, ids: IdRegistry): AsyncGenerator<InputItem> {
  const { parse: parseCsv } = await import('csv-parse');
  const parser = input.pipe(
    parseCsv({ columns: true, relax_column_count: true, bom: true, skip_empty_lines: true, relax_quotes: true, info: true }),
  );
  let row = 0;
  let checked = false;
  const watch = new DateFieldWatch(path, opts);
  try {
    for await (const rec of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; bytes: number } }>) {
      row++;
      if (!checked) {
        checked = true;
        if (!(opts.textField in rec.record)) {
          const cols = Object.keys(rec.record).join(', ');
          yield fail(ids.unique(rel), path, `CSV has no "${opts.textField}" column (columns: ${cols}); name it with --text-field`);
          input.unpipe?.();
          (input as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
          return;
        }
      }
      watch.see(rec.record);
      yield await fromRecord(rec.record, `${path}:${row}`, `${rel}#${row}`, opts, ids, 0, `row ${row}`);
    }
  } catch (err) {
    yield fail(ids.unique(`${rel}#${row + 1}`), `${path}:${row + 1}`, `CSV error after row ${row}: ${(err as Error).message}`);
  }
  watch.end();
}

async function* readStdin(opts: ReaderOptions, ids: IdRegistry): AsyncGenerator<InputItem> {
  const forced = opts.inputFormat && opts.inputFormat !== 'auto' ? opts.inputFormat : null;
  const stdin = process.stdin;
  // Peek at the first chunk to sniff the format, then stream the rest.
  const iterator = stdin[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head: Buffer = first.done ? Buffer.alloc(0) : Buffer.from(first.value as Buffer);
  const rest = async function* () {
    yield head;
    for (;;) {
      const n = await iterator.next();
      if (n.done) return;
      yield Buffer.from(n.value as Buffer);
    }
  };
  const firstChar = head.toString('utf8', 0, Math.min(head.length, 64)).replace(/^\uFEFF/, '').trimStart()[0] ?? '';
  const format = forced ?? (firstChar === '{' ? 'jsonl' : firstChar === '<' ? 'html' : 'txt');
  if (format === 'jsonl') {
    yield* readJsonl(Readable.from(rest()), '-', 'stdin', opts, ids);
    return;
  }
  if (format === 'csv') {
    yield* readCsv(Readable.from(rest()), '-', 'stdin', opts, ids);
    return;
  }
  const chunks: Buffer[] = [];
  for await (const c of rest()) chunks.push(c);
  yield await readWhole(Buffer.concat(chunks), format, '-', ids.unique('stdin'), opts);
}
