#!/usr/bin/env node
// Cost of the sports step (src/resolver/sports.ts) alone, warm: every document of the
// fixtures, the dev seeds and the converted dev splits is analyzed and resolved once,
// then sportsSides is timed over them (all text, then the sports documents alone).
// Run after a build: node scripts/bench-sports.mjs
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { analyze } from '../dist/src/pipeline/analyze.js';
import { ruleSpans } from '../dist/src/pipeline/extract.js';
import { isSportsCopy, sportsEvidence, sportsSides } from '../dist/src/resolver/sports.js';

const files = ['fixtures/gold/fixtures.jsonl'];
if (existsSync('../shared/corpus/dev')) files.push(...readdirSync('../shared/corpus/dev').filter((f) => f.endsWith('.jsonl')).map((f) => `../shared/corpus/dev/${f}`));
for (const c of ['gum', 'uner-ewt', 'wikigold', 'crossner-politics']) if (existsSync(`.scratch/corpora/${c}.dev.jsonl`)) files.push(`.scratch/corpora/${c}.dev.jsonl`);
const prepared = [];
for (const f of files) {
  for (const line of readFileSync(f, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const text = JSON.parse(line).text;
    const input = analyze({ id: 'x', source: '', title: '', date: '', text });
    prepared.push({ input, spans: ruleSpans(input), bytes: Buffer.byteLength(text), sport: isSportsCopy(sportsEvidence(input).evidence) });
  }
}
function time(docs, label, rounds = 12) {
  const bytes = docs.reduce((a, d) => a + d.bytes, 0);
  const reps = Math.max(1, Math.round(2e6 / bytes));
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < reps; k++) for (const d of docs) sportsSides(d.input, d.spans);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  console.log(`${label}: ${docs.length} documents, ${(bytes / 1e6).toFixed(2)} MB x ${reps}: best ${((reps * bytes) / 1e6 / best).toFixed(1)} MB/s`);
}
time(prepared, 'all');
time(prepared.filter((d) => d.sport), 'sports copy');
