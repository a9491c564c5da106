import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { findPlaces, placeRecognizer } from '../../src/recognizers/places.js';
import { analyze } from '../../src/pipeline/analyze.js';
import type { CorpusDocument } from '../../src/types.js';

// dist/tests/recognizers/ -> repo root
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
/** Candidates the resolver keeps (it drops scores below 0.3). */
const KEEP = 0.3;

function places(text: string): string[] {
  return findPlaces(text)
    .filter((c) => c.score >= KEEP)
    .map((c) => text.slice(c.start, c.end));
}

test('country abbreviations wherever they stand, also as modifiers', () => {
  assert.deepEqual(places('Two U.S. intelligence officials briefed the U.K. delegation.'), ['U.S.', 'U.K.']);
  assert.deepEqual(places('The US and the UK signed; the USA did not.'), ['US', 'UK', 'USA']);
  assert.deepEqual(places('It was a U.S.-led operation after then-U.S. envoys left.'), ['U.S.', 'U.S.']);
  assert.deepEqual(places('Send us the files; let us know.'), []);
});

test('ALL CAPS datelines are places with a normal-case canonical', () => {
  const text = 'LONDON — The talks collapsed.\nMOSCOW (Reuters) - Officials declined to comment.';
  const c = findPlaces(text).filter((x) => x.score >= KEEP);
  assert.deepEqual(c.map((x) => text.slice(x.start, x.end)), ['LONDON', 'MOSCOW']);
  assert.deepEqual(c.map((x) => x.canonical), ['London', 'Moscow']);
  const rio = 'RIO DE JANEIRO — Carnival began.';
  const r = findPlaces(rio);
  assert.equal(r[0].canonical, 'Rio de Janeiro');
});

test('place names inside hyphenated compounds', () => {
  assert.deepEqual(places('A London-based fund and a Moscow-backed militia clashed over Russia-Ukraine trade.'), [
    'London', 'Moscow', 'Russia', 'Ukraine',
  ]);
});

test('nationality adjectives are never places', () => {
  assert.deepEqual(places('Russian, British, Soviet and Western diplomats met Czechoslovak and American envoys.'), []);
  assert.deepEqual(places('A Soviet-era tank and Anglo-American ties.'), []);
});

test('common words and given names that are also towns are not tagged on their own', () => {
  assert.deepEqual(places('Reading the report took hours. Most of it was dull. Police said nothing.'), []);
  assert.deepEqual(places('Along the road, Nice weather and Mobile phones.'), []);
  assert.deepEqual(places('Florence Pugh and Jackson Browne met Vladimir Putin.'), []);
  assert.deepEqual(places('The Prague Spring and the Warsaw Pact shaped the era.'), []);
});

test('the same words are places with a preposition or a following state', () => {
  assert.deepEqual(places('They moved to Reading in 2010.'), ['Reading']);
  assert.deepEqual(places('She grew up in Mobile, Alabama.'), ['Mobile', 'Alabama']);
});

test('multiword names, longest match, St. abbreviation, connectors', () => {
  assert.deepEqual(places('Leaders from New York, Kuala Lumpur and St. Petersburg met near the Gulf of Mexico.'), [
    'New York', 'Kuala Lumpur', 'St. Petersburg', 'Gulf of Mexico',
  ]);
  assert.deepEqual(places('Bosnia and Herzegovina borders Croatia.'), ['Bosnia and Herzegovina', 'Croatia']);
  assert.deepEqual(places('the People’s Republic of China'), ['People’s Republic of China']);
});

test('the West as a noun, not as a direction or part of a name', () => {
  assert.deepEqual(places('Sanctions from the West have hurt.'), ['West']);
  assert.deepEqual(places('He drove to West Virginia and the West Bank.'), ['West Virginia', 'West Bank']);
  assert.deepEqual(places('West of the river, Kanye West sang.'), []);
});

test('City, State pairs: small towns and postal/AP abbreviations', () => {
  assert.deepEqual(places('Shots were fired in Uvalde, Texas, and Austin, TX, and in Sacramento, Calif., too.'), [
    'Uvalde', 'Texas', 'Austin', 'TX', 'Sacramento', 'Calif.',
  ]);
});

