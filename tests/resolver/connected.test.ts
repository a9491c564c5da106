// Names cut at a lower-case connector are joined (src/resolver/connected.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/analyze.js';
import { joinConnectedNames } from '../../src/resolver/connected.js';
import type { EntityType } from '../../src/types.js';
import { spansOf } from './marks.js';

const doc = (text: string) => analyze({ id: 'j', source: 't', title: '', date: '2024-05-01', text });
const join = (text: string, marks: [string, EntityType][]) => joinConnectedNames(doc(text), spansOf(text, marks, 0.6)).map((c) => `${c.type}:${text.slice(c.start, c.end)}`);

test('a particle and a surname join the person; an institute takes its "for ..."; a Romance connector joins a place', () => {
  const text = 'Anthony van Dyck painted it. The Dunmore Institute for Coastal Research and the Palais des Nations hosted Ines de Castro.';
  assert.deepEqual(
    join(text, [['Anthony', 'PERSON'], ['Dyck', 'PERSON'], ['Dunmore Institute', 'ORG'], ['Palais', 'PLACE'], ['Ines', 'PERSON']]),
    ['PERSON:Anthony van Dyck', 'ORG:Dunmore Institute for Coastal Research', 'PLACE:Palais des Nations', 'PERSON:Ines de Castro'],
  );
});

test('two names joined by "and", a place after "of", or an ordinary word after a particle stay apart', () => {
  const text = 'Google and Facebook met the Governor of Texas, and Smith de Facto agreed. Officials for Spain left.';
  assert.deepEqual(
    join(text, [['Google', 'ORG'], ['Facebook', 'ORG'], ['Texas', 'PLACE'], ['Smith', 'PERSON'], ['Spain', 'PLACE']]),
    ['ORG:Google', 'ORG:Facebook', 'PLACE:Texas', 'PERSON:Smith', 'PLACE:Spain'],
  );
});

test('a given name and particles before a surname the tagger took alone join it', () => {
  const text = 'The painter Vincent van Gogh was born in 1853, and Marta van der Kolk wrote about him.';
  assert.deepEqual(join(text, [['Gogh', 'PERSON'], ['Kolk', 'PERSON']]), ['PERSON:Vincent van Gogh', 'PERSON:Marta van der Kolk']);
  // Not an ordinary capitalized word: "Museum van Loon" is no person's given name.
  const museum = 'They visited the Museum van Loon in Amsterdam.';
  assert.deepEqual(join(museum, [['Loon', 'PERSON']]), ['PERSON:Loon']);
});
