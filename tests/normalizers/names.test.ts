import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDocument } from '../../src/pipeline/extract.js';
import { foldNameWord, parsePersonName, titlePrefixLength } from '../../src/normalizers/names.js';

const canon = (text: string) => extractDocument({ id: 'd', source: '', title: '', date: '2023-07-19', text }).map((m) => [m.text, m.canonical, m.entity_id]);

test('a surname or first name links to the full name, before or after', () => {
  const rows = canon('Putin spoke first. Later, Russian President Vladimir Putin said the war would go on, and Vladimir repeated it.');
  assert.deepEqual(rows.filter((r) => r[2] === 'person:vladimir-putin').map((r) => r[0]), ['Putin', 'Vladimir Putin', 'Vladimir']);
});

test('an acronym takes the registered name only once the document spells it out', () => {
  const spelled = canon('The Secret Intelligence Service, known as MI6, hired him. MI6 denied it.');
  assert.ok(spelled.filter((r) => r[0] === 'MI6').every((r) => r[1] === 'Secret Intelligence Service'));
  const bare = canon('MI6 denied it.');
  assert.deepEqual(bare[0].slice(0, 2), ['MI6', 'MI6']);
  assert.equal(bare[0][2], spelled[0][2], 'one entity id either way');
});

test('ALL CAPS datelines and bylines get normal case in canonical names', () => {
  const rows = canon('NEW YORK — Officials met.\nBy NATALIA KOLESNIKOVA');
  assert.deepEqual(rows.map((r) => r[1]), ['New York', 'Natalia Kolesnikova']);
});

test('places resolve through the gazetteer to one entity and the longest form in the document', () => {
  const rows = canon('The United States and U.S. allies met.');
  assert.deepEqual(rows.map((r) => [r[0], r[1], r[2]]), [['United States', 'United States', 'place:united-states'], ['U.S.', 'United States', 'place:united-states']]);
});

test('extraction alone gives document-local ids: a surname in another document is linked later, by the linker (tests/linker)', () => {
  const a = extractDocument({ id: 'a', source: '', title: '', date: '', text: 'Vladimir Putin spoke in Moscow.' });
  const b = extractDocument({ id: 'b', source: '', title: '', date: '', text: 'Officials said Putin would not attend.' });
  assert.equal(a.find((m) => m.text === 'Vladimir Putin')?.entity_id, 'person:vladimir-putin');
  assert.equal(b.find((m) => m.text === 'Putin')?.entity_id, 'person:putin');
});

test('titles and ranks are never part of a canonical name, nor of the span', () => {
  const rows = canon('Attorney General Lorena Whitcomb opened an inquiry. President Walter H.R. Ashby agreed, and Sen. Okafor said nothing.');
  assert.deepEqual(rows.filter((r) => r[2].startsWith('person:')).map((r) => [r[0], r[1]]), [
    ['Lorena Whitcomb', 'Lorena Whitcomb'],
    ['Walter H.R. Ashby', 'Walter H.R. Ashby'],
    ['Okafor', 'Okafor'],
  ]);
  // A title word that is also a given name stays when only a surname would be left.
  assert.equal(titlePrefixLength('Earl Warren'), 0);
  assert.equal(titlePrefixLength('Chief Justice Earl Warren'), 'Chief Justice '.length);
  assert.equal(titlePrefixLength('Gen. Okafor'), 'Gen. '.length);
  // Only a common given name ("Earl", "Dean", "Major") is kept: a royal or military title is not one.
  assert.equal(titlePrefixLength('Dean Martinez'), 0);
  assert.equal(titlePrefixLength('King Otto'), 'King '.length);
  assert.equal(titlePrefixLength('General Prelogar'), 'General '.length);
});

test('lower-case particles stay in the name and the surname; a generational suffix is kept but is not the surname', () => {
  const rows = canon('The commissioner Katharina von der Brelen presented the quotas. Von der Brelen was firm, and Brelen did not move.');
  assert.equal(rows[0][1], 'Katharina von der Brelen');
  assert.ok(rows.filter((r) => r[0] === 'Brelen').every((r) => r[1] === 'Katharina von der Brelen'));
  assert.deepEqual(parsePersonName('Katharina von der Brelen'), { first: 'Katharina', middles: [], surname: 'von der Brelen', surnameCore: 'Brelen', suffix: '' });
  assert.deepEqual(parsePersonName('Raymond T. Castell Jr.'), { first: 'Raymond', middles: ['T.'], surname: 'Castell', surnameCore: 'Castell', suffix: 'Jr.' });
  assert.deepEqual(parsePersonName('George H.W. Bush').middles, ['H.', 'W.']);
  const jr = canon('Raymond Castell Jr. opened the bakery in 1990. "We still bake at four," Castell said.');
  assert.deepEqual(jr.filter((r) => r[2].startsWith('person:')).map((r) => r[1]), ['Raymond Castell Jr.', 'Raymond Castell Jr.']);
});

test('transliteration folding: accents, variant spellings, doubled letters and -iy/-y endings of surnames', () => {
  assert.equal(foldNameWord('Erdoğan', true), foldNameWord('Erdogan', true));
  assert.equal(foldNameWord('Zelenskyy', true), foldNameWord('Zelensky', true));
  assert.equal(foldNameWord('Zelenskiy', true), foldNameWord('Zelensky', true));
  assert.equal(foldNameWord('Yevgeny'), foldNameWord('Evgeny'));
  assert.equal(foldNameWord('Qaddafi', true), foldNameWord('Gadhafi', true));
  assert.notEqual(foldNameWord('Markov', true), foldNameWord('Marko', true));
});
