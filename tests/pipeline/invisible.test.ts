import { test } from 'node:test';
import assert from 'node:assert/strict';
import { originalSpan, withoutInvisibles } from '../../src/pipeline/invisible.js';
import { extractDocument } from '../../src/pipeline/extract.js';

const SHY = '\u00AD';
const ZWSP = '\u200B';
const rows = (text: string) => extractDocument({ id: 'd', source: '', title: '', date: '2024-05-01', text });

test('a text without invisible characters is left alone (no copy, no map)', () => {
  assert.equal(withoutInvisibles('Plain text from Lisbon.'), null);
});

test('every invisible character goes, and visible offsets map back to the original ones', () => {
  const text = `a${SHY}b\u200Cc\u200Dd\u2060e\uFEFFf${ZWSP}g`;
  const v = withoutInvisibles(text)!;
  assert.equal(v.text, 'abcdefg');
  // "abcdefg" as a span of the original covers everything between a and g.
  assert.deepEqual(originalSpan(v, 0, 7), { start: 0, end: text.length });
  // "b" alone: the soft hyphen before it stays outside.
  assert.deepEqual(originalSpan(v, 1, 2), { start: 2, end: 3 });
});

test('soft hyphens and zero-width spaces inside words do not hide names from the lexicons, gazetteer and alias table', () => {
  const text = `The dele${SHY}gation of the Uni${ZWSP}ted Nations met Mar${SHY}garet Oyelaran in Lis${SHY}bon on Tues${ZWSP}day.`;
  const got = rows(text).map((m) => [m.type, m.text, m.canonical, m.start, m.end]);
  const span = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length];
  assert.deepEqual(got, [
    ['ORG', `Uni${ZWSP}ted Nations`, 'United Nations', ...span(`Uni${ZWSP}ted Nations`)],
    ['PERSON', `Mar${SHY}garet Oyelaran`, 'Margaret Oyelaran', ...span(`Mar${SHY}garet Oyelaran`)],
    ['PLACE', `Lis${SHY}bon`, 'Lisbon', ...span(`Lis${SHY}bon`)],
    ['DATE', `Tues${ZWSP}day`, '', ...span(`Tues${ZWSP}day`)],
  ]);
  // The same mentions as in the clean text, only the offsets and the surface differ.
  const clean = rows(text.replace(/[\u00AD\u200B]/g, ''));
  assert.deepEqual(clean.map((m) => [m.type, m.canonical, m.entity_id]), rows(text).map((m) => [m.type, m.canonical, m.entity_id]));
});

test('offsets are code points of the original text when it also holds astral characters', () => {
  const text = `\u{1F4F0} Ber${SHY}lin mayor Kai Wegner spoke.`;
  const berlin = rows(text).find((m) => m.type === 'PLACE')!;
  // One code point for the emoji, though it is two UTF-16 units.
  assert.equal(berlin.start, 2);
  assert.equal(berlin.end, 2 + `Ber${SHY}lin`.length);
  assert.equal(berlin.canonical, 'Berlin');
});
