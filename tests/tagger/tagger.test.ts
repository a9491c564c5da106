// The committed model loads and tags original sentences that no training
// corpus contains; `npm run train`'s trainer turns a small gold file into a
// model that loads and tags (so training can't rot unseen).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/pipeline/analyze.js';
import { evidenceSpans } from '../../src/pipeline/extract.js';
import { readPack } from '../../src/data/pack.js';
import { PackedModel } from '../../src/tagger/model.js';
import { MODEL_FILE, shippedModel, tagSpans } from '../../src/tagger/tagger.js';
import { allowed, TAGS } from '../../src/tagger/features.js';
import type { Scorer } from '../../src/tagger/model.js';
import { tempDir } from '../tmpdir.js';

const tag = (text: string, model: Scorer) => {
  const input = analyze({ id: 't', source: '', title: '', date: '2025-03-04', text });
  return tagSpans(input, evidenceSpans(input), model).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
};

test('the committed model is a compact pack that loads in a blink', () => {
  assert.ok(existsSync(MODEL_FILE()), `${MODEL_FILE()} is committed`);
  assert.ok(statSync(MODEL_FILE()).size < 8e6, 'weights stay under 8 MB');
  const t0 = process.hrtime.bigint();
  const m = new PackedModel(readPack(MODEL_FILE()));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  assert.equal(m.nTags, TAGS.length);
  assert.deepEqual((m.meta as { tags: string[] }).tags, TAGS);
  // Not a timing assertion on speed, a guard against parsing creeping into loading.
  assert.ok(ms < 2000, `loaded in ${ms} ms`);
});

test('the committed model tags people, organizations and places in sentences it never saw', () => {
  const model = shippedModel()!;
  const cases: [string, string[]][] = [
    ['Marisol Quenneville, a spokeswoman for Halvorsen Logistics, said the company would close its depot in Rotterdam.', ['PERSON:Marisol Quenneville', 'ORG:Halvorsen Logistics', 'PLACE:Rotterdam']],
    ['Officials at the Department of Coastal Affairs in Lisbon said Ines Cardoso would lead the review.', ['ORG:Department of Coastal Affairs', 'PLACE:Lisbon', 'PERSON:Ines Cardoso']],
    ['Otieno Wambugu, an engineer from Nairobi, joined Kestrel Water Services in 2019.', ['PERSON:Otieno Wambugu', 'PLACE:Nairobi', 'ORG:Kestrel Water Services']],
    ['Bartholomew Achterberg told the Senate Finance Committee that Ohio needed the money.', ['PERSON:Bartholomew Achterberg', 'ORG:Senate Finance Committee', 'PLACE:Ohio']],
  ];
  for (const [text, want] of cases) {
    const got = tag(text, model);
    for (const w of want) assert.ok(got.includes(w), `${w} in ${got.join(', ')} (${text})`);
  }
});

test('decoding keeps BILOU well formed', () => {
  assert.ok(allowed('B-ORG', 'L-ORG') && !allowed('B-ORG', 'L-PERSON') && !allowed('B-ORG', 'O') && !allowed('O', 'I-PLACE') && allowed('U-PLACE', 'B-ORG'));
});

test('the trainer turns a gold file into a model that loads and tags', () => {
  const out = join(tempDir('train'), 'tiny.pack');
  const r = spawnSync(process.execPath, ['dist/src/tagger/train.js', '--gold', 'fixtures/gold/fixtures.jsonl', '--epochs', '2', '--out', out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const fixtures = readFileSync('fixtures/gold/fixtures.jsonl', 'utf8').trim().split('\n').length;
  assert.match(r.stderr, new RegExp(`prepared ${fixtures} documents`));
  const model = new PackedModel(readPack(out));
  assert.equal(model.nTags, TAGS.length);
  // Trained on the fixtures, it finds their people again.
  const got = tag('Mayor Daniel Osei said the vote would go ahead.', model);
  assert.ok(got.includes('PERSON:Daniel Osei'), got.join(', '));
});

test('the hashing sink gives hashKey of the feature names, so a weight dump can be read by name', async () => {
  const { HashSink, NameSink, sentenceInputs, staticFeatures, dynamicFeatures } = await import('../../src/tagger/features.js');
  const { hashKey } = await import('../../src/data/pack.js');
  const text = 'GENEVA (Reuters) - Marisol Quenneville of Halvorsen Logistics said on Tuesday the U.S. office would close.';
  const input = analyze({ id: 't', source: '', title: '', date: '', text });
  const { inputs } = sentenceInputs(input, evidenceSpans(input));
  let checked = 0;
  for (const s of inputs) {
    for (let i = 0; i < s.views.length; i++) {
      const names = new NameSink();
      const hashes = new HashSink();
      staticFeatures(s, i, names);
      staticFeatures(s, i, hashes);
      dynamicFeatures(s, i, 'B-ORG', 'O', 'PERSON', names);
      dynamicFeatures(s, i, 'B-ORG', 'O', 'PERSON', hashes);
      assert.deepEqual([...hashes.take()], names.out.map(hashKey));
      checked += names.out.length;
    }
  }
  assert.ok(checked > 500, `${checked} features checked`);
  assert.ok(new NameSink().out.length === 0);
});

test('only words with a capital or a leading digit open a name outside one', async () => {
  const { canOpen } = await import('../../src/tagger/tagger.js');
  for (const w of ['Oslo', 'al-Qaeda', 'eBay', '3M', 'ÉCOLE', 'Łódź']) assert.ok(canOpen(w), w);
  for (const w of ['the', 'said', '(', '—', ',', 'état', 'de']) assert.ok(!canOpen(w), w);
});

test('scoring as features are emitted (the shipped path) gives the tags that scoring feature lists gives', async () => {
  const { decodeDocument, prepareDocument } = await import('../../src/tagger/tagger.js');
  const model = shippedModel()!;
  // The same weights behind the list-only interface: decodeDocument takes the path training takes.
  const listOnly: Scorer = { nTags: model.nTags, addScores: (f, out, n) => model.addScores(f, out, n) };
  const texts = [
    'GENEVA (Reuters) - Marisol Quenneville of Halvorsen Logistics said on Tuesday the U.S. office would close.',
    'Bartholomew Achterberg told the Senate Finance Committee that Ohio needed the money; Achterberg later flew to Lagos.',
    'WASHINGTON — The Federal Reserve held rates, Chair Jerome Powell said. Shares of Apple and Nvidia rose in New York.',
  ];
  let nonO = 0;
  for (const text of texts) {
    const input = analyze({ id: 't', source: '', title: '', date: '2025-03-04', text });
    const rules = evidenceSpans(input);
    const fast = decodeDocument(model, prepareDocument(input, rules));
    const lists = decodeDocument(listOnly, prepareDocument(input, rules));
    assert.deepEqual([...fast], [...lists], text);
    nonO += fast.filter((t) => t !== 0).length;
  }
  assert.ok(nonO > 15, `${nonO} tokens tagged`);
});

test('a dash or a bracket ends a name: a dateline does not run into the sentence', () => {
  const got = tag('WASHINGTON — The Federal Reserve held interest rates steady on Wednesday.', shippedModel()!);
  assert.ok(!got.some((g) => g.includes('—')), got.join(', '));
  const got2 = tag('The Halvorsen Logistics (HL) depot in Rotterdam closed.', shippedModel()!);
  assert.ok(!got2.some((g) => g.includes('(') || g.includes(')')), got2.join(', '));
});
