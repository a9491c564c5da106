#!/usr/bin/env node
// Builds the blind evaluation set: fixtures/blind/annotated/*.txt -> fixtures/blind/gold.jsonl
// (shared corpus format, code-point offsets). See fixtures/blind/README.md: this set is scored,
// never read while tuning the extractor.
//
// Run: node scripts/build-blind.mjs (deterministic; the output is committed).

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from './annotated-source.mjs';

const ROOT = new URL('../fixtures/blind/', import.meta.url).pathname;
const SRC = join(ROOT, 'annotated');

const files = readdirSync(SRC).filter((f) => f.endsWith('.txt')).sort();
const docs = files.map((f) => parse(readFileSync(join(SRC, f), 'utf8'), f));
const ids = new Set();
for (const d of docs) {
  const { id, dct } = d.header;
  if (ids.has(id)) throw new Error(`duplicate id ${id}`);
  ids.add(id);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dct)) throw new Error(`${id}: dct must be YYYY-MM-DD`);
  // Entities must not overlap (parse() checks each span against the text by code points).
  const sorted = [...d.entities].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i].start < sorted[i - 1].end) throw new Error(`${id}: overlapping entities ${sorted[i - 1].text} / ${sorted[i].text}`);
  const cps = Array.from(d.text);
  for (const e of d.entities) {
    if (cps.slice(e.start, e.end).join('') !== e.text) throw new Error(`${id}: offset mismatch for ${e.text}`);
    if (e.text !== e.text.trim() || e.text === '') throw new Error(`${id}: span with outer spaces: "${e.text}"`);
  }
}

writeFileSync(
  join(ROOT, 'gold.jsonl'),
  docs
    .map((d) => JSON.stringify({ id: d.header.id, dct: d.header.dct, title: d.header.title, source: 'blind', genre: d.header.genre ?? '', text: d.text, entities: d.entities }))
    .join('\n') + '\n',
);
const counts = {};
for (const d of docs) for (const e of d.entities) counts[e.type] = (counts[e.type] ?? 0) + 1;
console.log(`${docs.length} documents, ${Object.values(counts).reduce((a, b) => a + b, 0)} mentions`, counts);
