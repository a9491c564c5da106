#!/usr/bin/env node
// The whole-process baseline for start-up and archive timings: wink-nlp alone,
// in a fresh node process, loading its model and tagging the same input that
// `dossier extract ... --format jsonl` reads (a text file, or a JSON Lines
// archive with a "text" field per line), one JSON line of entities per document
// on stdout. Used by scripts/bench.ts; run: node scripts/wink-alone.mjs FILE.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');
const nlp = winkNLP(model);
const its = nlp.its;

function tag(text) {
  const d = nlp.readDoc(text);
  return d.entities().out(its.detail);
}

const out = [];
for (const file of process.argv.slice(2)) {
  const content = readFileSync(file, 'utf8');
  if (/\.(jsonl|ndjson)$/.test(file)) {
    for (const line of content.split('\n')) {
      if (!line.trim()) continue;
      out.push(JSON.stringify(tag(JSON.parse(line).text ?? '')));
      if (out.length >= 256) process.stdout.write(out.splice(0).join('\n') + '\n');
    }
  } else out.push(JSON.stringify(tag(content)));
}
if (out.length) process.stdout.write(out.join('\n') + '\n');
