#!/usr/bin/env node
// What a wink-nlp part-of-speech stage would cost the tagger (issue 14 item 1,
// docs/tagger.md "wink-nlp"), in CPU seconds (process.cpuUsage: the machine is
// shared, so wall time says more about the neighbours than about the code):
//
//   1. start-up, each in a fresh node process, median of --runs (5):
//      - wink-nlp + wink-eng-lite-web-model load (require + winkNLP(model, ['pos']));
//      - wink-nlp alone on one short article (scripts/wink-alone.mjs, the
//        start-up baseline the project compares itself with);
//      - dossier (warmUp + extractDocument) on the same article;
//   2. throughput on the bench corpus (--mb, 1.5 MB of recombined news text,
//      scripts/bench.ts buildCorpus), best of --passes (3) after one warm-up pass:
//      - the POS stage as the tagger would run it: readDoc with pipe ['pos'] on the
//        whole document, POS tags aligned to dossier's tokens by character offsets;
//      - the same with wink's default pipe (what wink-alone runs), for reference;
//      - wink's tokenizer alone and with its sentence splitter, against dossier's
//        own analyze (tokens and sentences, which the pipeline runs anyway);
//      - dossier's in-process pipeline (extractDocument with the shipped tagger).
//
// Run after `npx tsc -p tsconfig.json` (it reads dist/):
//   node scripts/measure-wink-pos.mjs [--mb 1.5] [--runs 5] [--passes 3]
//
// The accuracy half of the experiment (POS features in the tagger, trained
// with three seeds with and without them) is scripts/wink-pos-features.patch;
// docs/tagger.md gives the commands and the figures.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const arg = (name, def) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : def;
};
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (s) => `${(s * 1000).toFixed(0)} ms`;

// Child modes: one measurement in this (fresh) process, printed as JSON.
const mode = arg('--child');
if (mode === 'load') {
  const c0 = cpu();
  const t0 = performance.now();
  const nlp = require('wink-nlp')(require('wink-eng-lite-web-model'), ['pos']);
  const c1 = cpu();
  nlp.readDoc('A first sentence, tagged once.');
  console.log(JSON.stringify({ cpu: c1 - c0, wall: (performance.now() - t0) / 1000, processCpu: cpu() }));
  process.exit(0);
}
if (mode === 'dossier') {
  const { readFileSync } = await import('node:fs');
  const { extractDocument, warmUp } = await import(join(root, 'dist/src/pipeline/extract.js'));
  warmUp();
  extractDocument({ id: 'a', source: 'a', title: '', date: '2024-01-01', text: readFileSync(arg('--file'), 'utf8') });
  console.log(JSON.stringify({ processCpu: cpu() }));
  process.exit(0);
}

const runs = Number(arg('--runs', 5));
const passes = Number(arg('--passes', 3));
const mb = Number(arg('--mb', 1.5));

/** Runs a node command `runs` times; the process's own CPU (user + system, from /usr/bin/time -f) and wall time, medians. */
function processCost(args) {
  const cpus = [];
  const walls = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const p = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, ...args], { cwd: root, encoding: 'utf8' });
    walls.push((performance.now() - t0) / 1000);
    if (p.status !== 0) throw new Error(`${args.join(' ')}: ${p.stderr}`);
    const [u, s] = p.stderr.trim().split('\n').pop().split(' ').map(Number);
    cpus.push(u + s);
  }
  return { cpu: median(cpus), wall: median(walls) };
}

const { buildCorpus } = await import(join(root, 'dist/scripts/bench.js'));
const docs = buildCorpus(mb * 1e6);
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
const article = docs.find((d) => d.text.length > 2000 && d.text.length < 4000) ?? docs[0];
const dir = mkdtempSync(join(tmpdir(), 'wink-pos-'));
const articleFile = join(dir, 'article.txt');
writeFileSync(articleFile, article.text);

console.log(`node ${process.version}; corpus ${docs.length} documents, ${(bytes / 1e6).toFixed(2)} MB; short article ${Buffer.byteLength(article.text)} bytes`);

