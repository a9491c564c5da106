// A dateline names a place, even when its city is also a given name (src/resolver/datelines.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datelinePlaces } from '../../src/resolver/datelines.js';
import { extractDocument } from '../../src/pipeline/extract.js';
import type { Candidate } from '../../src/types.js';

const person = (text: string, s: string): Candidate => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type: 'PERSON', source: 'test', score: 0.6 });

test('an all-caps place at a line start before an agency, a dash or a date is a PLACE', () => {
  for (const text of ['SANTIAGO (Reuters) - Copper output rose.', 'Headline\nSANTIAGO, Chile (AP) - Copper output rose.', 'SANTIAGO — Copper output rose.', 'SANTIAGO, Nov 3 - Copper output rose.', 'SANTIAGO 1998-11-03 Copper output rose.']) {
    assert.deepEqual(datelinePlaces(text, [person(text, 'SANTIAGO')]).map((c) => c.type), ['PLACE'], text);
  }
});

test('not a byline, a name in running text, or a name the gazetteer does not know as a place', () => {
  for (const [text, name] of [
    ['By JOHN SMITH (Reuters) - Talks resumed.', 'JOHN SMITH'],
    ['Santiago (Reuters) - Talks resumed.', 'Santiago'],
    ['They met SANTIAGO (Reuters) - later.', 'SANTIAGO'],
    ['MARGUERITE QUILLFEATHER (Reuters) - Talks resumed.', 'MARGUERITE QUILLFEATHER'],
  ]) {
    assert.deepEqual(datelinePlaces(text, [person(text, name)]).map((c) => c.type), ['PERSON'], text);
  }
  const got = extractDocument({ id: 'd', source: 't', title: '', date: '2022-05-26', text: 'SANTIAGO (Reuters) - Rescue teams reached six miners in northern Chile on Wednesday.' });
  assert.equal(got.find((m) => m.text === 'SANTIAGO')?.type, 'PLACE');
});
