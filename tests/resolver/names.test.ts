import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDocument } from '../../src/pipeline/extract.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { acronymsAreNotPeople, applyNameMechanics, cutTrailingDates, preferKnownAcronyms, preferKnownWholes } from '../../src/resolver/names.js';
import type { Candidate, EntityType } from '../../src/types.js';

const doc = (text: string) => ({ id: 'd', source: '', title: '', date: '2024-05-01', text });
/** Final output, "TYPE text" per mention; the rules alone with tagger: false. */
const spans = (text: string, tagger = true) => extractDocument(doc(text), { tagger }).map((m) => `${m.type} ${m.text}`);
const rows = (text: string) => extractDocument(doc(text));
const cand = (text: string, s: string, type: EntityType, from = 0, extra: Partial<Candidate> = {}): Candidate => {
  const start = text.indexOf(s, from);
  return { start, end: start + s.length, type, source: 'test', score: 0.6, ...extra };
};

// 1. Generational suffixes -------------------------------------------------

test('a generational suffix belongs to the person span, with or without the tagger', () => {
  for (const tagger of [true, false]) {
    const got = spans('Edmund Calloway III was sworn in on Monday. Calloway III thanked his staff.', tagger);
    assert.deepEqual(got.filter((s) => s.startsWith('PERSON')), ['PERSON Edmund Calloway III', 'PERSON Calloway III'], `tagger ${tagger}`);
  }
});

test('a generational suffix is never the surname: no lone "III" or "Jr." person, and the surname links to the full name', () => {
  const got = rows('Edmund Calloway III was sworn in on Monday. Calloway III thanked his staff, and Calloway left early.');
  assert.ok(!got.some((m) => m.type === 'PERSON' && /^(?:III|Jr\.?)$/.test(m.text)));
  const people = got.filter((m) => m.type === 'PERSON');
  assert.deepEqual([...new Set(people.map((m) => m.canonical))], ['Edmund Calloway III']);
  assert.deepEqual([...new Set(people.map((m) => m.entity_id))], [people[0].entity_id]);
  const jr = rows('Robert Haldane Jr. said the harvest was late. Haldane then left for the coast.').filter((m) => m.type === 'PERSON');
  assert.deepEqual(jr.map((m) => [m.text, m.canonical]), [['Robert Haldane Jr.', 'Robert Haldane Jr.'], ['Haldane', 'Robert Haldane Jr.']]);
});

test('a title word before a generational suffix is the surname: "King Jr." keeps "King" and its period', () => {
  for (const tagger of [true, false]) {
    const got = extractDocument(doc('Martin Luther King Jr. spoke in Atlanta. Years later King Jr. was remembered there.'), { tagger }).filter((m) => m.type === 'PERSON');
    assert.deepEqual(got.map((m) => [m.text, m.canonical]), [['Martin Luther King Jr.', 'Martin Luther King Jr.'], ['King Jr.', 'Martin Luther King Jr.']], `tagger ${tagger}`);
  }
  // The step itself: a suffix-only span takes the capitalized word before it; after a lower-case word it goes.
  const text = 'Later King Jr. left, and the junior Jr. stayed.';
  const out = applyNameMechanics(analyze(doc(text)), [cand(text, 'Jr', 'PERSON'), cand(text, 'Jr', 'PERSON', 20)]);
  assert.deepEqual(out.map((c) => text.slice(c.start, c.end)), ['King Jr.']);
});

test('the suffix step: a suffix after a person joins it, a span that is only a suffix goes', () => {
  const text = 'Marcus Ferrante Sr. founded it. Jr. was absent.';
  const input = analyze(doc(text));
  const out = applyNameMechanics(input, [cand(text, 'Marcus Ferrante', 'PERSON'), cand(text, 'Jr', 'PERSON')]);
  assert.deepEqual(out.map((c) => text.slice(c.start, c.end)), ['Marcus Ferrante Sr.']);
  // Not after a place or an organization: "World War II" is not a person's suffix.
  const war = 'The museum of World War II opened.';
  const kept = applyNameMechanics(analyze(doc(war)), [cand(war, 'World War', 'ORG')]);
  assert.deepEqual(kept.map((c) => war.slice(c.start, c.end)), ['World War']);
});

// 2. Company suffixes ------------------------------------------------------

test('a company suffix ends an ORG: inside the span, nothing after it', () => {
  assert.deepEqual(spans('Analysts at Kestrel Holdings Inc. expect a merger with Tamworth Ltd by spring.').filter((s) => s.startsWith('ORG')), [
    'ORG Kestrel Holdings Inc.',
    'ORG Tamworth Ltd',
  ]);
  assert.deepEqual(spans('Halvorsen Corp. reported a loss, while Quillan LLC said nothing.'), ['ORG Halvorsen Corp.', 'ORG Quillan LLC']);
});

