// bin/dossier runs dist/bundle/main.cjs with V8's code cache (scripts/bundle.mjs).
// The cache is an optimization only: whatever is in the cache file, the output
// is the compiled modules' output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../tmpdir.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ARTICLE = join(ROOT, 'fixtures', 'articles', 'txt', '01-council-budget.txt');
const BUNDLE = join(ROOT, 'dist', 'bundle');

/** A copy of the package whose bundle and cache a test may spoil: bin/ and dist/bundle copied, the rest linked. */
function packageCopy(): string {
  const dir = tempDir('bin');
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(ROOT, 'bin', 'dossier'), join(dir, 'bin', 'dossier'));
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  cpSync(BUNDLE, join(dir, 'dist', 'bundle'), { recursive: true });
  for (const name of ['data', 'node_modules', 'fixtures']) symlinkSync(join(ROOT, name), join(dir, name));
  return dir;
}

function extract(root: string): string {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'dossier'), 'extract', ARTICLE, '--format', 'jsonl', '--quiet'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  return r.stdout;
}

/** The same extraction through the compiled modules, without the bundle. */
async function reference(): Promise<string> {
  const { extractDocument } = await import('../../src/pipeline/extract.js');
  const { readInputs } = await import('../../src/readers/index.js');
  const rows: string[] = [];
  for await (const item of readInputs([ARTICLE], { idField: 'id', textField: 'text', titleField: 'title', dateField: 'date', date: '' })) {
    if (item.result.ok) for (const m of extractDocument(item.result.doc)) rows.push(m.entity_id);
  }
  return rows.join('\n');
}

const entityIds = (jsonl: string) => jsonl.trim().split('\n').map((l) => (JSON.parse(l) as { entity_id: string }).entity_id).join('\n');

test('the bundle and its code cache are built, and the bundle extracts what the compiled modules extract', { skip: !existsSync(join(BUNDLE, 'main.cjs')) && 'no dist/bundle: run npm run build' }, async () => {
  assert.ok(existsSync(join(BUNDLE, 'main.cjs.cache')), 'npm run build writes the code cache');
  const out = extract(ROOT);
  assert.ok(out.split('\n').length > 5);
  assert.equal(entityIds(out), await reference());
});

test('a code cache that is not the bundle\'s, or is damaged, is not used: same output', { skip: !existsSync(join(BUNDLE, 'main.cjs')) && 'no dist/bundle: run npm run build' }, () => {
  const want = extract(ROOT);
  const dir = packageCopy();
  const cache = join(dir, 'dist', 'bundle', 'main.cjs.cache');
  const good = readFileSync(cache);
  // Another bundle's digest (the first 20 bytes), V8 data intact.
  const other = Buffer.from(good);
  other[0] ^= 0xff;
  writeFileSync(cache, other);
  assert.equal(extract(dir), want);
  // The right bundle, V8's data damaged (V8 itself would read it and die): not used.
  const damaged = Buffer.from(good);
  for (let i = 64; i < damaged.length; i += 97) damaged[i] ^= 0x5a;
  writeFileSync(cache, damaged);
  assert.equal(extract(dir), want);
  // No cache at all.
  writeFileSync(cache, '');
  assert.equal(extract(dir), want);
});
