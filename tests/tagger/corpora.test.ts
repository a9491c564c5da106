// Converters: corpus labels to our types and boundaries (titles, determiners,
// handles, possessives, places acting as governments), on small hand-written samples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyGuidelines, buildDocument, readConll, readGum } from '../../src/tagger/corpora.js';

const spans = (docs: ReturnType<typeof readConll>, orgPlaces = true) => {
  for (const d of docs) for (const s of d) applyGuidelines(s, { orgPlaces });
  return docs.map((d, i) => buildDocument(`d${i}`, d)).flatMap((d) => d.entities.map((e) => `${e.type}:${e.text}`));
};

test('UNER: titles and "the" outside, OTH dropped, governments are places, teams stay ORG', () => {
  const iob = [
    '# newdoc id = a',
    '# text = The Ministry said President Elena Voss met the Tavarian delegation in Dorvik.',
    ...['The\tB-ORG', 'Ministry\tI-ORG', 'said\tO', 'President\tB-PER', 'Elena\tI-PER', 'Voss\tI-PER', 'met\tO', 'the\tO', 'Tavarian\tB-OTH', 'delegation\tO', 'in\tO', 'Dorvik\tB-LOC', '.\tO'].map((l, i) => `${i + 1}\t${l}`),
    '',
    '# text = France and Germany agreed on Monday.',
    ...['France\tB-ORG', 'and\tO', 'Germany\tB-ORG', 'agreed\tO', 'on\tO', 'Monday\tO', '.\tO'].map((l, i) => `${i + 1}\t${l}`),
    '',
    '# text = Germany beat France 2-1 in the final.',
    ...['Germany\tB-ORG', 'beat\tO', 'France\tB-ORG', '2-1\tO', 'in\tO', 'the\tO', 'final\tO', '.\tO'].map((l, i) => `${i + 1}\t${l}`),
    '',
  ].join('\n');
  const got = spans(readConll(iob, { tokenCol: 1, labelCol: 2, sep: /\t/ }));
  assert.deepEqual(got, ['ORG:Ministry', 'PERSON:Elena Voss', 'PLACE:Dorvik', 'PLACE:France', 'PLACE:Germany', 'ORG:Germany', 'ORG:France']);
});

test('BTC-style CoNLL: handles are not entities, a possessive stays outside, adjacent B- entities stay apart', () => {
  const conll = ['RT\tO', '@\tB-ORG', 'NewsDesk\tB-ORG', ':\tO', 'Maria\tB-PER', 'Lund\tI-PER', "'s\tI-PER", 'visit\tO', 'to\tO', 'Oslo\tB-LOC', 'Bergen\tB-LOC', ''].join('\n');
  const got = spans(readConll(conll, { tokenCol: 0, labelCol: 1, sep: /\t| /, docPerSentence: true }));
  assert.deepEqual(got, ['PERSON:Maria Lund', 'PLACE:Oslo', 'PLACE:Bergen']);
});

test('wikigold IOB1: I- opens an entity after O or another type', () => {
  const conll = ['-DOCSTART- O', '', 'Anna I-PER', 'Berg I-PER', 'joined I-ORG', 'Nordbank I-ORG', '.  O', ''].join('\n');
  const got = spans(readConll(conll, { tokenCol: 0, labelCol: 1, sep: / /, iob1: true }));
  assert.deepEqual(got, ['PERSON:Anna Berg', 'ORG:joined Nordbank']);
});

