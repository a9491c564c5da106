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
import { buildLexicon, lexicon } from '../../src/recognizers/lexicon.js';
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

test('the packed lexicon equals the one built in memory, and run time loads the packs', () => {
  const built = buildLexicon();
  assert.deepEqual(decodeLexicon(new Pack(encodePack(encodeLexicon(built)))), built);
  assert.deepEqual(lexicon(), built);
  assert.ok(gazetteer().byKey.get('paris')!.some((e) => e.cc === 'FR'));
});
