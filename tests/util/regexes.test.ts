// Every regular expression in src/, literal or built at run time, over 100 KB
// adversarial texts: none may take 2 seconds (no catastrophic backtracking).
// Literals are found with the TypeScript parser; patterns assembled from
// strings are recorded while the modules load and the pipeline runs (see
// regex-worker.ts). Runs happen in worker threads so that a pattern that hangs
// is stopped and named instead of stalling the suite.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import { filesUnder, type Pattern } from './regex-attacks.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SIZE = 100_000;
const LIMIT_MS = 2_000;
/** A run with no answer for this long is stopped and reported as hanging. */
const HANG_MS = 20_000;

function literalPatterns(): Pattern[] {
  const out: Pattern[] = [];
  for (const file of filesUnder(join(ROOT, 'src'), '.ts')) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const slash = text.lastIndexOf('/');
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        out.push({ source: text.slice(1, slash), flags: text.slice(slash + 1), where: `${file.slice(ROOT.length)}:${line}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

function runWorker<T>(data: unknown, onMessage: (msg: T, stop: (err?: Error) => void) => void, hangMessage: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./regex-worker.js', import.meta.url), { workerData: data });
    let timer: NodeJS.Timeout;
    const stop = (err?: Error) => {
      clearTimeout(timer);
      void w.terminate();
      if (err) reject(err);
      else resolve();
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => stop(new Error(hangMessage())), HANG_MS);
    };
    arm();
    w.on('message', (msg: T) => {
      arm();
      onMessage(msg, stop);
    });
    w.on('error', (err) => stop(err));
    w.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0 && code !== 1) reject(new Error(`regex worker exited with code ${code}`));
      resolve();
    });
  });
}

test(`every regular expression in src/ over ${SIZE / 1000} KB adversarial texts stays under ${LIMIT_MS / 1000} s`, { timeout: 600_000 }, async (t) => {
  const literals = literalPatterns();
  let built: Pattern[] = [];
  await runWorker<{ patterns: Pattern[] }>(
    { mode: 'collect', srcDir: join(ROOT, 'dist', 'src') },
    (msg, stop) => {
      built = msg.patterns;
      stop();
    },
    () => 'collecting the patterns built at run time did not finish',
  );
  const byKey = new Map<string, Pattern>();
  for (const p of [...literals, ...built]) if (!byKey.has(`/${p.source}/${p.flags}`)) byKey.set(`/${p.source}/${p.flags}`, p);
  const patterns = [...byKey.values()];
  // The scan must see the code: src/ has well over a hundred literals, and the date and acronym patterns are built from strings.
  assert.ok(literals.length >= 100, `only ${literals.length} regular expression literals found in src/`);
  assert.ok(built.some((p) => p.where.includes('recognizers/dates')), 'the date patterns built at run time were not recorded');
  assert.ok(built.some((p) => p.where.includes('normalizers/aliases')), 'the acronym patterns built at run time were not recorded');

  // Two workers, half the patterns each.
  const slow: string[] = [];
  const times: { ms: number; what: string }[] = [];
  let runs = 0;
  const halves = [patterns.filter((_, i) => i % 2 === 0), patterns.filter((_, i) => i % 2 === 1)];
  await Promise.all(
    halves.map((half) => {
      let current = '';
      return runWorker<{ start?: boolean; done?: boolean; pattern: number; attack: string; ms: number }>(
        { mode: 'attack', patterns: half, size: SIZE },
        (msg, stop) => {
          if (msg.done) return stop();
          const p = half[msg.pattern];
          const what = `/${p.source}/${p.flags} (${p.where}) on ${msg.attack} x ${SIZE}`;
          if (msg.start) {
            current = what;
            return;
          }
          runs++;
          times.push({ ms: msg.ms, what });
          if (msg.ms > LIMIT_MS) slow.push(`${Math.round(msg.ms)} ms: ${what}`);
        },
        () => `no answer for ${HANG_MS / 1000} s (catastrophic backtracking?): ${current}`,
      );
    }),
  );
  times.sort((a, b) => b.ms - a.ms);
  t.diagnostic(`${patterns.length} patterns (${literals.length} literals, ${built.length} built at run time), ${runs} runs; slowest: ${times.slice(0, 3).map((x) => `${Math.round(x.ms)} ms ${x.what}`).join('; ')}`);
  assert.deepEqual(slow, []);
});
