// What a name names, on original sentences written for these tests: companies
// named after towns, "District of Columbia", plural demonyms, towns qualified
// by their state.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDocument } from '../../src/pipeline/extract.js';
import { isCompanyName, isDemonymPlural, refineReferents, uncoveredCompanies } from '../../src/resolver/referents.js';
import type { Candidate } from '../../src/types.js';

const rows = (text: string) => extractDocument({ id: 'd', source: '', title: '', date: '2024-03-05', text });

test('a company named after a town is an ORG, never a plotted place', () => {
  const text = 'Shares of Bethlehem Steel fell on Monday, and Nashua Corp. said it would close a plant. Delta Air Lines added two flights.';
  const all = rows(text);
  for (const name of ['Bethlehem Steel', 'Delta Air Lines']) {
    const m = all.find((r) => r.text === name);
    assert.ok(m, `${name} is a mention (got ${all.map((r) => `${r.text}/${r.type}`).join(', ')})`);
    assert.equal(m!.type, 'ORG', name);
    assert.equal(m!.latitude, null);
  }
  const nashua = all.find((r) => r.text.startsWith('Nashua'));
  assert.equal(nashua?.type, 'ORG');
  assert.ok(!all.some((r) => r.type === 'PLACE'), 'no place in a sentence about three companies');
});

test('the mechanism on spans: a PLACE ending in a company head, or followed by one, becomes the ORG', () => {
  const text = 'Workers at Bethlehem Steel voted, and Gary Motors hired.';
  const span = (s: string, type: Candidate['type']): Candidate => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type, source: 't', score: 1 });
  const out = refineReferents(text, [span('Bethlehem', 'PLACE'), span('Gary Motors', 'PLACE')]);
  assert.deepEqual(
    out.map((c) => [text.slice(c.start, c.end), c.type]),
    [
      ['Bethlehem Steel', 'ORG'],
      ['Gary Motors', 'ORG'],
    ],
  );
  assert.ok(isCompanyName('Allegheny Steel'));
  assert.ok(!isCompanyName('Steel'), 'a head word alone is not a company');
  // A known place whose last word is a company head stays a place.
  const mills = 'The mall in Owings Mills closed early.';
  const om = refineReferents(mills, [{ start: 12, end: 24, type: 'PLACE', source: 't', score: 1 }]);
  assert.equal(mills.slice(om[0].start, om[0].end), 'Owings Mills');
  assert.equal(om[0].type, 'PLACE');
});

test('a bare use of a company\'s first word is the company, but not after a preposition of place', () => {
  const text =
    'Allegheny Steel said it would build a plant in Reading, Pa. Reading Corp., a separate company, would not bid. Officials in Reading welcomed the plan, and Allegheny said hiring would start in May.';
  const all = rows(text);
  const allegheny = all.find((r) => r.text === 'Allegheny');
  assert.equal(allegheny?.type, 'ORG');
  assert.equal(allegheny?.canonical, 'Allegheny Steel');
  const reading = all.filter((r) => r.text === 'Reading');
  assert.ok(reading.length >= 1);
  for (const r of reading) assert.equal(r.type, 'PLACE', 'the town of Reading, where a company shares its name');
  assert.equal(all.find((r) => r.text.startsWith('Reading Corp'))?.type, 'ORG');
  // On the spans themselves (whether the tagger finds the second town is the tagger's business): after "in" it stays the town.
  const at = (s: string, from = 0) => ({ start: text.indexOf(s, from), end: text.indexOf(s, from) + s.length });
  const officials = text.indexOf('Officials in Reading');
  const spans = [
    { ...at('Reading Corp.'), type: 'ORG' as const, source: 't', score: 1 },
    { ...at('Reading', officials), type: 'PLACE' as const, source: 't', score: 1 },
  ];
  const out = refineReferents(text, spans).map((c) => [text.slice(c.start, c.end), c.type]);
  assert.deepEqual(out, [['Reading Corp.', 'ORG'], ['Reading', 'PLACE']]);
});

test('plural demonyms are not entities: never a place, never an organization', () => {
  for (const w of ['New Yorkers', 'Texans', 'Californians', 'Chicagoans', 'Israelis', 'Londoners']) assert.ok(isDemonymPlural(w), w);
  for (const w of ['Athens', 'Memphis', 'Rogers', 'Evans', 'New York', 'Yankees']) assert.ok(!isDemonymPlural(w), w);
  const all = rows('Many New Yorkers spend August on the coast, and Texans were not far behind, the mayor of Boston said.');
  assert.ok(!all.some((r) => r.text === 'New Yorkers' || r.text === 'Texans'), all.map((r) => r.text).join(', '));
  assert.ok(!all.some((r) => r.entity_id.includes('new-yorker')));
  assert.ok(all.some((r) => r.text === 'Boston' && r.type === 'PLACE'));
});

