// Property-based: random and mutated documents through the whole pipeline.
// Invariants: no throw; every mention's text equals the document text at
// [start, end) in code points; no overlapping mentions; DATE values well-formed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractDocument } from '../../src/pipeline/extract.js';
import { codePointLength } from '../../src/pipeline/offsets.js';

const TIMEX = /^(?:$|PAST_REF|PRESENT_REF|FUTURE_REF|\d{4}(?:-(?:\d{2}(?:-\d{2})?|W\d{2}|SP|SU|FA|WI|Q[1-4]|H[12]))?|\d{3}X|\d{2}XX)$/;

const NEWS_WORDS = [
  'President', 'Vladimir', 'Putin', 'said', 'on', 'Tuesday', 'the', 'CIA', 'in', 'Moscow', 'last', 'year', 'U.S.',
  'officials', 'met', 'Sir', 'Richard', 'Moore', '’s', 'May', '2019', 'March', '3,', '2024', 'Ministry', 'of',
  'Defence', 'LONDON', '—', 'By', 'Jane', 'Doe', '(Reuters)', '-', 'the', '1960s', 'Kremlin', 'Federal', 'Security',
  'Service', '(FSB)', 'today', 'two', 'years', 'earlier', '🚀', 'é', '\n', '\n\n', '"', 'Paris', 'Georgia', 'Inc.',
];

const newsText = fc
  .array(fc.constantFrom(...NEWS_WORDS), { minLength: 0, maxLength: 80 })
  .map((ws) => ws.join(' '));

const mutated = fc.tuple(newsText, fc.string({ maxLength: 40, unit: 'grapheme' }), fc.nat()).map(([t, junk, at]) => {
  const i = t.length === 0 ? 0 : at % t.length;
  return t.slice(0, i) + junk + t.slice(i);
});

function check(text: string, date: string): void {
  const mentions = extractDocument({ id: 'p', source: 'prop', title: '', date, text });
  const cps = Array.from(text);
  let lastEnd = -1;
  for (const m of mentions) {
    assert.equal(cps.slice(m.start, m.end).join(''), m.text, `span text at ${m.start}-${m.end}`);
    assert.ok(m.start < m.end);
    assert.ok(m.start >= lastEnd, `mentions overlap at ${m.start}`);
    lastEnd = m.end;
    if (m.type === 'DATE') assert.match(m.value, TIMEX, `DATE value "${m.value}" for "${m.text}"`);
  }
}

test('random news-like documents keep the invariants', () => {
  fc.assert(
    fc.property(newsText, fc.constantFrom('', '2023-07-19', '2015-03-01'), (text, date) => check(text, date)),
    { numRuns: 300, seed: 42 },
  );
});

test('mutated documents (random unicode inserted) keep the invariants', () => {
  fc.assert(fc.property(mutated, (text) => check(text, '2022-06-06')), { numRuns: 300, seed: 7 });
});

test('fully random strings keep the invariants', () => {
  fc.assert(fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (text) => check(text, '2020-01-01')), { numRuns: 300, seed: 3 });
});

test('codePointLength counts what Array.from counts, lone surrogates included', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 60, unit: 'binary' }), fc.array(fc.constantFrom('\ud83d', '\ude80', '🚀', 'a'), { maxLength: 6 }), (s, extra) => {
      const text = s + extra.join('');
      assert.equal(codePointLength(text), Array.from(text).length);
    }),
    { numRuns: 2000, seed: 5 },
  );
});