test('GUM: only proper-name heads, the name run without title or determiner, groups of people dropped', () => {
  const row = (id: number, form: string, upos: string, feats: string, misc: string) => [id, form, form, upos, '_', feats, 0, 'dep', '_', misc].join('\t');
  const conllu = [
    '# text = Professor Lena Ortiz of the University of Calder thanked the agency and the Tavarians.',
    row(1, 'Professor', 'PROPN', 'Number=Sing', 'Entity=(1-person-new-sal-cf1-3-sgl'),
    row(2, 'Lena', 'PROPN', 'Number=Sing', '_'),
    row(3, 'Ortiz', 'PROPN', 'Number=Sing', '_'),
    row(4, 'of', 'ADP', '_', '_'),
    row(5, 'the', 'DET', '_', 'Entity=(2-organization-new-sal-cf2-2-sgl'),
    row(6, 'University', 'PROPN', 'Number=Sing', '_'),
    row(7, 'of', 'ADP', '_', '_'),
    row(8, 'Calder', 'PROPN', 'Number=Sing', 'Entity=(3-place-new-sal-cf3-1-sgl)2)1)'),
    row(9, 'thanked', 'VERB', '_', '_'),
    row(10, 'the', 'DET', '_', 'Entity=(4-organization-new-sal-cf4-2-sgl'),
    row(11, 'agency', 'NOUN', 'Number=Sing', 'Entity=4)'),
    row(12, 'and', 'CCONJ', '_', '_'),
    row(13, 'the', 'DET', '_', 'Entity=(5-person-new-sal-cf5-2-sgl'),
    row(14, 'Tavarians', 'PROPN', 'Number=Plur', 'Entity=5)|SpaceAfter=No'),
    row(15, '.', 'PUNCT', '_', '_'),
    '',
  ].join('\n');
  const sentences = readGum(conllu);
  for (const s of sentences) applyGuidelines(s, { orgPlaces: false });
  const doc = buildDocument('g', sentences);
  assert.deepEqual(doc.entities.map((e) => `${e.type}:${e.text}`), ['PERSON:Lena Ortiz', 'ORG:University of Calder']);
  assert.equal(doc.text, 'Professor Lena Ortiz of the University of Calder thanked the agency and the Tavarians.\n');
});

test('GUM: an organization is named by its head, not by the place inside it; joining words kept, coordinated places apart', () => {
  // Columns: id, form, lemma, upos, xpos, feats, head, deprel, deps, misc.
  const row = (id: number, form: string, upos: string, head: number, misc: string) => [id, form, form, upos, '_', 'Number=Sing', head, 'dep', '_', misc].join('\t');
  const conllu = [
    '# text = Mara Quist joined the University of Velmont and the Society for Coastal Studies in Dravia and Ostrel.',
    row(1, 'Mara', 'PROPN', 3, 'Entity=(1-person-new-sal-cf1-1,2-sgl'),
    row(2, 'Quist', 'PROPN', 1, 'Entity=1)'),
    row(3, 'joined', 'VERB', 0, '_'),
    row(4, 'the', 'DET', 5, 'Entity=(2-organization-new-sal-cf2-2,4-sgl'),
    row(5, 'University', 'PROPN', 3, '_'),
    row(6, 'of', 'ADP', 7, '_'),
    row(7, 'Velmont', 'PROPN', 5, 'Entity=(3-place-new-sal-cf3-1-sgl)2)'),
    row(8, 'and', 'CCONJ', 10, '_'),
    row(9, 'the', 'DET', 10, 'Entity=(4-organization-new-sal-cf4-2,5-sgl'),
    row(10, 'Society', 'PROPN', 5, '_'),
    row(11, 'for', 'ADP', 13, '_'),
    row(12, 'Coastal', 'ADJ', 13, '_'),
    row(13, 'Studies', 'PROPN', 10, 'Entity=4)'),
    row(14, 'in', 'ADP', 15, '_'),
    row(15, 'Dravia', 'PROPN', 3, 'Entity=(5-place-new-sal-cf5-1,3-sgl(6-place-new-sal-cf6-1-sgl)'),
    row(16, 'and', 'CCONJ', 17, '_'),
    row(17, 'Ostrel', 'PROPN', 15, 'Entity=(7-place-new-sal-cf7-1-sgl)5)|SpaceAfter=No'),
    row(18, '.', 'PUNCT', 3, '_'),
    '',
  ].join('\n');
  const sentences = readGum(conllu);
  for (const s of sentences) applyGuidelines(s, { orgPlaces: false });
  const doc = buildDocument('g', sentences);
  assert.deepEqual(doc.entities.map((e) => `${e.type}:${e.text}`), ['PERSON:Mara Quist', 'ORG:University of Velmont', 'ORG:Society for Coastal Studies', 'PLACE:Dravia', 'PLACE:Ostrel']);
});