test('"District of Columbia" is the district, not a town called Columbia', () => {
  const text = 'The District of Columbia will raise its minimum wage.';
  const span = refineReferents(text, [{ start: text.indexOf('Columbia'), end: text.indexOf('Columbia') + 8, type: 'PLACE', source: 't', score: 1 }]);
  assert.equal(text.slice(span[0].start, span[0].end), 'District of Columbia', 'the span grows over "District of", not over "The"');
  const all = rows(
    'Lawmakers in the District of Columbia voted on Tuesday to raise the minimum wage. The District of Columbia council said the change would start in July. Officials in Columbia, S.C., said they would watch.',
  );
  const sc = all.find((r) => r.text === 'Columbia');
  assert.ok(sc && sc.place_kind === 'city' && sc.latitude! < 35, 'Columbia, S.C. is the city');
  const dc = all.filter((r) => r.type === 'PLACE' && r.text.startsWith('District'));
  assert.ok(dc.length >= 2, all.map((r) => `${r.text}/${r.type}`).join(', '));
  for (const r of dc) {
    assert.equal(r.text, 'District of Columbia');
    assert.equal(r.entity_id, 'place:district-of-columbia');
    assert.equal(r.place_kind, 'region');
    assert.ok(Math.abs(r.latitude! - 38.9) < 0.5, 'Washington, not South Carolina');
  }
});

test('a town before ", <state>" is found whole and resolved in that state', () => {
  const all = rows('BLUE BELL, Pa. — A drug maker based in Blue Bell, Pa., said on Tuesday it would cut 200 jobs.');
  const bell = all.filter((r) => /bell/i.test(r.text));
  assert.deepEqual(
    bell.map((r) => r.text),
    ['BLUE BELL', 'Blue Bell'],
  );
  for (const r of bell) {
    assert.equal(r.canonical, 'Blue Bell');
    assert.equal(r.country_code, 'US');
    assert.ok(r.longitude! > -76 && r.longitude! < -75, 'Blue Bell, Pennsylvania, not Bell, California');
  }
});

test('a place name ending with an institution head word is an ORG, unless the gazetteer knows the whole as a place', () => {
  const text = 'Brackwater City Council met in Brackwater. The Soviet Union and the West Bank were mentioned.';
  const span = (s: string, type: Candidate['type']): Candidate => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type, source: 'tagger', score: 0.8 });
  const out = refineReferents(text, [span('Brackwater City Council', 'PLACE'), span('Soviet Union', 'PLACE'), span('West Bank', 'PLACE')]);
  assert.deepEqual(out.map((s) => [text.slice(s.start, s.end), s.type]), [
    ['Brackwater City Council', 'ORG'],
    ['Soviet Union', 'PLACE'],
    ['West Bank', 'PLACE'],
  ]);
  // One word is never re-typed: "Council" alone is no name.
  const lone = refineReferents('Council', [{ start: 0, end: 7, type: 'PLACE', source: 'tagger', score: 0.8 }]);
  assert.equal(lone[0].type, 'PLACE');
});

test('the bare first word of a company named in full is the company where nothing covers it, not after "in" nor at a sentence start', () => {
  const text = 'Harwell Steel said on Monday that Harwell would cut jobs. Harwell is a town. Workers in Harwell protested.';
  const full = { start: 0, end: 13, type: 'ORG' as const, source: 'tagger', score: 0.9 };
  const out = refineReferents(text, [full]);
  const bare = out.filter((s) => s !== full && text.slice(s.start, s.end) === 'Harwell');
  assert.deepEqual(bare.map((s) => [s.start, s.type, s.canonical]), [[text.indexOf('Harwell would'), 'ORG', 'Harwell Steel']]);
});

test('a run of capitalized words ending with a company head is a company where nothing covers it', () => {
  const text = 'Yesterday Harwell Steel said it would hire. Marlow Air Lines and Kestrel Motors were not named; the steel price rose.';
  const covered: Candidate = { start: text.indexOf('Kestrel'), end: text.indexOf('Kestrel') + 14, type: 'PERSON', source: 'tagger', score: 0.8 };
  const got = uncoveredCompanies(text, [covered]).map((c) => [text.slice(c.start, c.end), c.type]);
  assert.deepEqual(got, [['Harwell Steel', 'ORG'], ['Marlow Air Lines', 'ORG']]);
});
