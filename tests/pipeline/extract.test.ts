// Whole-pipeline behaviour on short texts from genres the dev corpus does not cover.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDocument } from '../../src/pipeline/extract.js';

const rows = (text: string, date = '2024-04-12') =>
  extractDocument({ id: 'd', source: '', title: '', date, text }).map((m) => `${m.type}:${m.text}${m.value ? `=${m.value}` : ''}`);

test('sport: clubs, stadium, players, relative dates', () => {
  const got = rows('Manchester City beat Arsenal 3-1 at the Etihad Stadium on Saturday. Erling Haaland scored twice. The Premier League leaders face Liverpool next week.');
  for (const want of ['ORG:Manchester City', 'ORG:Arsenal', 'PLACE:Etihad Stadium', 'DATE:Saturday=2024-04-06', 'PERSON:Erling Haaland', 'ORG:Premier League', 'DATE:next week=2024-W16']) {
    assert.ok(got.includes(want), `${want} in ${got.join(', ')}`);
  }
});

test('markets: dateline, agency, officials with titles, companies', () => {
  const got = rows('WASHINGTON — The Federal Reserve held interest rates steady on Wednesday, Chair Jerome Powell told reporters. Treasury Secretary Janet Yellen welcomed the decision. Shares of Apple and Nvidia rose in New York.');
  for (const want of ['PLACE:WASHINGTON', 'ORG:Federal Reserve', 'DATE:Wednesday=2024-04-10', 'PERSON:Jerome Powell', 'PERSON:Janet Yellen', 'ORG:Apple', 'ORG:Nvidia', 'PLACE:New York']) {
    assert.ok(got.includes(want), `${want} in ${got.join(', ')}`);
  }
  assert.ok(!got.some((g) => g.includes('Chair') || g.includes('Secretary')), 'titles stay outside');
});

test('a sentence-initial preposition does not hide a place; adjectives are not places', () => {
  const got = rows('In Nairobi, Kenyan President William Ruto met officials from the African Union. "We need action now," Ruto said.');
  for (const want of ['PLACE:Nairobi', 'PERSON:William Ruto', 'ORG:African Union', 'DATE:now=PRESENT_REF', 'PERSON:Ruto']) assert.ok(got.includes(want), `${want} in ${got.join(', ')}`);
  assert.ok(!got.some((g) => g.includes('Kenyan')));
});
