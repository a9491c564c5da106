// Bundles the compiled CLI (dist/src) into dist/bundle/, and records V8's code
// cache for it. Run by `npm run build` after tsc.
//
// - main.cjs: the whole command (CommonJS, one file); worker.cjs: the
//   extraction worker that `--jobs N` starts. Packages loaded on demand stay
//   packages (required when needed). Node's ESM loader costs about a
//   millisecond per module at start-up (69 modules: ours, commander's, franc's).
// - main.cjs.cache: V8's code cache for main.cjs, taken after it extracted one
//   fixture article, so it holds the bytecode of every function that run
//   needed: a start compiles (almost) nothing. bin/dossier checks that the
//   cache belongs to this main.cjs and is intact (SHA-1 of the bundle's text
//   and of the cache data in its first 40 bytes: V8 reads damaged data and
//   dies); V8 itself refuses a cache from another node version or other
//   flags, and then compiles as usual.
//
// Measured on one short article (README, Speed): 0.31 s with the modules one
// by one, 0.22 s as an ESM bundle, 0.19 s as one CommonJS file, 0.16 s with
// the code cache (wink-nlp alone: 0.20 s).
import { build } from 'esbuild';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// Small pure-JS packages read at every start go into the bundle; everything
// else (native addons, big data packages, on-demand parsers) stays a package.
const INLINE = new Set(['commander', 'franc-min']);
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})].filter((n) => !INLINE.has(n));

const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external,
  // import.meta.url (package paths, the worker's file) from the bundle's own file.
  define: { 'import.meta.url': '__bundle_url', __DOSSIER_WORKER__: JSON.stringify('./worker.cjs') },
  banner: { js: 'var __bundle_url = require("node:url").pathToFileURL(__filename).href;' },
  // Less to parse at every start; names are kept for readable stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};
for (const [entry, out] of [['dist/src/cli/main.js', 'main.cjs'], ['dist/src/pipeline/worker.js', 'worker.cjs']]) {
  const file = join(outdir, out);
  await build({ ...common, entryPoints: [entry], outfile: file });
  requireOnDemand(file);
}

/**
 * esbuild keeps `import("pkg")` for packages left outside the bundle. bin/dossier
 * runs main.cjs as a vm.Script (to give it its code cache), where a dynamic
 * import needs an experimental loader hook; the packages loaded on demand
 * (better-sqlite3, csv-parse) have CommonJS builds, so they are required
 * instead, shaped like the module namespace the code expects.
 */
function requireOnDemand(file) {
  const text = readFileSync(file, 'utf8');
  const out = text.replace(/\bimport\("([^"]+)"\)/g, (_m, id) => `Promise.resolve().then(()=>__namespace(require(${JSON.stringify(id)})))`);
  if (/\bimport\(/.test(out)) throw new Error(`${file}: a dynamic import is left that bundle.mjs cannot rewrite`);
  // Strict mode as the ES modules it was built from (esbuild puts its "use strict" after the banner, where it is no directive).
  writeFileSync(file, `"use strict";var __namespace=(m)=>m&&m.__esModule?m:{...m,default:m};${out}`);
}

// The code caches: one run of the bundle on a fixture article for main.cjs
// (the command as one article runs it), one with two workers for worker.cjs.
const article = join(root, 'fixtures', 'articles', 'txt', '01-council-budget.txt');
const archive = join(outdir, 'code-cache-input.jsonl');
const text = readFileSync(article, 'utf8');
writeFileSync(archive, [1, 2, 3, 4].map((n) => JSON.stringify({ id: `a${n}`, date: '2024-05-0' + n, text })).join('\n') + '\n');
const runs = [
  ['main', [article]],
  ['worker', [archive, '--jobs', '2']],
];
for (const [which, args] of runs) {
  const run = spawnSync(process.execPath, [join(root, 'bin', 'dossier'), 'extract', ...args, '--format', 'jsonl', '--quiet'], {
    env: { ...process.env, DOSSIER_WRITE_CODE_CACHE: which },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0 || !existsSync(join(outdir, `${which}.cjs.cache`))) {
    console.warn(`bundle: no code cache for ${which}.cjs (it still runs, compiling at each start)`);
  }
}
rmSync(archive);
