// The generated packs (data/generated/) are what scripts/build-data.ts produces
// from the installed packages, and reading them gives what building in memory
// gives: same entries for every key, same word sets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { GENERATED } from '../../scripts/build-data.js';
import { encodePack, Pack } from '../../src/data/pack.js';
import { buildGazetteer, gazetteer } from '../../src/data/gazetteer.js';
import { decodeGazetteer, encodeGazetteer } from '../../src/data/gazetteer-pack.js';
import { buildLexicon, lexicon, type Lexicon } from '../../src/recognizers/lexicon.js';
import { DECODE_AFTER, PackedWordSet } from '../../src/data/word-set.js';
import { decodeLexicon, encodeLexicon } from '../../src/data/lexicon-pack.js';

test('every generated file holds the bytes the build script produces now', () => {
  for (const { path, build } of GENERATED) {
    const want = build();
    const have = readFileSync(path);
    assert.ok(Buffer.compare(have, want) === 0, `${path} is out of date: run npm run build`);
  }
});

test('the packed gazetteer answers every key as the one built in memory', () => {
  const built = buildGazetteer();
  const packed = decodeGazetteer(new Pack(encodePack(encodeGazetteer(built))));
  assert.equal(packed.byKey.size, built.byKey.size);
  for (const [key, list] of built.byKey) {
    const got = packed.byKey.get(key);
    assert.deepEqual(got, list, key);
    // Lookups return the same objects each time (callers compare entries by identity).
    assert.equal(packed.byKey.get(key), got);
  }
  for (const key of ['', 'qwzxv', 'berlin ', 'new  york', 'São Paulo', 'sao paulo x']) assert.equal(packed.byKey.get(key), built.byKey.get(key), key);
  for (const f of ['exact', 'stateAbbrev', 'countries', 'admins', 'borders', 'commonWords', 'nameLike', 'demonyms', 'needsDeterminer'] as const) {
    assert.deepEqual(packed[f], built[f], f);
  }
  assert.deepEqual(packed.facilityHeads, built.facilityHeads);
  assert.deepEqual(packed.facilityPrefixes, built.facilityPrefixes);
  assert.equal(packed.maxWords, built.maxWords);
  // One object per entry, whichever table reaches it.
  assert.equal(packed.countries.get('FR'), packed.byKey.get('france')![0]);
});

/** A lexicon with every word list as a sorted array, to compare a packed one with one built in memory. */
const plain = (lex: Lexicon) => Object.fromEntries(Object.entries(lex).map(([k, v]) => [k, typeof v === 'number' ? v : [...v].sort()]));

test('the packed lexicon equals the one built in memory, and run time loads the packs', () => {
  const built = buildLexicon();
  assert.deepEqual(plain(decodeLexicon(new Pack(encodePack(encodeLexicon(built))))), plain(built));
  assert.deepEqual(plain(lexicon()), plain(built));
  assert.ok(gazetteer().byKey.get('paris')!.some((e) => e.cc === 'FR'));
});

test('a big word list answers the same from its hash table and once decoded into a Set', () => {
  const built = buildLexicon();
  const packed = decodeLexicon(new Pack(encodePack(encodeLexicon(built))));
  const common = packed.common as PackedWordSet;
  assert.ok(common instanceof PackedWordSet && !common.isDecoded);
  // Words of the list (ASCII and not), near misses and strangers.
  const words = [...built.common].filter((_, i) => i % 97 === 0);
  const probes = [...words, ...words.map((w) => `${w}x`), ...words.map((w) => w.toUpperCase()), '', 'zzqxj', 'café', 'naïve', 'straße', '\u{1F600}'];
  const before = probes.map((w) => common.has(w));
  assert.deepEqual(before, probes.map((w) => built.common.has(w)));
  assert.ok(before.filter(Boolean).length >= words.length, 'every listed word is found');
  for (let i = 0; i <= DECODE_AFTER; i++) common.has('the');
  assert.ok(common.isDecoded, `decoded after ${DECODE_AFTER} look-ups`);
  assert.deepEqual(probes.map((w) => common.has(w)), before);
  assert.equal(common.size, built.common.size);
  // From then on the lexicon holds the Set itself.
  assert.ok(packed.common instanceof Set && packed.common.size === built.common.size);
});