// 1. Start-up.
const loads = [];
for (let r = 0; r < runs; r++) {
  const p = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', 'load'], { cwd: root, encoding: 'utf8' });
  loads.push(JSON.parse(p.stdout));
}
console.log(`wink-nlp model load (require + winkNLP(model, ['pos'])), fresh process, median of ${runs}: ${ms(median(loads.map((l) => l.cpu)))} CPU, ${ms(median(loads.map((l) => l.wall)))} wall`);
const node0 = processCost(['-e', '0']);
const winkAlone = processCost(['scripts/wink-alone.mjs', articleFile]);
const dossierOne = processCost([fileURLToPath(import.meta.url), '--child', 'dossier', '--file', articleFile]);
console.log(`whole process on one short article, median of ${runs} (CPU / wall): node -e 0 ${ms(node0.cpu)} / ${ms(node0.wall)}; wink-nlp alone ${ms(winkAlone.cpu)} / ${ms(winkAlone.wall)}; dossier in process (warmUp + extractDocument) ${ms(dossierOne.cpu)} / ${ms(dossierOne.wall)}`);

// 2. Throughput.
const { analyze } = await import(join(root, 'dist/src/pipeline/analyze.js'));
const { extractDocument, warmUp } = await import(join(root, 'dist/src/pipeline/extract.js'));
warmUp();
const winkPos = require('wink-nlp')(require('wink-eng-lite-web-model'), ['pos']);
const winkAll = require('wink-nlp')(require('wink-eng-lite-web-model'));
const winkTok = require('wink-nlp')(require('wink-eng-lite-web-model'), []);
const winkSbd = require('wink-nlp')(require('wink-eng-lite-web-model'), ['sbd']);
const analyzed = docs.map((d) => analyze(d));

/** POS tags of `tokens` from `nlp`, aligned by offsets: what src/tagger would compute per document. */
function posTags(nlp, text, tokens) {
  const its = nlp.its;
  const ts = nlp.readDoc(text).tokens();
  const val = ts.out(its.value);
  const sp = ts.out(its.precedingSpaces);
  const pos = ts.out(its.pos);
  const out = new Array(tokens.length).fill('');
  let at = 0;
  let k = 0;
  for (let w = 0; w < val.length && k < tokens.length; w++) {
    at += sp[w].length;
    const end = (at += val[w].length);
    while (k < tokens.length && tokens[k].start < end) out[k++] = pos[w];
  }
  return out;
}

function best(label, fn) {
  fn();
  const times = [];
  for (let p = 0; p < passes; p++) {
    const c0 = cpu();
    fn();
    times.push(cpu() - c0);
  }
  const s = Math.min(...times);
  const perMb = s / (bytes / 1e6);
  console.log(`${label.padEnd(64)} ${perMb.toFixed(3)} CPU s/MB  (${(1 / perMb).toFixed(2)} MB/s)`);
  return perMb;
}

let sink = 0;
// wink's tokenizer and sentence splitter against the ones dossier already runs (analyze).
best(`wink tokenizer alone (pipe [])`, () => {
  for (const d of docs) sink += winkTok.readDoc(d.text).tokens().out(winkTok.its.value).length;
});
best(`wink tokenizer + sentence splitter (pipe ['sbd'])`, () => {
  for (const d of docs) sink += winkSbd.readDoc(d.text).sentences().length();
});
best(`dossier analyze (its tokenizer + sentence splitter, already paid)`, () => {
  for (const d of docs) sink += analyze(d).tokens.length;
});
const posPipe = best(`wink POS stage (pipe ['pos'], aligned to dossier tokens)`, () => {
  for (const a of analyzed) sink += posTags(winkPos, a.text, a.tokens).length;
});
const allPipe = best(`wink default pipe (sbd, negation, sentiment, pos, ner, cer)`, () => {
  for (const a of analyzed) sink += posTags(winkAll, a.text, a.tokens).length;
});
// With scripts/wink-pos-features.patch applied and DOSSIER_TAGGER_POS=1 (and a model trained so, in
// DOSSIER_TAGGER_MODEL), this line is the pipeline with the POS stage inside it.
const withPos = process.env.DOSSIER_TAGGER_POS === '1' ? ', POS features on' : '';
const ours = best(`dossier extractDocument (full pipeline with the tagger${withPos})`, () => {
  for (const d of docs) sink += extractDocument(d).length;
});
console.log(
  `\nPOS stage adds ${(posPipe / ours * 100).toFixed(0)}% to dossier's CPU per MB: ${(1 / ours).toFixed(2)} -> ${(1 / (ours + posPipe)).toFixed(2)} MB/s (default pipe: +${(allPipe / ours * 100).toFixed(0)}%); start-up +${ms(median(loads.map((l) => l.cpu)))} CPU (${sink > 0 ? 'ok' : ''})`,
);
