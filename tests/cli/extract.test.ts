// End-to-end: spawn bin/dossier in temp folders, for every input format,
// stdin, --out-dir and each --format, and check columns and known rows.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { tempDir } from '../tmpdir.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'dossier');

function run(args: string[], opts: { input?: string; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = () => tempDir('e2e');
const csv = (s: string) => parse(s, { columns: true, skip_empty_lines: true }) as Record<string, string>[];

const ARTICLE =
  'LONDON — Prime Minister Keir Starmer met the head of the Secret Intelligence Service, Richard Moore, on Tuesday. ' +
  'Moore told reporters that Russia had stepped up its activity in Europe last year.\n';

const MENTION_COLUMNS = [
  'doc_id', 'mention_id', 'entity_id', 'type', 'text', 'start', 'end', 'canonical', 'value', 'date_start', 'date_end',
  'needs_anchor', 'place_kind', 'country_code', 'latitude', 'longitude', 'geonames_id', 'sentence', 'context',
];

test('txt to CSV on stdout: columns, offsets and known rows', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'story.txt'), ARTICLE);
  const r = run(['extract', join(dir, 'story.txt'), '--date', '2024-03-14', '--jobs', '1']);
  assert.equal(r.code, 0, r.stderr);
  const header = r.stdout.split('\n')[0].split(',');
  assert.deepEqual(header, MENTION_COLUMNS);
  const rows = csv(r.stdout);
  const by = (t: string) => rows.find((x) => x.text === t);
  assert.equal(by('Richard Moore')?.type, 'PERSON');
  assert.equal(by('Moore')?.canonical, 'Richard Moore');
  assert.equal(by('Moore')?.entity_id, by('Richard Moore')?.entity_id);
  assert.equal(by('Russia')?.type, 'PLACE');
  assert.equal(by('Russia')?.country_code, 'RU');
  assert.equal(by('last year')?.value, '2023');
  assert.equal(by('Tuesday')?.value, '2024-03-12');
  for (const row of rows) assert.equal(Array.from(ARTICLE).slice(+row.start, +row.end).join(''), row.text);
});

test('offsets count code points: an emoji before an entity', () => {
  const text = 'Rockets 🚀🚀 were launched from Moscow on Monday.';
  const r = run(['extract', '-', '--input-format', 'txt', '--format', 'jsonl', '--jobs', '1'], { input: text });
  assert.equal(r.code, 0, r.stderr);
  const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const moscow = rows.find((x) => x.text === 'Moscow');
  assert.ok(moscow, r.stdout);
  assert.equal(Array.from(text).slice(moscow.start, moscow.end).join(''), 'Moscow');
  assert.notEqual(text.slice(moscow.start, moscow.end), 'Moscow');
});

test('every input format into --out-dir, each output format', () => {
  const dir = tmp();
  const inDir = join(dir, 'in');
  spawnSync('mkdir', ['-p', inDir]);
  writeFileSync(join(inDir, 'a.txt'), ARTICLE);
  writeFileSync(join(inDir, 'b.md'), `# Talks in Geneva\n\n${ARTICLE}`);
  writeFileSync(
    join(inDir, 'c.html'),
    `<html><head><title>Talks</title><meta property="article:published_time" content="2024-03-14T10:00:00Z"></head>` +
      `<body><nav><a href="/">Home</a> <a href="/world">World News From Paris</a></nav><article><h1>Talks</h1><p>${ARTICLE}</p>` +
      `<p>The meeting in Geneva lasted two hours, officials said.</p></article><footer>Copyright Example Media Group</footer></body></html>`,
  );
  writeFileSync(
    join(inDir, 'd.jsonl'),
    JSON.stringify({ id: 'j1', date: '2024-03-14', title: 'One', text: ARTICLE }) + '\n' + JSON.stringify({ id: 'j2', date: '2020-01-02', text: 'Angela Merkel visited Paris in 2019.' }) + '\n',
  );
  writeFileSync(join(inDir, 'e.csv'), `id,date,title,text\nc1,2024-03-14,Row,"${ARTICLE.replace(/"/g, '""')}"\n`);
  for (const format of ['csv', 'json', 'jsonl'] as const) {
    const out = join(dir, `out-${format}`);
    const r = run(['extract', inDir, '--out-dir', out, '--format', format, '--jobs', '1']);
    assert.equal(r.code, 0, r.stderr);
    for (const f of ['documents', 'mentions', 'entities', 'cooccurrences']) assert.ok(existsSync(join(out, `${f}.${format}`)), `${f}.${format}`);
    const docsRaw = readFileSync(join(out, `documents.${format}`), 'utf8');
    const docs: Record<string, unknown>[] =
      format === 'csv' ? csv(docsRaw) : format === 'json' ? JSON.parse(docsRaw) : docsRaw.trim().split('\n').map((l) => JSON.parse(l));
    const ids = docs.map((d) => d.doc_id);
    assert.deepEqual(ids, ['a.txt', 'b.md', 'c.html', 'j1', 'j2', 'c1']);
    const html = docs.find((d) => d.doc_id === 'c.html')!;
    assert.equal(html.date, '2024-03-14');
    assert.equal(html.title, 'Talks');
    if (format !== 'csv') {
      assert.ok(!String(html.text).includes('World News From Paris'), 'navigation is not scanned');
      assert.ok(!String(html.text).includes('Copyright'), 'footer is not scanned');
    }
    assert.equal(docs.find((d) => d.doc_id === 'b.md')!.title, 'Talks in Geneva');
    assert.ok(docs.every((d) => d.status === 'ok'));
  }
  // Entities aggregate across documents: Richard Moore appears in five of them.
  const entities = csv(readFileSync(join(dir, 'out-csv', 'entities.csv'), 'utf8'));
  const moore = entities.find((e) => e.canonical === 'Richard Moore');
  assert.ok(moore);
  assert.equal(moore.entity_id, 'person:richard-moore');
  assert.equal(moore.document_count, '5');
});

