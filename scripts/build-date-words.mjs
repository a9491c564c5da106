#!/usr/bin/env node
// Builds the verb lists the date stage reads tense from:
//   data/words/past-verbs.txt  words whose most likely tag is a past tense or past
//                              participle (VBD, VBN): "said", "arrested", "rose"
//   data/words/base-verbs.txt  words that can be a base-form verb (VB): "strike", "report"
// Source: wink-lexicon (MIT), the part-of-speech lexicon of wink's tagger (a devDependency).
// Run: node scripts/build-date-words.mjs (deterministic; the outputs are committed).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const lexicon = require('wink-lexicon/src/lexicon.js');
const past = [];
const base = [];
for (const w of Object.keys(lexicon)) {
  if (!/^[a-z][a-z-]*$/.test(w)) continue;
  const tags = (Array.isArray(lexicon[w]) ? lexicon[w] : [lexicon[w]]).filter(Boolean);
  if (tags[0] === 'VBD' || tags[0] === 'VBN') past.push(w);
  if (tags.includes('VB')) base.push(w);
}
const write = (name, list) => {
  const sorted = [...new Set(list)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  writeFileSync(new URL(`../data/words/${name}`, import.meta.url), sorted.join('\n') + '\n');
  console.log(`${name}: ${sorted.length}`);
};
write('past-verbs.txt', past);
write('base-verbs.txt', base);
