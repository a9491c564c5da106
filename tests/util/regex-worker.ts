// Worker for tests/util/regexes.test.ts, in one of two modes (workerData.mode):
// - 'collect': records every RegExp that src/ builds at run time (patterns
//   assembled from strings, which no source scan sees), by putting a recording
//   proxy in place of the global RegExp before the modules load and then running
//   the whole pipeline once;
// - 'attack': runs each given pattern over 100 KB adversarial texts and posts
//   the time of each run, announcing each run first so that the test can name
//   the one that hangs.

import { parentPort, workerData } from 'node:worker_threads';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { attacksFor, filesUnder, runOver, type Pattern } from './regex-attacks.js';

interface CollectData {
  mode: 'collect';
  srcDir: string;
}
interface AttackData {
  mode: 'attack';
  patterns: Pattern[];
  size: number;
}

async function collect({ srcDir }: CollectData): Promise<void> {
  const seen = new Map<string, Pattern>();
  const Original = RegExp;
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args: [string | RegExp, string?]) {
      const re = new target(...args);
      // The frame that called the constructor: ours (src/), or a dependency's, which is not ours to test.
      const frame = (new Error().stack ?? '').split('\n').slice(1).find((l) => !l.includes('regex-worker'));
      if (frame?.includes(srcDir)) {
        const where = frame.slice(frame.indexOf(srcDir) + srcDir.length + 1).replace(/\)$/, '');
        const key = `/${re.source}/${re.flags}`;
        if (!seen.has(key)) seen.set(key, { source: re.source, flags: re.flags, where });
      }
      return re;
    },
  });
  // The CLI's modules (and through them every stage), then one document through the pipeline.
  for (const f of filesUnder(srcDir, '.js')) {
    if (f.endsWith(join('cli', 'main.js')) || f.includes(`${join('pipeline', 'worker.js')}`)) continue;
    await import(pathToFileURL(f).href);
  }
  const { extractDocument } = (await import(pathToFileURL(join(srcDir, 'pipeline', 'extract.js')).href)) as typeof import('../../src/pipeline/extract.js');
  extractDocument({
    id: 'x',
    source: 'x',
    title: '',
    date: '2024-03-01',
    text: 'WASHINGTON (Reuters) - The Central Intelligence Agency (CIA) said on Tuesday, March 5, 2024, that Mr. John Smith met officials of the Federal Security Service, or FSB, in St. Petersburg last year, in the 1990s, two weeks later.',
  });
  globalThis.RegExp = Original;
  parentPort!.postMessage({ patterns: [...seen.values()] });
}

function attack({ patterns, size }: AttackData): void {
  for (let p = 0; p < patterns.length; p++) {
    const re = new RegExp(patterns[p].source, patterns[p].flags);
    for (const a of attacksFor(patterns[p].source, size)) {
      parentPort!.postMessage({ start: true, pattern: p, attack: a.name });
      const t = performance.now();
      runOver(re, a.text);
      parentPort!.postMessage({ pattern: p, attack: a.name, ms: performance.now() - t });
    }
  }
  parentPort!.postMessage({ done: true });
}

const data = workerData as CollectData | AttackData;
if (data.mode === 'collect') await collect(data);
else attack(data);
