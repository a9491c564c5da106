#!/usr/bin/env node
// The accuracy half of the wink-nlp POS experiment (docs/tagger.md "wink-nlp"):
// trains the tagger with and without wink-nlp POS features, three seeds each
// (each training averages the config's 3 runs), and scores every model with
// `dossier eval` on the pooled unseen dev splits, the shared dev seeds and the
// fixtures; prints strict F1 per seed and the means. Needs the features patch:
//
//   git apply scripts/wink-pos-features.patch && npx tsc -p tsconfig.json
//   node dist/src/tagger/build-corpora.js          # once: .scratch/corpora
//   node scripts/wink-pos-accuracy.mjs [--seeds 1,2,3] [--dir /tmp]
//   git apply -R scripts/wink-pos-features.patch   # afterwards
//
// Sequential on purpose (one heavy job at a time): about 25 s per training and
// 20 s of scoring per model on this machine.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, def) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : def;
};
const seeds = arg('--seeds', '1,2,3').split(',');
const dir = arg('--dir', '/tmp');

if (!readFileSync(join(root, 'src/tagger/features.ts'), 'utf8').includes('DOSSIER_TAGGER_POS')) {
  console.error('apply scripts/wink-pos-features.patch and rebuild first (see the head of this script)');
  process.exit(1);
}

const corpora = join(root, '.scratch/corpora');
const pooled = join(dir, 'unseen4.jsonl');
writeFileSync(pooled, ['gum', 'uner-ewt', 'wikigold', 'crossner-politics'].map((c) => readFileSync(join(corpora, `${c}.dev.jsonl`), 'utf8')).join(''));
const sets = [
  ['pooled unseen dev (gum, uner-ewt, wikigold, crossner-politics)', pooled],
  ['shared dev seeds', join(root, '../shared/corpus/dev')],
  ['fixtures/gold', join(root, 'fixtures/gold')],
];

const scores = {}; // variant -> set -> type -> [F1 per seed]
for (const seed of seeds) {
  for (const variant of ['base', 'pos']) {
    const env = { ...process.env };
    delete env.DOSSIER_TAGGER_POS;
    if (variant === 'pos') env.DOSSIER_TAGGER_POS = '1';
    const pack = join(dir, `winkpos-${variant}-s${seed}.pack`);
    const t = spawnSync(process.execPath, ['dist/src/tagger/train.js', '--no-convert', '--seed', seed, '--out', pack], { cwd: root, env, encoding: 'utf8' });
    if (t.status !== 0) throw new Error(t.stderr);
    for (const [name, file] of sets) {
      const e = spawnSync(join(root, 'bin/dossier'), ['eval', file], { cwd: root, env: { ...env, DOSSIER_TAGGER_MODEL: pack }, encoding: 'utf8' });
      if (e.status !== 0) throw new Error(e.stderr);
      for (const type of ['ALL', 'ORG', 'PERSON', 'PLACE']) {
        const m = e.stdout.match(new RegExp(`^${type}\\s+[\\d.]+\\s+[\\d.]+\\s+([\\d.]+)`, 'm'));
        (((scores[variant] ??= {})[name] ??= {})[type] ??= []).push(Number(m[1]));
      }
    }
    console.error(`seed ${seed} ${variant}: trained and scored`);
  }
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`strict F1, seeds ${seeds.join(', ')}: base | with POS features | difference of means`);
for (const [name] of sets) {
  console.log(name);
  for (const type of ['ALL', 'ORG', 'PERSON', 'PLACE']) {
    const b = scores.base[name][type];
    const p = scores.pos[name][type];
    console.log(`  ${type.padEnd(7)} ${b.map((x) => x.toFixed(3)).join(' ')} (${mean(b).toFixed(4)}) | ${p.map((x) => x.toFixed(3)).join(' ')} (${mean(p).toFixed(4)}) | ${(mean(p) - mean(b) >= 0 ? '+' : '') + (mean(p) - mean(b)).toFixed(4)}`);
  }
}
