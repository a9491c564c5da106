#!/usr/bin/env node
// DATE values on unseen text: GUM's TEI <date when="..."> annotations (train and
// dev documents of the openly licensed genres; never test/test2, per splits.md),
// read straight from a git snapshot of amir-zeldes/gum; nothing is copied into
// this repository. The publication date is the document's dateCreated.
//   node scripts/eval-gum-dates.mjs [--git-dir DIR] [--dist DIR] [--errors]
// Prints how many dated gold spans a predicted DATE overlaps, and how many of
// those carry exactly the gold value. Build first (npx tsc -p tsconfig.json).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
const arg = (name, def) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : def; };
const dist = arg('--dist', fileURLToPath(new URL('../dist', import.meta.url)));
const showErrors = process.argv.includes('--errors');
const { extractDocument } = await import(`${dist}/src/pipeline/extract.js`);
const GIT = [`--git-dir=${arg('--git-dir', '/work/.mirror/amir-zeldes+gum/repo')}`];
const C = '72ce5ac14978a324c2fd18d49484e65292cbe316';
const splits = execFileSync('git', [...GIT, 'show', `${C}:splits.md`], { encoding: 'utf8' });
const test = new Set();
let sec = '';
for (const l of splits.split('\n')) {
  const h = /^## (\S+)/.exec(l); if (h) sec = h[1];
  const m = /^\s*\* (\S+)/.exec(l); if (m && (sec === 'test' || sec === 'test2')) test.add(m[1]);
}
const files = execFileSync('git', [...GIT, 'ls-tree', '--name-only', C, 'xml/'], { encoding: 'utf8' }).split('\n')
  .filter((f) => /GUM_(news|interview|bio|voyage|academic|court)_/.test(f)).filter((f) => !test.has(f.replace(/^xml\/|\.xml$/g, '')));
let gold = 0, found = 0, right = 0; const errs = [], misses = [];
for (const f of files) {
  const xml = execFileSync('git', [...GIT, 'show', `${C}:${f}`], { encoding: 'utf8' });
  const dct = /dateCreated="(\d{4}-\d{2}-\d{2})"/.exec(xml)?.[1] ?? '';
  let text = ''; const dates = []; const open = [];
  let noSpace = true;
  for (const line of xml.split('\n')) {
    let m;
    if ((m = /^<date\b([^>]*)>/.exec(line))) { open.push({ attrs: m[1], start: -1 }); continue; }
    if (line.startsWith('</date>')) { const d = open.pop(); if (d) { d.end = text.length; dates.push(d); } continue; }
    if (line.startsWith('</p>') || line.startsWith('</head>')) { text += '\n\n'; noSpace = true; continue; }
    if (line.startsWith('<')) continue;
    const tok = line.split('\t')[0];
    if (!tok) continue;
    const glue = noSpace || /^(?:[.,;:!?)\]%]|'s|'|n't|'re|'ve|'ll|'d|'m)$/i.test(tok);
    if (!glue) text += ' ';
    for (const d of open) if (d.start < 0) d.start = text.length;
    text += tok;
    noSpace = /^[(\[$]$/.test(tok);
  }
  const pred = extractDocument({ id: f, source: f, title: '', date: dct, text }).filter((r) => r.type === 'DATE');
  for (const d of dates) {
    const when = /when="([^"]+)"/.exec(d.attrs)?.[1];
    if (!when) continue;
    gold++;
    const p = pred.find((r) => r.start < d.end && r.end > d.start);
    if (!p) { misses.push(`${dct} ${JSON.stringify(text.slice(d.start, d.end))} gold ${when}`); continue; }
    found++;
    if (p.value === when) right++; else errs.push(`${dct} ${JSON.stringify(text.slice(d.start, d.end))} gold ${when} pred ${JSON.stringify(p.text)}=${p.value}` + `\n      ${JSON.stringify(text.slice(Math.max(0, d.start - 160), d.end + 60))}`);
  }
}
console.log(`GUM train+dev (${files.length} docs): ${gold} dated golds, found ${found} (${(found / gold).toFixed(3)}), value right ${right} (${(right / found).toFixed(3)} of found)`);
if (showErrors) console.log([...errs, "== missed:", ...misses].join("\n"));
