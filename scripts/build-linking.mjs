#!/usr/bin/env node
// Builds fixtures/linking/linking.jsonl, the cross-document linking gold, from
// fixtures/linking/source.txt (format described at the top of that file).
// Entities carry `link`, the archive referent; `dossier eval` reports pairwise
// linking precision and recall over them. Run: node scripts/build-linking.mjs

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = new URL('../fixtures/linking/', import.meta.url).pathname;
const MARK = /\[\[([^\]|]+)\|([A-Z]+)\|([^\]|]*)\|([^\]|]+)\]\]/g;
const docs = [];
let cur = null;
for (const line of readFileSync(join(DIR, 'source.txt'), 'utf8').split('\n')) {
  if (line.startsWith('#')) continue;
  const head = /^=== (\S+) (\d{4}-\d{2}-\d{2})$/.exec(line);
  if (head) {
    cur = { id: head[1], dct: head[2], lines: [] };
    docs.push(cur);
  } else if (cur && line.trim()) cur.lines.push(line);
}
const out = [];
for (const d of docs) {
  const raw = d.lines.join('\n');
  let text = '';
  const entities = [];
  let last = 0;
  for (const m of raw.matchAll(MARK)) {
    text += raw.slice(last, m.index);
    const start = Array.from(text).length;
    text += m[1];
    entities.push({ start, end: start + Array.from(m[1]).length, type: m[2], text: m[1], canonical: m[3] || m[1], link: m[4] });
    last = m.index + m[0].length;
  }
  text += raw.slice(last);
  out.push(JSON.stringify({ id: d.id, dct: d.dct, text, entities, layers: ['PERSON', 'ORG', 'PLACE'] }));
}
writeFileSync(join(DIR, 'linking.jsonl'), `${out.join('\n')}\n`);
console.log(`fixtures/linking/linking.jsonl: ${docs.length} documents`);
