// Bundles the compiled CLI (dist/src) into dist/bundle/: one module for the
// command and one for the extraction worker, plus shared chunks and the
// on-demand parts (HTML and Markdown readers, SQLite, the report) as chunks
// loaded only when an input or output needs them. Node's ESM loader costs
// about a millisecond per module at start-up (53 of ours, 16 of commander and
// franc-min): the bundle starts about 40 ms sooner for one short article
// (README, Speed). bin/dossier runs the bundle when it is there, else dist/src.
// Run by `npm run build` after tsc.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
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
await build({
  absWorkingDir: root,
  // The worker must sit beside the chunk that starts it (src/pipeline/pool.ts: new URL('./worker.js', import.meta.url)).
  entryPoints: { main: 'dist/src/cli/main.js', worker: 'dist/src/pipeline/worker.js' },
  outdir,
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  // CommonJS inside the bundle (commander) may call require().
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  // Less to parse at every start; names are kept for readable stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
