// Whole-pipeline behaviour on short texts from genres the dev corpus does not cover.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { combineSpans, defaultRecognizers, evidenceSpans, extractDocument, extractPieces, pieceBounds, PIECE_CHARS, type PieceFailure } from '../../src/pipeline/extract.js';
import { analyze } from '../../src/pipeline/analyze.js';
import type { Recognizer } from '../../src/types.js';

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

test('a huge document is analyzed in bounded pieces: cuts at blank lines or sentence ends, offsets still exact', () => {
  const para = 'Angela Merkel met Emmanuel Macron in Paris on 3 May 2021. The talks at the Élysée Palace ran late. 😀 Olaf Scholz stayed in Berlin.\n\n';
  const text = para.repeat(Math.ceil((PIECE_CHARS * 3.5) / para.length));
  const bounds = pieceBounds(text);
  assert.ok(bounds.length >= 4);
  assert.equal(bounds[0][0], 0);
  assert.equal(bounds[bounds.length - 1][1], text.length);
  for (let i = 0; i < bounds.length; i++) {
    const [s, e] = bounds[i];
    assert.ok(e - s <= PIECE_CHARS && e > s);
    if (i > 0) assert.equal(s, bounds[i - 1][1]);
    if (i < bounds.length - 1) assert.ok(text.slice(s, e).endsWith('\n\n'), 'cut at a blank line');
  }
  // No blank lines: cut after a sentence end; no spaces at all: still bounded.
  const flat = 'Boris Johnson spoke in London. '.repeat(10_000);
  for (const [s, e] of pieceBounds(flat).slice(0, -1)) assert.ok(flat.slice(s, e).endsWith('. ') && e - s <= PIECE_CHARS);
  for (const [s, e] of pieceBounds('x'.repeat(PIECE_CHARS * 2 + 5))) assert.ok(e - s <= PIECE_CHARS);
  const doc = { id: 'huge', source: 'huge.txt', title: '', date: '2021-05-04', text };
  const mentions = extractDocument(doc);
  const cps = Array.from(text);
  const perPara = extractDocument({ ...doc, text: para });
  assert.equal(mentions.length, perPara.length * Math.ceil((PIECE_CHARS * 3.5) / para.length));
  for (const m of mentions) assert.equal(cps.slice(m.start, m.end).join(''), m.text);
  assert.deepEqual(new Set(mentions.map((m) => m.mention_id)).size, mentions.length);
  assert.ok(mentions.every((m, i) => i === 0 || m.start >= mentions[i - 1].end));
});

test('a huge document comes out piece by piece; a piece that throws is reported with its range and the others still come out', () => {
  const para = 'Angela Merkel met Emmanuel Macron in Paris on 3 May 2021. 😀 Olaf Scholz stayed in Berlin.\n\n';
  const copies = Math.ceil((PIECE_CHARS * 3.5) / para.length);
  const text = para.repeat(copies).replace(/Olaf Scholz/, 'Olaf Scholz POISON');
  const doc = { id: 'huge', source: 'huge.txt', title: '', date: '2021-05-04', text };
  const chunks = [...extractPieces(doc)];
  assert.equal(chunks.length, pieceBounds(text).length);
  const all = chunks.flat();
  assert.deepEqual(all, extractDocument(doc));
  assert.deepEqual(all.map((m) => m.mention_id), all.map((_, i) => `huge#${i + 1}`), 'mention numbers continue across pieces');
  assert.ok(chunks.every((c) => c.length > 0));

  // A recognizer that throws on the piece holding the marker: that piece alone is skipped.
  const poisoned: Recognizer = {
    name: 'poisoned',
    recognize: (input) => {
      if (input.text.includes('POISON')) throw new Error('boom');
      return [];
    },
  };
  const failures: PieceFailure[] = [];
  const recognizers = [...defaultRecognizers(), poisoned];
  const survived = [...extractPieces(doc, { recognizers }, (f) => failures.push(f))];
  assert.equal(survived.length, chunks.length - 1);
  assert.equal(failures.length, 1);
  const [s, e] = pieceBounds(text)[0];
  assert.deepEqual(failures[0], { start: 0, end: Array.from(text.slice(s, e)).length, message: 'boom' });
  // The surviving rows are exactly those of the other pieces, offsets unchanged.
  assert.deepEqual(survived.flat().map((m) => [m.start, m.end, m.text]), chunks.slice(1).flat().map((m) => [m.start, m.end, m.text]));
  assert.throws(() => [...extractPieces(doc, { recognizers })], /boom/, 'without a callback the error propagates');
});

test('a nationality adjective before a name the alias table knows stays outside it, unless the whole name is known', async () => {
  const { dropLeadingDemonyms } = await import('../../src/pipeline/extract.js');
  const { analyze } = await import('../../src/pipeline/analyze.js');
  const text = 'Richard Moore, chief of the British Secret Intelligence Service, spoke at the British Embassy in Prague.';
  const input = analyze({ id: 'd', source: '', title: '', date: '', text });
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  const sis = at('British Secret Intelligence Service');
  const emb = at('British Embassy');
  const known = new Map<string, string>([
    [`${sis.start + 'British '.length}:${sis.end}:ORG`, 'Secret Intelligence Service'],
    [`${emb.start}:${emb.end}:ORG`, 'British Embassy'],
  ]);
  const spans = [sis, emb].map((s) => ({ ...s, type: 'ORG' as const, source: 'tagger', score: 1 }));
  const out = dropLeadingDemonyms(input, spans, known).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(out, ['Secret Intelligence Service', 'British Embassy']);
  // Without a known name inside, the tagger's span is left as it is.
  assert.deepEqual(dropLeadingDemonyms(input, spans, new Map()).map((s) => text.slice(s.start, s.end)), ['British Secret Intelligence Service', 'British Embassy']);
});

test('an AP state abbreviation after a city stays a place when the tagger leaves it out', () => {
  const got = rows('Police in Wilmington, Del., questioned a man about a warehouse fire. Fishing crews in Portland, Ore., said they would wait.');
  for (const want of ['PLACE:Wilmington', 'PLACE:Del.', 'PLACE:Portland', 'PLACE:Ore.']) assert.ok(got.includes(want), `${want} in ${got.join(', ')}`);
});

test('combineSpans keeps a city or region the rules found where the tagger saw nothing, not a country', () => {
  const text = 'They met in Rio de Janeiro and then flew to France.';
  const input = analyze({ id: 't', source: 't', title: '', date: '', text });
  const rules = evidenceSpans(input).filter((r) => r.type === 'PLACE');
  const names = (cs: { start: number; end: number }[]) => cs.map((c) => text.slice(c.start, c.end));
  assert.deepEqual(names(rules), ['Rio de Janeiro', 'France']);
  assert.deepEqual(names(combineSpans(input, rules, [])), ['Rio de Janeiro']);
});
