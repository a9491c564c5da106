import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs, type ReaderOptions, type InputItem } from '../../src/readers/index.js';
import { readHtml } from '../../src/readers/html.js';
import { readMarkdown } from '../../src/readers/markdown.js';
import { tempDir } from '../tmpdir.js';

const OPTS: ReaderOptions = { idField: 'id', textField: 'text', dateField: 'date', titleField: 'title', date: '' };
const tmp = () => tempDir('read');

async function readAll(paths: string[], opts: Partial<ReaderOptions> = {}): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readInputs(paths, { ...OPTS, ...opts })) out.push(item);
  return out;
}
const docs = (items: InputItem[]) => items.flatMap((i) => (i.result.ok ? [i.result.doc] : []));
const fails = (items: InputItem[]) => items.flatMap((i) => (i.result.ok ? [] : [i.result.failure]));

test('txt: BOM removed, UTF-16 decoded, Latin-1 decoded, text otherwise untouched', async () => {
  const d = tmp();
  writeFileSync(join(d, 'bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Paris\r\nLondon')]));
  writeFileSync(join(d, 'u16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kyiv', 'utf16le')]));
  writeFileSync(join(d, 'latin1.txt'), Buffer.from([0x4d, 0xfc, 0x6e, 0x63, 0x68, 0x65, 0x6e])); // "München" in Latin-1
  const got = docs(await readAll([d]));
  assert.deepEqual(got.map((x) => [x.id, x.text]), [['bom.txt', 'Paris\r\nLondon'], ['latin1.txt', 'München'], ['u16.txt', 'Kyiv']]);
});

test('binary and empty files are failures naming the reason; the rest is read', async () => {
  const d = tmp();
  writeFileSync(join(d, 'a.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
  writeFileSync(join(d, 'b.txt'), '   \n\t ');
  writeFileSync(join(d, 'c.txt'), Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]));
  writeFileSync(join(d, 'd.txt'), 'Real text about Berlin.');
  const items = await readAll([d]);
  assert.deepEqual(fails(items).map((f) => [f.id, f.error]), [
    ['a.txt', 'binary file (PNG image), skipped'],
    ['b.txt', 'empty document (no text)'],
    ['c.txt', 'binary file (gzip archive), skipped'],
  ]);
  assert.deepEqual(docs(items).map((x) => x.id), ['d.txt']);
});

test('folders are walked recursively in sorted order; symlink loops and missing paths do not stop the run', async () => {
  const d = tmp();
  mkdirSync(join(d, 'b', 'c'), { recursive: true });
  writeFileSync(join(d, 'b', 'c', 'z.txt'), 'Z text.');
  writeFileSync(join(d, 'a.txt'), 'A text.');
  writeFileSync(join(d, 'b', 'y.md'), '# Y\n\nY text.');
  writeFileSync(join(d, 'ignored.bin'), 'x');
  symlinkSync(d, join(d, 'b', 'loop'));
  const items = await readAll([d, join(d, 'missing.txt')]);
  assert.deepEqual(docs(items).map((x) => x.id), ['a.txt', 'b/c/z.txt', 'b/y.md']);
  const errors = fails(items).map((f) => f.error);
  assert.equal(errors.length, 2, errors.join('\n'));
  assert.match(errors[0], /^symbolic link loop \(leads back to .*\), not followed$/);
  assert.match(errors[1], /no such file or directory: .*missing\.txt/);
});

