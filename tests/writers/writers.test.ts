import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { createWriter, csvLine, neutralizeCell } from '../../src/writers/index.js';
import { compareSnapshot } from '../../src/writers/snapshot.js';
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

test('CSV round-trips quotes, commas, newlines and unicode; formulas are neutralized by default', async () => {
  const dir = tmp();
  const rows = [
    { a: 'He said "hi", then left', b: 'line1\nline2', n: -3.5 },
    { a: '=HYPERLINK("http://x")', b: '@SUM(A1)', n: 0 },
    { a: 'Kyiv 🚀 é', b: '+1 555', n: null },
  ];
  const w = createWriter(  'csv', COLS, join(dir, 'x.csv'));
  for (const r of rows) w.write(r);
  await w.end();
  const back = parse(readFileSync(join(dir, 'x.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  assert.equal(back[0].a, 'He said "hi", then left');
  assert.equal(back[0].b, 'line1\nline2');
  assert.equal(back[0].n, '-3.5', 'numbers are not neutralized');
  assert.equal(back[1].a, `'=HYPERLINK("http://x")`);
  assert.equal(back[1].b, `'@SUM(A1)`);
  assert.equal(back[2].a, 'Kyiv 🚀 é');
  assert.equal(back[2].b, "'+1 555");
  assert.equal(back[2].n, '');
  const raw = createWriter('csv', COLS, join(dir, 'raw.csv'), { rawCsv: true });
  raw.write(rows[1]);
  await raw.end();
  assert.match(readFileSync(join(dir, 'raw.csv'), 'utf8'), /^a,b,n\n"=HYPERLINK\(""http:\/\/x""\)",@SUM\(A1\),0\n$/);
  assert.equal(neutralizeCell('-x'), "'-x");
  assert.equal(neutralizeCell('\tx'), "'\tx");
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
