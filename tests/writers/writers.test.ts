import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { createWriter, csvLine, neutralizeCell } from '../../src/writers/index.js';
import { compareSnapshot } from '../../src/writers/snapshot.js';
import { fromCsvCell, readTable } from '../../src/writers/load.js';
import { tempDir } from '../tmpdir.js';

const tmp = () => tempDir('w');
const COLS = ['a', 'b', 'n'];

test('csvLine writes the same bytes as csv-stringify and parses back to the same cells', () => {
  const cellArb = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\n', '\r', 'é', '🚀', "'", '=', '\t') }),
    fc.string({ unit: 'grapheme' }),
    fc.double({ noNaN: true }),
    fc.integer(),
  );
  fc.assert(
    fc.property(fc.array(cellArb, { minLength: 1, maxLength: 8 }), (cells) => {
      const line = csvLine(cells);
      assert.equal(line, stringify([cells]));
      const back = parse(line, { relax_column_count: true }) as string[][];
      if (!(cells.length === 1 && cells[0] === '')) assert.deepEqual(back[0], cells.map(String));
    }),
    { numRuns: 2000 },
  );
});

test('CSV round-trips quotes, commas, newlines and unicode; free-text formulas are neutralized, identifiers never', async () => {
  const dir = tmp();
  const cols = ['text', 'context', 'n', 'doc_id', 'value'];
  const rows = [
    { text: 'He said "hi", then left', context: 'line1\nline2', n: -3.5, doc_id: 'a', value: '2023' },
    { text: '=HYPERLINK("http://x")', context: '@SUM(A1)', n: 0, doc_id: '-5', value: '' },
    { text: 'Kyiv 🚀 é', context: '- a list item', n: null, doc_id: '=7', value: '+1' },
  ];
  const w = createWriter('csv', cols, join(dir, 'x.csv'));
  for (const r of rows) w.write(r);
  await w.end();
  const back = parse(readFileSync(join(dir, 'x.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  assert.equal(back[0].text, 'He said "hi", then left');
  assert.equal(back[0].context, 'line1\nline2');
  assert.equal(back[0].n, '-3.5', 'numbers are not neutralized');
  assert.equal(back[1].text, `'=HYPERLINK("http://x")`);
  assert.equal(back[1].context, `'@SUM(A1)`);
  assert.equal(back[1].doc_id, '-5', 'an identifier is written as it is, so it joins with the input');
  assert.equal(back[2].doc_id, '=7');
  assert.equal(back[2].value, '+1');
  assert.equal(back[2].text, 'Kyiv 🚀 é');
  assert.equal(back[2].context, "'- a list item");
  assert.equal(back[2].n, '');
  // Reading back restores what was written, in every column.
  const restored = back.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, fromCsvCell(k, v, false)])));
  assert.deepEqual(restored.map((r) => [r.text, r.context, r.doc_id]), rows.map((r) => [r.text, r.context, r.doc_id]));
  const raw = createWriter('csv', cols, join(dir, 'raw.csv'), { rawCsv: true });
  raw.write(rows[1]);
  await raw.end();
  assert.match(readFileSync(join(dir, 'raw.csv'), 'utf8'), /^text,context,n,doc_id,value\n"=HYPERLINK\(""http:\/\/x""\)",@SUM\(A1\),0,-5,\n$/);
  assert.equal(neutralizeCell('-x'), "'-x");
  assert.equal(neutralizeCell('\tx'), "'\tx");
});

test('--bom: a CSV starts with a UTF-8 byte order mark, read back without it', async () => {
  const dir = tmp();
  const w = createWriter('csv', ['doc_id', 'text'], join(dir, 'b.csv'), { bom: true });
  w.write({ doc_id: 'd1', text: 'Whangārei' });
  await w.end();
  const bytes = readFileSync(join(dir, 'b.csv'));
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const rows: Record<string, unknown>[] = [];
  for await (const r of readTable(join(dir, 'b.csv'), 'csv')) rows.push(r);
  assert.deepEqual(rows, [{ doc_id: 'd1', text: 'Whangārei' }]);
  const plain = createWriter('csv', ['doc_id'], join(dir, 'p.csv'));
  await plain.end();
  assert.equal(readFileSync(join(dir, 'p.csv'), 'utf8'), 'doc_id\n');
});

