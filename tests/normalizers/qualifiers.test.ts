// Generic institution names and the place the text ties them to, on original sentences.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDocument } from '../../src/pipeline/extract.js';
import { isGenericOrgName } from '../../src/normalizers/qualifiers.js';

const rows = (text: string) => extractDocument({ id: 'd', source: '', title: '', date: '2024-03-05', text });

test('generic names are made of ordinary words; names of companies and people are not generic', () => {
  for (const n of ['Supreme Court', 'Foreign Ministry', 'Ministry of Foreign Affairs', 'Central Bank']) assert.ok(isGenericOrgName(n), n);
  for (const n of ['Danube Research Institute', 'Bethlehem Steel', 'Delta Air Lines', 'NATO']) assert.ok(!isGenericOrgName(n), n);
});

test('a generic ORG takes the place before it or after "of" as its qualifier; a bare use takes the last one', () => {
  const all = rows(
    'The U.S. Supreme Court declined the case on Monday. In Toronto, the Supreme Court of Canada ruled the same day. Canada\'s Supreme Court said a warrant was needed, and the Supreme Court added that the police had erred.',
  );
  // "Supreme Court of Canada" is one ORG (the longest name wins), its place inside it.
  const courts = all.filter((r) => r.type === 'ORG' && r.canonical.startsWith('Supreme Court'));
  assert.deepEqual(
    courts.map((r) => [r.text, r.value]),
    [
      ['Supreme Court', 'United States'],
      ['Supreme Court of Canada', 'Canada'],
      ['Supreme Court', 'Canada'],
      ['Supreme Court', 'Canada'],
    ],
  );
});

test('a provincial court and the national court of the same country are told apart', () => {
  const all = rows('The Supreme Court of British Columbia rejected the appeal on Thursday, and the Supreme Court of Canada may still hear it.');
  const courts = all.filter((r) => r.type === 'ORG' && r.canonical.startsWith('Supreme Court'));
  assert.deepEqual(
    courts.map((r) => [r.text, r.value]),
    [
      ['Supreme Court of British Columbia', 'British Columbia'],
      ['Supreme Court of Canada', 'Canada'],
    ],
  );
});

test('a generic name with no place in the text stays unqualified', () => {
  const all = rows('The Supreme Court heard arguments on Monday in a dispute over river water.');
  const court = all.find((r) => r.type === 'ORG' && r.canonical === 'Supreme Court');
  assert.ok(court);
  assert.equal(court!.value, '');
});
