import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entityId, slugify } from '../../src/linker/slug.js';
import { EntityTable } from '../../src/linker/aggregate.js';
import { CooccurrenceTable } from '../../src/linker/cooccur.js';
import type { OutputMention } from '../../src/types.js';

test('entity ids are readable, stable slugs', () => {
  assert.equal(entityId('PERSON', 'Vladimir Putin'), 'person:vladimir-putin');
  assert.equal(entityId('ORG', 'King’s College London'), 'org:kings-college-london');
  assert.equal(entityId('PLACE', 'Valparaíso'), 'place:valparaiso');
  assert.equal(entityId('PERSON', 'Владимир Путин'), 'person:владимир-путин');
  assert.equal(entityId('DATE', '2023-07'), 'date:2023-07');
  assert.equal(slugify('!!!'), slugify('!!!'));
  assert.match(slugify('!!!'), /^[0-9a-f]{10}$/);
});

function m(doc: string, n: number, type: OutputMention['type'], id: string, text: string, sentence: number): OutputMention {
  return {
    doc_id: doc, mention_id: `${doc}#${n}`, entity_id: id, type, text, start: n, end: n + 1, canonical: text, value: '',
    date_start: '', date_end: '', needs_anchor: false, place_kind: '', country_code: '', latitude: null, longitude: null,
    geonames_id: '', sentence, context: '',
  };
}

const D1 = [m('d1', 1, 'PERSON', 'person:a', 'Ann Lee', 0), m('d1', 2, 'PLACE', 'place:oslo', 'Oslo', 0), { ...m('d1', 3, 'PERSON', 'person:a', 'Lee', 1), canonical: 'Ann Lee' }];
const D2 = [m('d2', 1, 'PERSON', 'person:a', 'Ann Lee', 0), m('d2', 2, 'ORG', 'org:un', 'UN', 0), m('d2', 3, 'PLACE', 'place:oslo', 'Oslo', 1)];

test('entity rows aggregate across documents and do not depend on the order documents arrive in', () => {
  const x = new EntityTable();
  x.add('d1', '2020-01-01', D1);
  x.add('d2', '2019-05-05', D2);
  const y = new EntityTable();
  y.add('d2', '2019-05-05', D2);
  y.add('d1', '2020-01-01', D1);
  assert.deepEqual(x.rows(), y.rows());
  // The entity id comes from the linker: the name's slug.
  const ann = x.rows().find((r) => r.entity_id === 'person:ann-lee')!;
  assert.equal(ann.mention_count, 3);
  assert.equal(ann.document_count, 2);
  // Surface forms with their mention counts, most used first.
  assert.equal(ann.aliases, 'Ann Lee (2) | Lee (1)');
  assert.equal(ann.first_date, '2019-05-05');
  assert.equal(ann.last_date, '2020-01-01');
  assert.deepEqual(x.rows().map((r) => r.type), ['PERSON', 'ORG', 'PLACE']);
});

test('co-occurrences count shared documents and sentences', () => {
  const c = new CooccurrenceTable();
  c.add(D1);
  c.add(D2);
  const rows = c.rows();
  assert.deepEqual(rows.find((r) => r.entity_a === 'person:a' && r.entity_b === 'place:oslo'), { entity_a: 'person:a', entity_b: 'place:oslo', documents: 2, sentences: 1 });
  assert.deepEqual(rows.find((r) => r.entity_a === 'org:un' && r.entity_b === 'person:a'), { entity_a: 'org:un', entity_b: 'person:a', documents: 1, sentences: 1 });
});

test('vague dates (PAST_REF, PRESENT_REF, FUTURE_REF) are mentions without a linked entity', () => {
  assert.equal(entityId('DATE', 'PRESENT_REF'), '');
  assert.equal(entityId('DATE', 'PAST_REF'), '');
  assert.equal(entityId('DATE', 'FUTURE_REF'), '');
  assert.equal(entityId('DATE', '2023'), 'date:2023');
  const now = { ...m('d1', 4, 'DATE', '', 'now', 0), value: 'PRESENT_REF' };
  const t = new EntityTable();
  t.add('d1', '2020-01-01', [...D1, now]);
  const without = new EntityTable();
  without.add('d1', '2020-01-01', D1);
  // The vague date adds no entity: the rows are those of the document without it.
  assert.deepEqual(t.rows(), without.rows());
  assert.ok(t.rows().every((r) => r.type !== 'DATE'));
  const c = new CooccurrenceTable();
  c.add([...D1, now]);
  assert.ok(c.rows().every((r) => r.entity_a && r.entity_b));
});
