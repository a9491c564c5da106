// Names the organization lists hold, left untagged by the tagger, become ORG (src/resolver/listed.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/analyze.js';
import { extractDocument } from '../../src/pipeline/extract.js';
import { listedOrgsNotPeople, uncoveredListedNames } from '../../src/resolver/listed.js';

const doc = (text: string) => ({ id: 'l', source: 't', title: '', date: '2024-05-01', text });
const listed = (text: string) => uncoveredListedNames(analyze(doc(text)), []).map((c) => text.slice(c.start, c.end));

test('a listed company in running text is an ORG where nothing tagged it', () => {
  assert.deepEqual(listed('The regulator fined Uber last month, and investors in Netflix cheered.'), ['Uber', 'Netflix']);
  const rows = extractDocument(doc('The regulator fined Uber last month, and investors in Netflix cheered.'));
  assert.deepEqual(rows.filter((m) => m.type === 'ORG').map((m) => m.text), ['Uber', 'Netflix']);
});

test('not a name that goes on, a sentence opener, an ordinary word, a code in capitals or a covered word', () => {
  // "Nasdaq Composite" is an index; "Netflix" opens the sentence (the tagger decides there).
  assert.deepEqual(listed('Netflix fell while the Nasdaq Composite rose 2 percent.'), []);
  // "target" the verb and "Ford" the surname stay with the lexicon.
  assert.deepEqual(listed('We will Target buyers, said Henry Ford.'), []);
  assert.deepEqual(listed('The call is at 10 AM CST with the LLC board.'), []);
  const text = 'The regulator fined Uber last month.';
  const at = text.indexOf('Uber');
  assert.deepEqual(uncoveredListedNames(analyze(doc(text)), [{ start: at, end: at + 4, type: 'PERSON', source: 'test', score: 0.5 }]), []);
});

test('a one-word person that an organization list holds, and no name list knows, is an ORG', () => {
  const text = 'Netflix said on Monday that Horace Netley and Greene met Uber.';
  const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type: 'PERSON' as const, source: 'test', score: 0.6 });
  const out = listedOrgsNotPeople(text, [span('Netflix'), span('Horace Netley'), span('Greene')]);
  assert.deepEqual(out.map((c) => `${c.type}:${text.slice(c.start, c.end)}`), ['ORG:Netflix', 'PERSON:Horace Netley', 'PERSON:Greene']);
});
