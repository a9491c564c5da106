import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scoreCorpus } from '../../src/eval/score.js';
import { loadCorpus } from '../../src/eval/gold.js';
import { formatErrors, formatTable } from '../../src/eval/report.js';
import type { CorpusDocument, CorpusEntity } from '../../src/types.js';
import { tempDir } from '../tmpdir.js';

const text = 'Vladimir Putin met officials in Moscow on Tuesday.';
const gold: CorpusDocument = {
  id: 'd1',
  dct: '2023-07-19',
  text,
  entities: [
    { start: 0, end: 14, type: 'PERSON', text: 'Vladimir Putin', canonical: 'Vladimir Putin' },
    { start: 32, end: 38, type: 'PLACE', text: 'Moscow', canonical: 'Moscow' },
    { start: 42, end: 49, type: 'DATE', text: 'Tuesday', value: '2023-07-18' },
  ],
};

test('exact predictions score 1 everywhere', () => {
  const r = scoreCorpus([gold], new Map([['d1', gold.entities]]));
  assert.equal(r.strict.ALL.f1, 1);
  assert.equal(r.lenient.ALL.f1, 1);
  assert.equal(r.dateValue.accuracy, 1);
  assert.equal(r.canonical.ALL.accuracy, 1);
  assert.equal(r.errors.length, 0);
});

test('a boundary error counts as wrong strictly, right leniently, and is listed as a boundary error', () => {
  const pred: CorpusEntity[] = [
    { start: 6, end: 14, type: 'PERSON', text: 'Putin', canonical: 'Putin' },
    { start: 32, end: 38, type: 'ORG', text: 'Moscow', canonical: 'Moscow' },
    { start: 42, end: 49, type: 'DATE', text: 'Tuesday', value: '2023-07-11' },
    { start: 23, end: 31, type: 'ORG', text: 'ials in ', canonical: 'x' },
  ];
  const r = scoreCorpus([gold], new Map([['d1', pred]]));
  assert.equal(r.strict.PERSON.tp, 0);
  assert.equal(r.lenient.PERSON.tp, 1);
  assert.equal(r.strict.DATE.tp, 1);
  assert.equal(r.dateValue.accuracy, 0);
  const kinds = r.errors.map((e) => e.kind).sort();
  assert.deepEqual(kinds, ['false_positive', 'wrong_boundary', 'wrong_type', 'wrong_value']);
  assert.match(formatErrors(r), /Wrong type/);
  assert.match(formatTable(r), /PERSON/);
});

test('duplicate predictions of one gold mention count once leniently', () => {
  const pred: CorpusEntity[] = [
    { start: 0, end: 8, type: 'PERSON', text: 'Vladimir' },
    { start: 9, end: 14, type: 'PERSON', text: 'Putin' },
  ];
  const r = scoreCorpus([gold], new Map([['d1', pred]]));
  assert.equal(r.lenient.PERSON.tp, 1);
  assert.equal(r.lenient.PERSON.fp, 1);
});

test('layers restrict scoring to the annotated types', () => {
  const datesOnly = { ...gold, layers: ['DATE' as const], entities: gold.entities.filter((e) => e.type === 'DATE') };
  const r = scoreCorpus([datesOnly], new Map([['d1', gold.entities]]));
  assert.equal(r.strict.ALL.fp, 0);
  assert.equal(r.strict.ALL.f1, 1);
});

test('gold offsets are checked in code points, with a helpful message', () => {
  const dir = tempDir('gold');
  const t = '🚀 Moscow';
  writeFileSync(join(dir, 'ok.jsonl'), JSON.stringify({ id: 'a', text: t, entities: [{ start: 2, end: 8, type: 'PLACE', text: 'Moscow' }] }) + '\n');
  assert.equal(loadCorpus([dir]).length, 1);
  writeFileSync(join(dir, 'bad.jsonl'), JSON.stringify({ id: 'b', text: t, entities: [{ start: 3, end: 9, type: 'PLACE', text: 'Moscow' }] }) + '\n');
  assert.throws(() => loadCorpus([join(dir, 'bad.jsonl')]), /bad\.jsonl:1.*code points/);
});
