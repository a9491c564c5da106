// The SQLite output through the real CLI: same rows as the CSV tables, keys
// that hold, full-text search, refusal to overwrite, nothing left on abort, and
// the README's example queries run against the fixtures' database.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { createSqliteSink } from '../../src/writers/sqlite.js';
import { tempDir } from '../tmpdir.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'dossier');
const FIXTURES = join(ROOT, 'fixtures', 'articles');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const d = tempDir('sqlite');
const csvDir = join(d, 'csv');
const db = join(d, 'fixtures.db');
run(['extract', FIXTURES, '--out-dir', csvDir, '--quiet']);
const csv = (name: string) => parse(readFileSync(join(csvDir, `${name}.csv`), 'utf8'), { columns: true }) as Record<string, string>[];

test('--sqlite writes the four tables with the rows of the CSV run, keys that hold and full-text search', () => {
  const r = run(['extract', FIXTURES, '--sqlite', db, '--quiet']);
  assert.equal(r.status, 0, r.stderr);
  const con = new Database(db, { readonly: true });
  for (const t of ['documents', 'mentions', 'entities', 'cooccurrences']) {
    assert.equal((con.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n, csv(t).length, t);
  }
  assert.deepEqual(con.prepare('PRAGMA foreign_key_check').all(), []);
  const indexes = (con.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((x) => x.name);
  for (const want of ['mentions_entity_id', 'mentions_doc_id', 'mentions_type', 'mentions_value']) assert.ok(indexes.includes(want), want);
  // Mentions keep their values and types.
  const m = csv('mentions').find((x) => x.type === 'PLACE' && x.latitude !== '')!;
  const row = con.prepare('SELECT * FROM mentions WHERE mention_id = ?').get(m.mention_id) as Record<string, unknown>;
  assert.equal(row.text, m.text);
  assert.equal(row.start, Number(m.start));
  assert.equal(row.latitude, Number(m.latitude));
  // Full text finds an article by a word of its text.
  const doc = csv('documents')[0];
  const word = csv('mentions').find((x) => x.doc_id === doc.doc_id && x.type === 'PLACE')!.text.split(' ')[0];
  const hits = con.prepare('SELECT d.doc_id FROM documents_fts JOIN documents d ON d.doc_seq = documents_fts.rowid WHERE documents_fts MATCH ?').all(`"${word}"`) as { doc_id: string }[];
  assert.ok(hits.some((h) => h.doc_id === doc.doc_id));
  con.close();
});

test('SQLite output refuses to overwrite without --force; --format sqlite --out-dir writes DIR/dossier.db', () => {
  let r = run(['extract', FIXTURES, '--sqlite', db, '--quiet']);
  if (!existsSync(db)) run(['extract', FIXTURES, '--sqlite', db, '--quiet']);
  r = run(['extract', FIXTURES, '--sqlite', db, '--quiet']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /already exists; use --force/);
  assert.equal(run(['extract', FIXTURES, '--sqlite', db, '--quiet', '--force']).status, 0);
  const out = join(d, 'dir');
  assert.equal(run(['extract', FIXTURES, '--format', 'sqlite', '--out-dir', out, '--quiet']).status, 0);
  assert.deepEqual(readdirSync(out), ['dossier.db']);
  r = run(['extract', FIXTURES, '--format', 'sqlite', '--quiet']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--format sqlite writes a database file/);
});

test('an aborted SQLite run leaves no database behind', async () => {
  const path = join(d, 'aborted.db');
  const sink = createSqliteSink(path, { force: false });
  sink.documents.write({ doc_id: 'a', source: 'a', title: '', date: '', chars: 1, persons: 0, orgs: 0, dates: 0, places: 0, status: 'ok', error: '', warning: '', url: '', byline: '', site_name: '', language: '', date_source: '', text: 'x' });
  await sink.abort();
  assert.deepEqual(readdirSync(d).filter((f) => f.startsWith('aborted')), []);
});

test("the README's five example queries run on the fixtures' database and answer", () => {
  if (!existsSync(db)) run(['extract', FIXTURES, '--sqlite', db, '--quiet', '--force']);
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /<!-- sqlite-queries -->\s*```sql\n([\s\S]*?)```\s*<!-- \/sqlite-queries -->/.exec(readme);
  assert.ok(block, 'README has the sqlite-queries block');
  const queries = block[1].split(/;\s*\n/).map((q) => q.trim()).filter(Boolean);
  assert.equal(queries.length, 5);
  const con = new Database(db, { readonly: true });
  const results = queries.map((q) => con.prepare(q).all() as Record<string, unknown>[]);
  for (const [i, rows] of results.entries()) assert.ok(rows.length > 0, `query ${i + 1} returned no rows`);
  // Query 1 agrees with the CSV tables: articles of 2025 naming both.
  const ents = new Map(csv('entities').map((e) => [e.entity_id, e.canonical]));
  const docsWith = (name: string) => new Set(csv('mentions').filter((m) => ents.get(m.entity_id) === name).map((m) => m.doc_id));
  const a = docsWith('European Commission');
  const b = docsWith('Brussels');
  const want = csv('documents').filter((x) => x.date.startsWith('2025') && a.has(x.doc_id) && b.has(x.doc_id)).map((x) => x.doc_id);
  assert.deepEqual(results[0].map((r) => r.doc_id), want);
  // Query 2 is ordered by document count; query 5 counts every dated mention with a start.
  const counts = results[1].map((r) => Number(r.document_count));
  assert.deepEqual(counts, [...counts].sort((x, y) => y - x));
  const dated = csv('mentions').filter((m) => m.type === 'DATE' && m.date_start !== '').length;
  assert.equal(results[4].reduce((n, r) => n + Number(r.mentions), 0), dated);
  con.close();
});

test('ids survive every format and join across CSV, JSON and SQLite; SQLite has NULLs and integer types', () => {
  const dir = join(d, 'ids');
  const input = join(d, 'ids.jsonl');
  const recs = [
    { id: '-5', date: '2024-03-14', text: '- Ngaio Marsh met officials in Auckland and Whangārei on Monday. Now the mayor is pleased.' },
    { id: '=7', date: '2024-03-15', text: 'Wellington hosts the Reserve Bank of New Zealand. Helen Clark visited last year.' },
    { id: '@x', date: '', text: 'Helen Clark spoke in Auckland.' },
  ];
  mkdirSync(dir, { recursive: true });
  writeFileSync(input, recs.map((r) => JSON.stringify(r)).join('\n'));
  require_ok(run(['extract', input, '--out-dir', join(dir, 'csv'), '--quiet', '--jobs', '1']));
  require_ok(run(['extract', input, '--out-dir', join(dir, 'json'), '--format', 'json', '--quiet', '--jobs', '1']));
  require_ok(run(['extract', input, '--sqlite', join(dir, 'x.db'), '--quiet', '--jobs', '1']));
  const csvRows = parse(readFileSync(join(dir, 'csv', 'mentions.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  const jsonRows = JSON.parse(readFileSync(join(dir, 'json', 'mentions.json'), 'utf8')) as Record<string, unknown>[];
  const con = new Database(join(dir, 'x.db'), { readonly: true });
  const sqlRows = con.prepare('SELECT * FROM mentions ORDER BY rowid').all() as Record<string, unknown>[];
  assert.deepEqual(csvRows.map((r) => r.mention_id), jsonRows.map((r) => r.mention_id));
  assert.deepEqual(csvRows.map((r) => r.mention_id), sqlRows.map((r) => r.mention_id));
  assert.deepEqual([...new Set(csvRows.map((r) => r.doc_id))], ['-5', '=7', '@x']);
  const docs = con.prepare('SELECT doc_id, title, date, error FROM documents ORDER BY doc_seq').all() as Record<string, unknown>[];
  assert.deepEqual(docs.map((x) => x.doc_id), ['-5', '=7', '@x']);
  assert.equal(docs[2].date, null, 'a missing date is NULL');
  assert.equal(docs[0].error, null);
  // The context of a sentence starting with "- " is free text: neutralized in CSV only.
  assert.equal(csvRows[0].context.startsWith("'- "), true);
  assert.equal(String(jsonRows[0].context).startsWith('- '), true);
  // NULLs where a value is missing, integers where a column holds whole numbers.
  const person = sqlRows.find((r) => r.type === 'PERSON')!;
  for (const c of ['value', 'date_start', 'date_end', 'place_kind', 'country_code', 'latitude', 'longitude', 'geonames_id']) assert.equal(person[c], null, c);
  assert.equal((con.prepare('SELECT count(*) AS n FROM mentions WHERE value IS NULL').get() as { n: number }).n, sqlRows.filter((r) => r.type !== 'DATE' && r.value === null).length);
  // A generic ORG with its place inside the name keeps the place in value ("Reserve Bank of New Zealand").
  assert.equal(sqlRows.find((r) => r.text === 'Reserve Bank of New Zealand')?.value, 'New Zealand');
  const auckland = con.prepare("SELECT typeof(geonames_id) AS t, geonames_id FROM mentions WHERE text = 'Auckland' LIMIT 1").get() as { t: string; geonames_id: number };
  assert.equal(auckland.t, 'integer');
  assert.equal(jsonRows.find((r) => r.text === 'Auckland')!.geonames_id, auckland.geonames_id);
  assert.equal(String(auckland.geonames_id), csvRows.find((r) => r.text === 'Auckland')!.geonames_id);
  const entityGid = con.prepare("SELECT typeof(geonames_id) AS t FROM entities WHERE canonical = 'Auckland'").get() as { t: string };
  assert.equal(entityGid.t, 'integer');
  // A vague date is a mention without an entity.
  const now = sqlRows.find((r) => r.text === 'Now')!;
  assert.equal(now.value, 'PRESENT_REF');
  assert.equal(now.entity_id, null);
  assert.equal(jsonRows.find((r) => r.text === 'Now')!.entity_id, null);
  assert.equal(csvRows.find((r) => r.text === 'Now')!.entity_id, '');
  assert.equal((con.prepare("SELECT count(*) AS n FROM entities WHERE canonical LIKE '%_REF'").get() as { n: number }).n, 0);
  assert.deepEqual(con.prepare('PRAGMA foreign_key_check').all(), []);
  // Joins: the CSV's ids find their rows in SQLite.
  for (const r of csvRows) {
    const hit = con.prepare('SELECT m.text FROM mentions m JOIN documents d ON d.doc_id = m.doc_id WHERE m.mention_id = ?').get(r.mention_id) as { text: string };
    assert.equal(hit.text, r.text);
  }
  con.close();
});

function require_ok(r: ReturnType<typeof run>): void {
  assert.equal(r.status, 0, r.stderr);
}
