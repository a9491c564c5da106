// End-to-end on the original pages in fixtures/html-pages: the documents
// table's metadata columns, skipped non-English pages, and the summary of
// files no reader handles.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { tempDir } from '../tmpdir.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'dossier');
const PAGES = join(ROOT, 'fixtures', 'html-pages');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--jobs', '1'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const csv = (path: string) => parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];

test('documents carry url, byline, site_name, language, date_source and warning; a Spanish page is skipped with its reason', () => {
  const out = tempDir('pages');
  const r = run(['extract', PAGES, '--out-dir', out, '--force']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /skipped 2 documents not in English \(es x2\).*--all-languages/);
  const docs = new Map(csv(join(out, 'documents.csv')).map((d) => [d.doc_id, d]));
  const c = docs.get('credits-captions.html')!;
  assert.equal(c.url, 'https://www.harbourpost.example/culture/2024/06/lighthouse-museum');
  assert.equal(c.byline, 'Dana Whitcombe');
  assert.equal(c.site_name, 'The Harbour Post');
  assert.equal(c.language, 'en');
  assert.equal(c.date_source, 'meta article:published_time');
  assert.equal(c.title, "Lighthouse keepers' cottages reopen as a museum");
  const es = docs.get('spanish.html')!;
  assert.equal(es.status, 'skipped');
  assert.equal(es.language, 'es');
  assert.match(es.warning, /Spanish.*not English/);
  assert.equal(Number(es.persons) + Number(es.places), 0);
  const noLang = docs.get('spanish-no-lang.html')!;
  assert.deepEqual([noLang.status, noLang.language], ['skipped', 'es']);
  assert.match(docs.get('footer-only.html')!.warning, /readability kept/);
  assert.equal(docs.get('footer-only.html')!.status, 'ok');
  const mentions = csv(join(out, 'mentions.csv'));
  assert.ok(!mentions.some((m) => m.doc_id.startsWith('spanish')));
  assert.ok(!mentions.some((m) => /credit/i.test(m.text)), 'no mention glued to "Credit"');
  assert.ok(mentions.some((m) => m.doc_id === 'footer-only.html' && m.text === 'Ilse Marwick'));
});

test('--all-languages runs non-English documents through the recognizers', () => {
  const out = tempDir('pages');
  const r = run(['extract', join(PAGES, 'spanish.html'), '--out-dir', out, '--force', '--all-languages']);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /not in English/);
  const [doc] = csv(join(out, 'documents.csv'));
  assert.deepEqual([doc.status, doc.language, doc.warning], ['ok', 'es', '']);
  assert.ok(Number(doc.persons) + Number(doc.places) + Number(doc.dates) > 0);
});

test('files no reader handles are named in one stderr line, each path with --verbose', () => {
  const dir = tempDir('mixed');
  writeFileSync(join(dir, 'story.txt'), 'The mayor of Leeds opened the new tram depot on Tuesday, the council said.\n');
  for (const f of ['scan.pdf', 'notes.docx', 'photo.jpg', 'more.pdf', 'README']) writeFileSync(join(dir, f), 'x');
  const r = run(['extract', dir, '--out-dir', tempDir('mixed-out'), '--force']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /skipped 5 files: \.pdf x2, \(no extension\) x1, \.docx x1, \.jpg x1 \(no reader for them; --verbose names each\)/);
  assert.doesNotMatch(r.stderr, /scan\.pdf/);
  const v = run(['extract', dir, '--out-dir', tempDir('mixed-out'), '--force', '--verbose']);
  for (const f of ['scan.pdf', 'notes.docx', 'photo.jpg', 'more.pdf', 'README']) assert.match(v.stderr, new RegExp(`skipped .*${f.replace('.', '\\.')}\\n`));
  const q = run(['extract', dir, '--out-dir', tempDir('mixed-out'), '--force', '--quiet']);
  assert.equal(q.stderr, '');
});

test('JSONL and CSV records fill the same columns from named fields', () => {
  const dir = tempDir('records');
  const text = 'The harbour authority in Dover said on Monday that ferries would run again after the storm, and officials expect queues.';
  writeFileSync(
    join(dir, 'a.jsonl'),
    `${JSON.stringify({ id: 'r1', text, published: '2024-01-08', link: 'https://example.org/r1', author: 'Sam Tarrant', outlet: 'Channel Desk', lang: 'en-GB' })}\n` +
      `${JSON.stringify({ id: 'r2', text: 'El puerto de Dover reabrió el lunes tras la tormenta, según las autoridades portuarias, y se esperan colas durante el día.' })}\n`,
  );
  writeFileSync(join(dir, 'b.csv'), `id,text,link\nc1,"${text}",https://example.org/c1\n`);
  const out = tempDir('records-out');
  const r = run([
    'extract', dir, '--out-dir', out, '--force', '--date-field', 'published', '--url-field', 'link', '--byline-field', 'author',
    '--site-name-field', 'outlet', '--language-field', 'lang',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const docs = new Map(csv(join(out, 'documents.csv')).map((d) => [d.doc_id, d]));
  const r1 = docs.get('r1')!;
  assert.deepEqual(
    [r1.url, r1.byline, r1.site_name, r1.language, r1.date, r1.date_source, r1.status],
    ['https://example.org/r1', 'Sam Tarrant', 'Channel Desk', 'en', '2024-01-08', 'field published', 'ok'],
  );
  assert.deepEqual([docs.get('r2')!.language, docs.get('r2')!.status, docs.get('r2')!.date_source], ['es', 'skipped', '']);
  assert.deepEqual([docs.get('c1')!.url, docs.get('c1')!.language], ['https://example.org/c1', 'en']);
});
