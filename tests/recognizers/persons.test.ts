import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/analyze.js';
import { findPersons } from '../../src/recognizers/persons.js';

function persons(text: string): string[] {
  const input = analyze({ id: 't', source: '', title: '', date: '', text });
  return findPersons(input).map((c) => text.slice(c.start, c.end));
}

test('a known first name and a surname make a person', () => {
  assert.deepEqual(persons('The report was written by analysts close to Victor Sheymov last winter.'), ['Victor Sheymov']);
});

test('titles and ranks stay outside the span', () => {
  assert.deepEqual(persons('It was signed by President Donald Trump on Friday.'), ['Donald Trump']);
  assert.deepEqual(persons('KGB Colonel Vitaly Yurchenko returned to Moscow.'), ['Vitaly Yurchenko']);
  assert.deepEqual(persons('He met Russian Foreign Minister Sergey Lavrov in May.'), ['Sergey Lavrov']);
});

test('possessive s is not part of the name', () => {
  assert.deepEqual(persons('Critics of Vladimir Putin’s war spoke out.'), ['Vladimir Putin']);
});

test('middle initials stay inside', () => {
  assert.deepEqual(persons('The essay by David V. Gioe appeared online.'), ['David V. Gioe']);
});

test('sentence-initial ordinary words and lone capitalized nouns are not people', () => {
  assert.deepEqual(persons('Secrets have a shelf life. Intelligence matters.'), []);
});

test('a byline in capitals is a person with a normalized canonical name', () => {
  const text = 'By NATALIA KOLESNIKOVA\nThe story follows.';
  const input = analyze({ id: 't', source: '', title: '', date: '', text });
  const c = findPersons(input);
  assert.equal(c.length, 1);
  assert.equal(text.slice(c[0].start, c[0].end), 'NATALIA KOLESNIKOVA');
  assert.equal(c[0].canonical, 'Natalia Kolesnikova');
});

test('thousands of capitalized words finish quickly', () => {
  const text = 'Alpha Beta Gamma Delta '.repeat(5000);
  const t0 = performance.now();
  persons(text);
  assert.ok(performance.now() - t0 < 2000);
});

test('an unknown single word is not a person just because "is", "will", "has" or a possessive follows it', () => {
  assert.deepEqual(persons('Analysts said Zorblax is expanding, that Quentary will hire and that Velmora has debts.'), []);
  assert.deepEqual(persons('Investors worry that Plindex’s growth has stalled.'), []);
  // A speech verb still is evidence, and so is a known surname before an auxiliary.
  assert.deepEqual(persons('Later, Okonkwo told reporters it was over.'), ['Okonkwo']);
  assert.deepEqual(persons('Officials said Smith has resigned.'), ['Smith']);
});
