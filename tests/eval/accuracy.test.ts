// The accuracy gate: extraction on the shared dev corpus, the fixtures' gold
// and the blind set must stay above the floors in accuracy-thresholds.json.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../../src/eval/gold.js';
import { predict } from '../../src/eval/index.js';
import { scoreCorpus } from '../../src/eval/score.js';
import { extractCorpusEntities } from '../../src/pipeline/extract.js';
import { corporaDir } from '../../src/tagger/build-corpora.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const thresholds = JSON.parse(readFileSync(join(ROOT, 'accuracy-thresholds.json'), 'utf8'));

const CORPORA = [
  { key: 'dev', path: join(ROOT, '..', 'shared', 'corpus', 'dev') },
  { key: 'fixtures', path: join(ROOT, 'fixtures', 'gold') },
  // Original web and wire articles scored and never read while tuning (fixtures/blind/README.md).
  { key: 'blind', path: join(ROOT, 'fixtures', 'blind', 'gold.jsonl') },
];

for (const c of CORPORA) {
  test(`accuracy on ${c.key} stays above the floors in accuracy-thresholds.json`, async (t) => {
    if (!existsSync(c.path)) {
      t.skip(`${c.path} not found: the shared corpus is expected in ../shared beside the repository`);
      return;
    }
    const gold = loadCorpus([c.path]);
    const r = scoreCorpus(gold, await predict(gold, extractCorpusEntities));
    const floor = thresholds[c.key];
    t.diagnostic(
      `${c.key}: strict micro F1 ${r.strict.ALL.f1.toFixed(3)} (PERSON ${r.strict.PERSON.f1.toFixed(3)}, ORG ${r.strict.ORG.f1.toFixed(3)}, PLACE ${r.strict.PLACE.f1.toFixed(3)}, DATE ${r.strict.DATE.f1.toFixed(3)}), value ${r.dateValue.accuracy.toFixed(3)}, canonical ${r.canonical.ALL.accuracy.toFixed(3)}`,
    );
    assert.ok(r.strict.ALL.f1 >= floor.micro_f1, `strict micro F1 ${r.strict.ALL.f1.toFixed(3)} < ${floor.micro_f1}`);
    for (const [type, min] of Object.entries(floor.type_f1) as [keyof typeof r.strict, number][]) {
      assert.ok(r.strict[type].f1 >= min, `${type} strict F1 ${r.strict[type].f1.toFixed(3)} < ${min}`);
    }
    assert.ok(r.dateValue.accuracy >= floor.date_value, `DATE value accuracy ${r.dateValue.accuracy.toFixed(3)} < ${floor.date_value}`);
    assert.ok(r.canonical.ALL.accuracy >= floor.canonical, `canonical accuracy ${r.canonical.ALL.accuracy.toFixed(3)} < ${floor.canonical}`);
  });
}

// The corpora's dev splits (converted by `npm run train` from the allow-listed
// snapshots): text the tagger was not trained on and the rules were not written on.
for (const [name, floor] of Object.entries(thresholds.corpora as Record<string, number>)) {
  if (name.startsWith('_')) continue;
  test(`accuracy on ${name} (a dev split never trained on) stays above its floor`, async (t) => {
    const path = join(corporaDir(), `${name}.jsonl`);
    if (!existsSync(path)) {
      t.skip(`${path} not found: run \`npm run train\` (it converts the corpora from their snapshots) to check this floor`);
      return;
    }
    const gold = loadCorpus([path]);
    const r = scoreCorpus(gold, await predict(gold, extractCorpusEntities));
    t.diagnostic(`${name}: strict micro F1 ${r.strict.ALL.f1.toFixed(3)} (PERSON ${r.strict.PERSON.f1.toFixed(3)}, ORG ${r.strict.ORG.f1.toFixed(3)}, PLACE ${r.strict.PLACE.f1.toFixed(3)})`);
    assert.ok(r.strict.ALL.f1 >= floor, `strict micro F1 ${r.strict.ALL.f1.toFixed(3)} < ${floor}`);
  });
}