test('output is deterministic and --jobs 2 writes the same bytes as --jobs 1', () => {
  const dir = tmp();
  const a = run(['extract', join(ROOT, 'fixtures', 'articles'), '--out-dir', join(dir, 'a'), '--jobs', '1']);
  const b = run(['extract', join(ROOT, 'fixtures', 'articles'), '--out-dir', join(dir, 'b'), '--jobs', '2']);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(b.code, 0, b.stderr);
  for (const f of readdirSync(join(dir, 'a'))) {
    assert.equal(readFileSync(join(dir, 'b', f), 'utf8'), readFileSync(join(dir, 'a', f), 'utf8'), f);
  }
});

test('--check passes on an identical snapshot and fails with a readable diff otherwise', () => {
  const dir = tmp();
  const snap = join(dir, 'snap');
  const input = join(dir, 'story.txt');
  writeFileSync(input, ARTICLE);
  assert.equal(run(['extract', input, '--date', '2024-03-14', '--out-dir', snap, '--jobs', '1']).code, 0);
  const same = run(['extract', input, '--date', '2024-03-14', '--check', snap, '--jobs', '1']);
  assert.equal(same.code, 0, same.stdout + same.stderr);
  writeFileSync(input, ARTICLE + 'Vladimir Putin did not comment.\n');
  const diff = run(['extract', input, '--date', '2024-03-14', '--check', snap, '--jobs', '1']);
  assert.equal(diff.code, 1);
  assert.match(diff.stdout, /Vladimir Putin/);
});

test('the bundled fixtures still give the saved snapshot', () => {
  const r = run(['extract', 'fixtures/articles', '--check', 'fixtures/snapshot', '--jobs', '1']);
  assert.equal(r.code, 0, `fixtures output changed; if the change is intended, refresh the snapshot with\n  ./bin/dossier extract fixtures/articles --out-dir fixtures/snapshot --force\n${r.stdout}${r.stderr}`);
});

test('usage errors exit 2 with a one-line message pointing to --help', () => {
  const r = run(['extract', '--format', 'xml', 'x.txt']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--help/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  const u = run(['extract', '--no-such-option']);
  assert.equal(u.code, 2);
});

test('a mistyped input path is a usage error: exit 2, named, and no output folder is created', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'ok.txt'), ARTICLE);
  for (const format of ['csv', 'sqlite']) {
    const out = join(dir, `out-${format}`);
    const r = run(['extract', join(dir, 'ok.txt'), join(dir, 'mising.txt'), '--out-dir', out, '--format', format, '--jobs', '1']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no such file or directory: .*mising\.txt/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.equal(existsSync(out), false, 'nothing is written');
  }
  const stdout = run(['extract', join(dir, 'mising.txt')]);
  assert.equal(stdout.code, 2);
  assert.equal(stdout.stdout, '', 'not even a CSV header');
});