test('JSON and JSONL: missing values are null, integer columns are numbers; reading back restores the rows', async () => {
  const dir = tmp();
  const cols = ['doc_id', 'value', 'latitude', 'geonames_id', 'start', 'needs_anchor'];
  const rows = [
    { doc_id: 'a', value: '', latitude: null, geonames_id: '', start: 0, needs_anchor: false },
    { doc_id: 'b', value: '2023', latitude: 51.5, geonames_id: '2643743', start: 7, needs_anchor: true },
  ];
  for (const format of ['json', 'jsonl'] as const) {
    const w = createWriter(format, cols, join(dir, `t.${format}`));
    for (const r of rows) w.write(r);
    await w.end();
    const text = readFileSync(join(dir, `t.${format}`), 'utf8');
    const parsed = format === 'json' ? JSON.parse(text) : text.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(parsed[0], { doc_id: 'a', value: null, latitude: null, geonames_id: null, start: 0, needs_anchor: false });
    assert.deepEqual(parsed[1], { doc_id: 'b', value: '2023', latitude: 51.5, geonames_id: 2643743, start: 7, needs_anchor: true });
    const back: Record<string, unknown>[] = [];
    for await (const r of readTable(join(dir, `t.${format}`), format)) back.push(r);
    assert.deepEqual(back, rows);
  }
});

test('JSON is valid when empty and with rows; JSONL is one object per line', async () => {
  const dir = tmp();
  const e = createWriter('json', COLS, join(dir, 'e.json'));
  await e.end();
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'e.json'), 'utf8')), []);
  const j = createWriter('json', COLS, join(dir, 'j.json'));
  j.write({ a: 'x', b: 'y', n: 1 });
  j.write({ a: 'z', b: 'w', n: 2 });
  await j.end();
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'j.json'), 'utf8')), [{ a: 'x', b: 'y', n: 1 }, { a: 'z', b: 'w', n: 2 }]);
  const l = createWriter('jsonl', COLS, join(dir, 'l.jsonl'));
  l.write({ a: 'x', b: undefined, n: 1 });
  await l.end();
  assert.equal(readFileSync(join(dir, 'l.jsonl'), 'utf8'), '{"a":"x","b":null,"n":1}\n');
});

test('files appear under their name only when complete; abort leaves nothing', async () => {
  const dir = tmp();
  const w = createWriter('csv', COLS, join(dir, 'out.csv'));
  w.write({ a: '1', b: '2', n: 3 });
  assert.equal(existsSync(join(dir, 'out.csv')), false);
  await w.end();
  assert.equal(existsSync(join(dir, 'out.csv')), true);
  const x = createWriter('csv', COLS, join(dir, 'gone.csv'));
  x.write({ a: '1', b: '2', n: 3 });
  await x.abort();
  assert.equal(existsSync(join(dir, 'gone.csv')), false);
  assert.deepEqual(
    (await import('node:fs')).readdirSync(dir).sort(),
    ['out.csv'],
  );
});

test('snapshot comparison names changed rows and says how to create a missing snapshot', async () => {
  const a = tmp();
  const b = tmp();
  for (const [dir, text] of [[a, 'Putin'], [b, 'Medvedev']] as const) {
    for (const name of ['documents', 'entities', 'cooccurrences']) {
      const w = createWriter('csv', ['doc_id', 'entity_id', 'entity_a', 'entity_b'], join(dir, `${name}.csv`));
      await w.end();
    }
    const m = createWriter('csv', ['doc_id', 'start', 'end', 'type', 'text'], join(dir, 'mentions.csv'));
    m.write({ doc_id: 'd', start: 0, end: 5, type: 'PERSON', text });
    await m.end();
  }
  assert.equal((await compareSnapshot(a, a, 'csv')).same, true);
  const diff = await compareSnapshot(a, b, 'csv');
  assert.equal(diff.same, false);
  assert.match(diff.report, /mentions\.csv/);
  assert.match(diff.report, /Medvedev/);
  assert.match(diff.report, /Putin/);
  const missing = await compareSnapshot(a, join(b, 'nope'), 'csv');
  assert.match(missing.report, /--out-dir/);
});