test('a name followed by a company suffix is an ORG, not a person or a place', () => {
  assert.deepEqual(spans('Shares of Brindlewood Co. fell sharply after the report.'), ['ORG Brindlewood Co.']);
  assert.deepEqual(spans('Orvella plc said profits rose; Strunz AG and Vellacourt SA disagreed.'), ['ORG Orvella plc', 'ORG Strunz AG', 'ORG Vellacourt SA']);
  assert.deepEqual(spans('Shares of Brindlewood Co. fell sharply after the report.', false), ['ORG Brindlewood Co.']);
});

test('an ambiguous suffix after a place or a title is something else ("Texas AG", "Co. Kerry")', () => {
  const text = 'Texas AG Leland Moss sued the firm.';
  const out = applyNameMechanics(analyze(doc(text)), [cand(text, 'Texas', 'PLACE'), cand(text, 'Leland Moss', 'PERSON')]);
  assert.deepEqual(out.map((c) => `${c.type} ${text.slice(c.start, c.end)}`), ['PLACE Texas', 'PERSON Leland Moss']);
  const county = 'She grew up in Co. Kerry.';
  const same = applyNameMechanics(analyze(doc(county)), [cand(county, 'Kerry', 'PLACE')]);
  assert.deepEqual(same.map((c) => `${c.type} ${county.slice(c.start, c.end)}`), ['PLACE Kerry']);
});

// 3. Given names that are titles ------------------------------------------

test('a title word that is also a given name starts the name before a surname', () => {
  assert.deepEqual(spans('Dean Martinez said the budget would pass.'), ['PERSON Dean Martinez']);
  assert.deepEqual(spans('Earl Thistlewood arrived in the village on Friday.')[0], 'PERSON Earl Thistlewood');
  assert.deepEqual(spans('Major Okonkwo told reporters the convoy had left.'), ['PERSON Major Okonkwo']);
  assert.deepEqual(spans('But Major Okonkwo told reporters the convoy had left.', false), ['PERSON Major Okonkwo']);
});

test('the context makes it a title: a determiner, a title or capitalized word before it', () => {
  const text = 'The faculty heard Associate Dean Martinez, and the Major Okonkwo spoke after her. Army Major Fenwick agreed.';
  const input = analyze(doc(text));
  const out = applyNameMechanics(input, [cand(text, 'Martinez', 'PERSON'), cand(text, 'Okonkwo', 'PERSON'), cand(text, 'Fenwick', 'PERSON')]);
  assert.deepEqual(out.map((c) => text.slice(c.start, c.end)), ['Martinez', 'Okonkwo', 'Fenwick']);
  assert.deepEqual(spans('The Dean of the faculty said the budget would pass.'), []);
});

test('a title that is not a given name stays outside ("King Otto", "Queen Beatrix")', () => {
  const people = spans('In 1871 King Otto signed the decree; Queen Beatrix later visited.').filter((s) => s.startsWith('PERSON'));
  assert.deepEqual(people, ['PERSON Otto', 'PERSON Beatrix']);
});

// 4. Dates after an organization ------------------------------------------

test('a weekday after an ORG is a DATE of its own', () => {
  assert.deepEqual(spans('The Senate Tuesday voted to delay the bill.'), ['ORG Senate', 'DATE Tuesday']);
  assert.deepEqual(spans('The Federal Reserve on Wednesday raised rates, and the Bundestag Thursday approved the plan.'), [
    'ORG Federal Reserve',
    'DATE Wednesday',
    'ORG Bundestag',
    'DATE Thursday',
  ]);
});

test('the date cut: only a trailing weekday or dated day, never the name itself', () => {
  const text = 'The Harbour Board March 4 meeting and Theresa May spoke; the Sunday Herald agreed.';
  const cands = [
    cand(text, 'Harbour Board March 4', 'ORG'),
    cand(text, 'March 4', 'DATE'),
    cand(text, 'Theresa May', 'PERSON'),
    cand(text, 'May', 'DATE'),
    cand(text, 'Sunday Herald', 'ORG'),
    cand(text, 'Sunday', 'DATE'),
  ];
  const out = cutTrailingDates(cands, text).map((c) => `${c.type} ${text.slice(c.start, c.end)}`);
  assert.deepEqual(out, ['ORG Harbour Board', 'DATE March 4', 'PERSON Theresa May', 'DATE May', 'ORG Sunday Herald', 'DATE Sunday']);
});

// 6. Acronyms and tiny towns ----------------------------------------------

test('a known organization acronym beats a tiny town of the same spelling', () => {
  assert.deepEqual(spans('The EU imposed sanctions, and NATO warned Moscow.'), ['ORG EU', 'ORG NATO', 'PLACE Moscow']);
});

