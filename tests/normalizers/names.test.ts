import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDocument } from '../../src/pipeline/extract.js';

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

test('a surname alone never merges with a full name from another document', () => {
  const a = extractDocument({ id: 'a', source: '', title: '', date: '', text: 'Vladimir Putin spoke in Moscow.' });
  const b = extractDocument({ id: 'b', source: '', title: '', date: '', text: 'Officials said Putin would not attend.' });
  assert.equal(a.find((m) => m.text === 'Vladimir Putin')?.entity_id, 'person:vladimir-putin');
  assert.equal(b.find((m) => m.text === 'Putin')?.entity_id, 'person:putin');
});
