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

const ROOT = new URL('../fixtures/', import.meta.url).pathname;
const SRC = join(ROOT, 'annotated');
const TYPES = new Set(['PERSON', 'ORG', 'PLACE', 'DATE']);
const MARK = /\[\[([^\]|]+)\|([A-Z]+)(?:\|([^\]]*))?\]\]/g;

function normalizeCase(s) {
  if (s !== s.toUpperCase() || s === s.toLowerCase()) return s;
  const multi = /\s/.test(s.trim());
  return s.replace(/\p{L}+/gu, (w) => (!multi && w.length <= 3 ? w : w[0] + w.slice(1).toLowerCase()));
}

function parse(file) {
  const raw = readFileSync(join(SRC, file), 'utf8');
  const sep = raw.indexOf('\n---\n');
  if (sep < 0) throw new Error(`${file}: missing the --- line between header and body`);
  const header = Object.fromEntries(
    raw
      .slice(0, sep)
      .split('\n')
      .map((l) => l.match(/^(\w+):\s*(.*)$/))
      .filter(Boolean)
      .map((m) => [m[1], m[2].trim()]),
  );
  for (const k of ['id', 'dct', 'title', 'format']) if (!header[k]) throw new Error(`${file}: header needs "${k}:"`);
  const body = raw.slice(sep + 5).replace(/\s+$/, '');
  let text = '';
  let cp = 0;
  let last = 0;
  const entities = [];
  for (const m of body.matchAll(MARK)) {
    const before = body.slice(last, m.index);
    text += before;
    cp += Array.from(before).length;
    const [, surface, type, extra] = m;
    if (!TYPES.has(type)) throw new Error(`${file}: unknown type ${type} in ${m[0]}`);
    const len = Array.from(surface).length;
    const e = { start: cp, end: cp + len, type, text: surface };
    if (type === 'DATE') {
      if (!extra) throw new Error(`${file}: DATE ${m[0]} needs a value`);
      e.value = extra;
    } else e.canonical = extra || (type === 'ORG' ? surface : normalizeCase(surface));
    entities.push(e);
    text += surface;
    cp += len;
    last = m.index + m[0].length;
  }
  text += body.slice(last);
  if (text.includes('[[') || text.includes(']]')) throw new Error(`${file}: malformed annotation near "${text.slice(text.indexOf('[['), text.indexOf('[[') + 40)}"`);
  const cps = Array.from(text);
  for (const e of entities) if (cps.slice(e.start, e.end).join('') !== e.text) throw new Error(`${file}: offset mismatch for ${e.text}`);
  return { header, text, entities };
}

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
const docs = files.map(parse);
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