test('named facilities and features by their head word', () => {
  assert.deepEqual(places('The ceremony at Thun Palace and a cruise on Lake Baikal.'), ['Thun Palace', 'Lake Baikal']);
});

test('possessive and sentence-initial countries', () => {
  assert.deepEqual(places("Russia's Foreign Ministry said so. Turkey objected."), ['Russia', 'Turkey']);
});

test('the recognizer interface uses the analyzed text', () => {
  const text = 'Officials in Kyiv and Warsaw spoke.';
  const c = placeRecognizer.recognize(analyze({ id: 'x', source: '', title: '', date: '', text }));
  assert.equal(placeRecognizer.name, 'places');
  assert.deepEqual(c.map((x) => [text.slice(x.start, x.end), x.type, x.source]), [
    ['Kyiv', 'PLACE', 'places'],
    ['Warsaw', 'PLACE', 'places'],
  ]);
});

test('100 KB of adversarial capitalized text stays fast', () => {
  findPlaces('warm up the gazetteer in Paris');
  const words = ['New', 'York', 'Saint', 'Of', 'The', 'U.S.', 'Gulf', 'Lake', 'Palace', 'Reading', 'Rio', 'de', 'X-Y-Z', 'St.', ',', 'Texas'];
  let s = '';
  let k = 0;
  while (s.length < 100_000) s += words[(k = (k * 7 + 3) % words.length)] + (k % 5 === 0 ? ' ' : ' ');
  const long = 'Abc'.repeat(30000) + ' ' + 'A-'.repeat(20000) + 'B';
  const t0 = performance.now();
  findPlaces(s);
  findPlaces(long);
  findPlaces('Foo '.repeat(25000));
  const ms = performance.now() - t0;
  console.log(`adversarial 3 x ~100 KB: ${ms.toFixed(0)} ms`);
  assert.ok(ms < 2000, `${ms} ms`);
});

test('dev corpus: PLACE precision and recall of findPlaces against gold spans', (t) => {
  const file = path.resolve(repoRoot, '..', 'shared', 'corpus', 'dev', 'seeds.jsonl');
  if (!existsSync(file)) {
    t.skip('../shared/corpus/dev missing');
    return;
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as CorpusDocument;
    // Gold offsets are code points; convert ours (UTF-16) to code points.
    const cp: number[] = new Array(doc.text.length + 1);
    let n = 0;
    for (let i = 0; i < doc.text.length; i++) {
      cp[i] = n;
      const c = doc.text.charCodeAt(i);
      if (c < 0xd800 || c > 0xdbff) n++;
    }
    cp[doc.text.length] = n;
    const gold = new Set(doc.entities.filter((e) => e.type === 'PLACE').map((e) => `${e.start}:${e.end}`));
    const pred = new Set(
      findPlaces(doc.text)
        .filter((c) => c.score >= KEEP)
        .map((c) => `${cp[c.start]}:${cp[c.end]}`),
    );
    for (const p of pred) if (gold.has(p)) tp++;
    else fp++;
    for (const g of gold) if (!pred.has(g)) fn++;
  }
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  console.log(`dev PLACE (findPlaces alone, score >= ${KEEP}): tp=${tp} fp=${fp} fn=${fn} P=${p.toFixed(3)} R=${r.toFixed(3)}`);
  assert.ok(p >= 0.93, `precision ${p}`);
  assert.ok(r >= 0.95, `recall ${r}`);
});

test('a hyphenated compound joined by a connector is one place; other compounds give their place parts', () => {
  const text = 'From Île-de-France to Stratford-upon-Avon and Saint-Martin-de-Belleville; London-based firms; Russia-Ukraine talks; al-Raqqa.';
  const got = findPlaces(text).map((c) => text.slice(c.start, c.end));
  for (const whole of ['Île-de-France', 'Stratford-upon-Avon', 'Saint-Martin-de-Belleville', 'London', 'Russia', 'Ukraine']) assert.ok(got.includes(whole), `${whole} in ${got.join(' | ')}`);
  for (const part of ['France', 'Avon', 'Belleville', 'London-based', 'Russia-Ukraine']) assert.ok(!got.includes(part), `${part} in ${got.join(' | ')}`);
});
