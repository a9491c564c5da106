import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences, tokenize, analyze, sentenceAt } from '../../src/pipeline/analyze.js';

const sents = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

test('sentences end at . ! ? before a capital, not after titles, initials or U.S.', () => {
  assert.deepEqual(sents('Mr. Smith met Dr. Jones. They talked! Did it help? Yes.'), [
    'Mr. Smith met Dr. Jones.',
    'They talked!',
    'Did it help?',
    'Yes.',
  ]);
  assert.deepEqual(sents('David V. Gioe wrote that U.S. officials knew. The end.'), [
    'David V. Gioe wrote that U.S. officials knew.',
    'The end.',
  ]);
});

test('line breaks end sentences: bylines, captions and datelines are their own lines', () => {
  assert.deepEqual(sents('By Jane Doe\nLONDON — The talks failed\n\nPhoto: AFP'), ['By Jane Doe', 'LONDON — The talks failed', 'Photo: AFP']);
});

test('quotes after the terminator stay in the sentence', () => {
  assert.deepEqual(sents('He said "no." Then he left.'), ['He said "no."', 'Then he left.']);
});

test('tokens split possessives, keep dotted abbreviations, hyphenated and apostrophe names', () => {
  const text = "Putin’s aide met O'Brien and al-Assad in the U.S. on 2,000 London-based sites.";
  const toks = tokenize(text, splitSentences(text)).map((t) => t.text);
  assert.deepEqual(toks, ['Putin', '’s', 'aide', 'met', "O'Brien", 'and', 'al-Assad', 'in', 'the', 'U.S.', 'on', '2,000', 'London-based', 'sites', '.']);
});

test('a hyphen before a dotted abbreviation ends the word: "then-U.S. President", "ex-U.N. envoy"', () => {
  const words = (t: string) => analyze({ id: 't', source: 't', title: '', date: '', text: t }).tokens.map((k) => k.text);
  assert.deepEqual(words('then-U.S. President Ada Orr'), ['then', '-', 'U.S.', 'President', 'Ada', 'Orr']);
  assert.deepEqual(words('an ex-U.N. envoy'), ['an', 'ex', '-', 'U.N.', 'envoy']);
  assert.deepEqual(words('London-based al-Assad co-op'), ['London-based', 'al-Assad', 'co-op']);
});

test('token offsets index the original text', () => {
  const doc = { id: 'd', source: '', title: '', date: '', text: 'A 🚀 rocket for Ana Ruiz.\nSecond line.' };
  const a = analyze(doc);
  for (const t of a.tokens) assert.equal(doc.text.slice(t.start, t.end), t.text);
  assert.equal(a.sentences.length, 2);
  assert.equal(sentenceAt(a.sentences, doc.text.indexOf('Second')), 1);
  assert.equal(sentenceAt(a.sentences, 0), 0);
});

test('a 1 MB line of text without punctuation is analyzed in linear time', () => {
  const text = 'word Capital '.repeat(80_000);
  const t0 = performance.now();
  const a = analyze({ id: 'x', source: '', title: '', date: '', text });
  assert.equal(a.tokens.length, 160_000);
  assert.ok(performance.now() - t0 < 2000);
});