test('the acronym step keeps countries, large cities and words that are not acronyms', () => {
  const text = 'EU and UK and NYC and Harvard';
  const known = (s: string) => cand(text, s, 'ORG', 0, { canonical: `${s} Organization` });
  const rules = ['EU', 'UK', 'NYC', 'Harvard'].map(known);
  const tagged = ['EU', 'UK', 'NYC', 'Harvard'].map((s) => cand(text, s, 'PLACE'));
  const out = preferKnownAcronyms(text, rules, tagged).map((c) => `${c.type} ${text.slice(c.start, c.end)}`);
  assert.deepEqual(out, ['ORG EU', 'PLACE UK', 'PLACE NYC', 'PLACE Harvard']);
  assert.deepEqual(preferKnownAcronyms(text, [], tagged), tagged);
});

test('a given-name title alone later in the document is the title, not the person', () => {
  const got = spans('Dean Martinez said the budget would pass. Later the Dean of the faculty resigned, and Martinez left.');
  assert.deepEqual(got, ['PERSON Dean Martinez', 'PERSON Martinez']);
});

test('after a comma the tagger’s reading of "Acme, Inc." stands (the corpora disagree), but the suffix alone is no name', () => {
  const text = 'Pellworth, Inc. hired him, and Orland, Inc. did not.';
  const out = applyNameMechanics(analyze(doc(text)), [cand(text, 'Pellworth', 'ORG'), cand(text, 'Inc.', 'ORG'), cand(text, 'Orland, Inc.', 'ORG')]);
  assert.deepEqual(out.map((c) => `${c.type} ${text.slice(c.start, c.end)}`), ['ORG Pellworth', 'ORG Orland, Inc.']);
});

test('a name the rules know in full replaces the tagger pieces inside it, never a tagger span that reaches past it', () => {
  const text = 'The Securities and Exchange Commission and Bank of America Merrill Lynch said.';
  const at = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length] as const;
  const cand = (s: string, type: Candidate['type'], canonical?: string): Candidate => {
    const [start, end] = at(s);
    return { start, end, type, source: canonical ? 'orgs' : 'tagger', score: 0.9, ...(canonical ? { canonical } : {}) };
  };
  const rules = [cand('Securities and Exchange Commission', 'ORG', 'Securities and Exchange Commission'), cand('Bank of America', 'ORG', 'Bank of America')];
  const tagged = [cand('Exchange Commission', 'ORG'), cand('Bank of America Merrill Lynch', 'ORG')];
  const out = preferKnownWholes(rules, tagged);
  assert.deepEqual(out.map((c) => [text.slice(c.start, c.end), c.canonical ?? '']), [
    ['Securities and Exchange Commission', 'Securities and Exchange Commission'],
    ['Bank of America Merrill Lynch', ''],
  ]);
  // Two pieces of one known place become the place.
  const t2 = 'Bosnia and Herzegovina';
  const out2 = preferKnownWholes(
    [{ start: 0, end: t2.length, type: 'PLACE', source: 'places', score: 0.8, canonical: t2 }],
    [{ start: 0, end: 6, type: 'PLACE', source: 'tagger', score: 0.8 }, { start: 11, end: t2.length, type: 'PLACE', source: 'tagger', score: 0.8 }],
  );
  assert.deepEqual(out2.map((c) => [c.start, c.end]), [[0, t2.length]]);
});

test('an acronym in running text is an organization, not a person; in an all-caps headline a name in capitals stays a person', () => {
  const text = 'KELVA STRIKES DEAL\nA spokesman for KELVA said the deal was signed. Ms. Orr spoke.';
  const sentences = [{ start: 0, end: 18 }, { start: 19, end: 67 }, { start: 68, end: text.length }];
  const at = (s: string, from = 0) => text.indexOf(s, from);
  const person = (start: number, len: number): Candidate => ({ start, end: start + len, type: 'PERSON', source: 'tagger', score: 0.8 });
  const out = acronymsAreNotPeople(text, sentences, [person(at('KELVA'), 5), person(at('KELVA', 10), 5), person(at('Orr'), 3)]);
  assert.deepEqual(out.map((c) => c.type), ['PERSON', 'ORG', 'PERSON']);
});

test('a surname with its particle takes the full name as canonical ("De Smet" after "Koen De Smet")', () => {
  const got = rows('Museum director Koen De Smet said the paintings were safe. "We will need weeks," De Smet said.').filter((m) => m.type === 'PERSON');
  assert.deepEqual(got.map((m) => [m.text, m.canonical]), [['Koen De Smet', 'Koen De Smet'], ['De Smet', 'Koen De Smet']]);
  assert.equal(new Set(got.map((m) => m.entity_id)).size, 1);
});
