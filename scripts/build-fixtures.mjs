#!/usr/bin/env node
// Builds the fixtures from the annotated sources in fixtures/annotated/:
//   fixtures/gold/fixtures.jsonl  gold documents in the corpus format of ../shared/corpus/GUIDELINES.md
//   fixtures/articles/...         the same articles as input files (txt, md, html, jsonl, csv)
//
// Source format (one article per file):
//   id: 01-council-budget
//   dct: 2024-03-14
//   title: Headline
//   format: txt | md | html | jsonl | csv
//   genre: local news
//   ---
//   Body text with inline annotations: [[surface|TYPE]] or [[surface|TYPE|canonical]]
//   for PERSON/ORG/PLACE, [[surface|DATE|value]] for dates (TIMEX3 value).
// The canonical name defaults to the surface form; ALL CAPS person and place names
// in normal case ("LONDON" -> "London"; acronyms such as "UK" or "NASA" stay).
//
// Run: node scripts/build-fixtures.mjs (deterministic; the outputs are committed).

import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from './annotated-source.mjs';

const ROOT = new URL('../fixtures/', import.meta.url).pathname;
const SRC = join(ROOT, 'annotated');
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const csvCell = (s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function html(title, dct, text) {
  const paras = text.split('\n\n').map((p) => `      <p>${esc(p)}</p>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${esc(title)}</title>
  <meta property="article:published_time" content="${dct}T08:00:00Z">
</head>
<body>
  <nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/business">Business</a> | <a href="/sport">Sport</a></nav>
  <main>
    <article>
      <h1>${esc(title)}</h1>
${paras}
    </article>
  </main>
  <footer>Copyright The Dossier Fixture Gazette. Contact the newsroom. Privacy policy.</footer>
</body>
</html>
`;
}

const files = readdirSync(SRC).filter((f) => f.endsWith('.txt') || f.endsWith('.md') || f.endsWith('.html')).sort();
const docs = files.map((f) => parse(readFileSync(join(SRC, f), 'utf8'), f));
const ids = new Set();
for (const d of docs) {
  if (ids.has(d.header.id)) throw new Error(`duplicate id ${d.header.id}`);
  ids.add(d.header.id);
}

mkdirSync(join(ROOT, 'gold'), { recursive: true });
writeFileSync(
  join(ROOT, 'gold', 'fixtures.jsonl'),
  docs
    .map((d) => JSON.stringify({ id: d.header.id, dct: d.header.dct, title: d.header.title, source: 'fixture', genre: d.header.genre ?? '', text: d.text, entities: d.entities }))
    .join('\n') + '\n',
);

const out = join(ROOT, 'articles');
rmSync(out, { recursive: true, force: true });
for (const dir of ['txt', 'md', 'html']) mkdirSync(join(out, dir), { recursive: true });
const jsonl = [];
const csv = ['id,date,title,text'];
for (const d of docs) {
  const { id, dct, title, format } = d.header;
  if (format === 'txt') writeFileSync(join(out, 'txt', `${id}.txt`), `${d.text}\n`);
  else if (format === 'md') writeFileSync(join(out, 'md', `${id}.md`), `---\ndate: ${dct}\n---\n# ${title}\n\n${d.text}\n`);
  else if (format === 'html') writeFileSync(join(out, 'html', `${id}.html`), html(title, dct, d.text));
  else if (format === 'jsonl') jsonl.push(JSON.stringify({ id, date: dct, title, text: d.text }));
  else if (format === 'csv') csv.push([id, dct, title, d.text].map(csvCell).join(','));
  else throw new Error(`${id}: unknown format ${format}`);
}
writeFileSync(join(out, 'wire.jsonl'), jsonl.join('\n') + '\n');
writeFileSync(join(out, 'cms-export.csv'), csv.join('\n') + '\n');
const counts = {};
for (const d of docs) for (const e of d.entities) counts[e.type] = (counts[e.type] ?? 0) + 1;
console.log(`${docs.length} documents, ${Object.values(counts).reduce((a, b) => a + b, 0)} mentions`, counts);
