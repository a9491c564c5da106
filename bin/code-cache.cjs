// Runs a CommonJS bundle of dist/bundle/ with V8's code cache (see
// scripts/bundle.mjs): bin/dossier runs main.cjs through it, and each
// `--jobs N` worker runs worker.cjs through it.
//
// The cache file (<bundle>.cache) holds the SHA-1 of the bundle it belongs
// to, the SHA-1 of V8's data, and V8's data. V8 refuses data from another
// node version or other flags (and compiles as usual), but reads damaged data
// and aborts the process: the checksums keep a damaged or stale cache unused.
'use strict';
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');

const sha1 = (data) => createHash('sha1').update(data).digest();

/**
 * Runs `file` as a CommonJS module and returns its exports. `write`: when to
 * record the cache (after the run has compiled what it needs): 'exit' (the
 * process ends), 'batch' (a worker has extracted its first batch), or nothing.
 */
function runCached(file, write) {
  const source = readFileSync(file, 'utf8');
  const digest = sha1(source);
  const cacheFile = `${file}.cache`;
  let cachedData;
  try {
    const c = readFileSync(cacheFile);
    const data = c.subarray(40);
    if (c.subarray(0, 20).equals(digest) && c.subarray(20, 40).equals(sha1(data))) cachedData = data;
  } catch {
    // No cache: compile as usual.
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  const record = () => {
    const data = script.createCachedData();
    const tmp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, Buffer.concat([digest, sha1(data), data]));
    renameSync(tmp, cacheFile);
  };
  if (write === 'exit') process.on('exit', record);
  // A worker records its cache once it has extracted a batch, before it answers (the pool may stop it right after).
  if (write === 'batch') {
    globalThis.__dossierAfterBatch = () => {
      globalThis.__dossierAfterBatch = undefined;
      record();
    };
  }
  return module.exports;
}

module.exports = { runCached };
