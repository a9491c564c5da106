#!/usr/bin/env node
// Cost of the sports step (src/resolver/sports.ts) alone, warm: every document of the
// fixtures, the dev seeds and the converted dev splits is analyzed and resolved once,
// then sportsSides is timed over them (all text, then the sports documents alone).
// Run after a build: node scripts/bench-sports.mjs
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { analyze } from '../dist/src/pipeline/analyze.js';
import { extractDocument, ruleSpans } from '../dist/src/pipeline/extract.js';
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
    prepared.push({ text, input, spans: ruleSpans(input), bytes: Buffer.byteLength(text), sport: isSportsCopy(sportsEvidence(input).evidence) });
  }
}
function time(docs, label, run, mb = 2, rounds = 8) {
  const bytes = docs.reduce((a, d) => a + d.bytes, 0);
  const reps = Math.max(1, Math.round((mb * 1e6) / bytes));
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < reps; k++) for (const d of docs) run(d);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  console.log(`${label}: ${docs.length} documents, ${(bytes / 1e6).toFixed(3)} MB x ${reps}: best ${((reps * bytes) / 1e6 / best).toFixed(2)} MB/s`);
  return (reps * bytes) / best;
}
const step = (d) => sportsSides(d.input, d.spans);
time(prepared, 'sports step, all documents', step);
const sports = prepared.filter((d) => d.sport);
const s = time(sports, 'sports step, sports copy', step);
const p = time(sports, 'whole pipeline, sports copy', (d) => extractDocument({ id: 'x', source: '', title: '', date: '2025-01-01', text: d.text }), 0.1, 3);
console.log(`the step's share of the pipeline's time on sports copy: ${((100 * p) / s).toFixed(1)}%`);