test('JSON Lines: fields, fallbacks and every kind of bad line', async () => {
  const d = tmp();
  const lines = [
    JSON.stringify({ id: 7, date: '2023-07-19T10:00:00Z', title: 'T', text: 'Seven.' }),
    '{not json',
    '[1,2]',
    JSON.stringify({ id: 'x', body: 'no text field' }),
    '',
    JSON.stringify({ id: 7, text: 'Duplicate id.' }),
    JSON.stringify({ text: 'No id.' }),
  ];
  writeFileSync(join(d, 'a.jsonl'), lines.join('\n') + '\n');
  const items = await readAll([join(d, 'a.jsonl')], { date: '2020-01-01' });
  assert.deepEqual(docs(items).map((x) => [x.id, x.date, x.title]), [['7', '2023-07-19', 'T'], ['7#2', '2020-01-01', ''], ['a.jsonl#7', '2020-01-01', '']]);
  const f = fails(items);
  assert.equal(f.length, 3);
  assert.match(f[0].error, /invalid JSON at line 2/);
  assert.match(f[0].source, /a\.jsonl:2$/);
  assert.match(f[1].error, /line 3 is not a JSON object/);
  assert.match(f[2].error, /no "text" field.*--text-field/);
});

test('JSON Lines: a 20 MB line is read', async () => {
  const d = tmp();
  const big = 'Angela Merkel visited Paris. '.repeat(700_000);
  writeFileSync(join(d, 'big.jsonl'), JSON.stringify({ id: 'big', text: big }) + '\n');
  const got = docs(await readAll([join(d, 'big.jsonl')]));
  assert.equal(got[0].text.length, big.length);
});

test('CSV: quoted newlines, ragged rows, a missing text column', async () => {
  const d = tmp();
  writeFileSync(join(d, 'a.csv'), 'id,date,text\n1,2024-01-02,"Line one,\nline two"\n2,2024-01-03,Short,extra\n');
  writeFileSync(join(d, 'b.csv'), 'id,body\n1,hello\n');
  const items = await readAll([join(d, 'a.csv'), join(d, 'b.csv')]);
  assert.deepEqual(docs(items).map((x) => [x.id, x.text, x.source.replace(/.*\//, '')]), [['1', 'Line one,\nline two', 'a.csv:1'], ['2', 'Short', 'a.csv:2']]);
  assert.match(fails(items)[0].error, /no "text" column \(columns: id, body\).*--text-field/);
});

test('Markdown: title from the first heading or front matter, plain text out', () => {
  const md = readMarkdown('---\ndate: 2022-06-06\n---\n# The Title\n\nFirst *para* with [a link](http://x).\n\n## Sub\n\n- item one\n- item two\n\n```\ncode\n```\n');
  assert.equal(md.title, 'The Title');
  assert.equal(md.date, '2022-06-06');
  assert.equal(md.text, 'First para with a link.\n\nSub\n\nitem one\n\nitem two');
});

test('HTML: metadata from each place, boilerplate left out, nothing executed', () => {
  const body = '<article><h1>Headline</h1><p>' + 'Officials in Berlin met on Monday to discuss the budget. '.repeat(6) + '</p><p>Second paragraph.</p></article>';
  const page = (head: string) => `<html><head><title>Headline</title>${head}<script>throw new Error("ran")</script></head><body><nav>Menu Paris London</nav>${body}<footer>Footer Rome</footer></body></html>`;
  assert.equal(readHtml(page('<meta property="article:published_time" content="2023-07-19T08:00:00Z">')).date.slice(0, 10), '2023-07-19');
  assert.equal(readHtml(page('<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2021-02-03"}]}</script>')).date, '2021-02-03');
  const t = readHtml(page('') .replace('<article>', '<article><time datetime="2020-05-06">May 6</time>'));
  assert.equal(t.date, '2020-05-06');
  const a = readHtml(page(''));
  assert.equal(a.title, 'Headline');
  assert.ok(a.text.startsWith('Officials in Berlin'));
  assert.ok(!a.text.includes('Menu') && !a.text.includes('Footer'));
});

test('HTML: 100k levels of nesting do not crash and stay fast', () => {
  const html = `<html><body>${'<div>'.repeat(100_000)}Deep text in Oslo.${'</div>'.repeat(100_000)}</body></html>`;
  const t0 = performance.now();
  const a = readHtml(html);
  assert.ok(a.text.includes('Deep text in Oslo.'));
  assert.ok(performance.now() - t0 < 10_000);
});