test('an archive read without its date field: one warning names the field and the fields seen', () => {
  const dir = tmp();
  const recs = [
    { id: 'p1', published: '2024-03-14', text: 'Keir Starmer visited Leeds last year.' },
    { id: 'p2', published: '2024-03-15', text: 'Keir Starmer spoke in Hull on Monday.' },
  ];
  writeFileSync(join(dir, 'a.jsonl'), recs.map((x) => JSON.stringify(x)).join('\n'));
  writeFileSync(join(dir, 'b.csv'), 'id,published,text\np3,2024-03-16,Keir Starmer left Hull yesterday.\n');
  const r = run(['extract', join(dir, 'a.jsonl'), join(dir, 'b.csv'), '--jobs', '1']);
  assert.equal(r.code, 0, r.stderr);
  const warnings = r.stderr.trim().split('\n');
  assert.equal(warnings.length, 2, r.stderr);
  assert.match(warnings[0], /a\.jsonl: no record has a value in the date field "date" \(fields seen: id, published, text\).*--date-field/);
  assert.match(warnings[1], /b\.csv: no record has a value in the date field "date"/);
  assert.equal(csv(r.stdout).find((m) => m.text === 'last year')?.needs_anchor, 'true');
  const named = run(['extract', join(dir, 'a.jsonl'), '--date-field', 'published', '--jobs', '1']);
  assert.equal(named.stderr, '', 'no warning once the field is named');
  assert.equal(csv(named.stdout).find((m) => m.text === 'last year')?.value, '2023');
  assert.equal(run(['extract', join(dir, 'a.jsonl'), '--jobs', '1', '--quiet']).stderr, '');
});

test('--out-dir refuses to overwrite a previous run without --force', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'ok.txt'), ARTICLE);
  const out = join(dir, 'out');
  assert.equal(run(['extract', join(dir, 'ok.txt'), '--out-dir', out, '--jobs', '1']).code, 0);
  const again = run(['extract', join(dir, 'ok.txt'), '--out-dir', out, '--jobs', '1']);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /--force/);
  assert.equal(run(['extract', join(dir, 'ok.txt'), '--out-dir', out, '--force', '--jobs', '1']).code, 0);
});

test('--help explains options with examples', () => {
  const r = run(['extract', '--help']);
  assert.equal(r.code, 0);
  for (const s of ['--format', '--out-dir', '--date', '--text-field', '--check', 'Exit codes', 'Examples']) assert.ok(r.stdout.includes(s), s);
});

test('--aliases adds organizations from a user file', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'aliases.json'), JSON.stringify([{ canonical: 'Harwick Gazette', aliases: ['HG'], kind: 'outlet', country: 'US' }]));
  writeFileSync(join(dir, 'a.txt'), 'The story was first reported by HG on Monday.');
  const r = run(['extract', join(dir, 'a.txt'), '--aliases', join(dir, 'aliases.json'), '--jobs', '1']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(csv(r.stdout).find((x) => x.text === 'HG')?.entity_id, 'org:harwick-gazette');
  const bad = run(['extract', join(dir, 'a.txt'), '--aliases', join(dir, 'nope.json')]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /alias file not found/);
});

test('piping into head ends quietly (EPIPE), no stack trace', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'big.txt'), 'Angela Merkel met Emmanuel Macron in Paris on Monday. '.repeat(20_000));
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" extract "${join(dir, 'big.txt')}" --jobs 1 | head -n 2`], { encoding: 'utf8' });
  assert.equal(r.stdout.trim().split('\n').length, 2);
  assert.equal(r.stderr, '');
});

test('an --out-dir inside the input folder is not read back as articles on the next run', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'story.txt'), ARTICLE);
  const first = run(['extract', dir, '--out-dir', join(dir, 'out')]);
  assert.equal(first.code, 0, first.stderr);
  const second = run(['extract', dir, '--out-dir', join(dir, 'out'), '--force']);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stderr, /skipped .*out: it holds an earlier run's tables/);
  const docs = csv(readFileSync(join(dir, 'out', 'documents.csv'), 'utf8'));
  assert.deepEqual(docs.map((d) => d.doc_id), ['story.txt']);
  // A file of it given by name is still read: only the folder walk leaves run folders out.
  const named = run(['extract', join(dir, 'out', 'mentions.csv'), '--text-field', 'context', '--format', 'jsonl']);
  assert.equal(named.code, 0, named.stderr);
  assert.ok(named.stdout.trim().split('\n').length > 3);
});
