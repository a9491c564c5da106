// bin/dossier runs dist/bundle/main.cjs with V8's code cache (scripts/bundle.mjs).
// The cache is an optimization only: whatever is in the cache file, the output
// is the compiled modules' output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../tmpdir.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ARTICLE = join(ROOT, 'fixtures', 'articles', 'txt', '01-council-budget.txt');
const BUNDLE = join(ROOT, 'dist', 'bundle');

/** A copy of the package whose bundle and cache a test may spoil: bin/ and dist/bundle copied, the rest linked. */
function packageCopy(): string {
  const dir = tempDir('bin');
  cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  cpSync(BUNDLE, join(dir, 'dist', 'bundle'), { recursive: true });
  for (const name of ['data', 'node_modules', 'fixtures']) symlinkSync(join(ROOT, name), join(dir, name));
  return dir;
}

function extract(root: string, ...input: string[]): string {
  const args = input.length > 0 ? input : [ARTICLE];
  const r = spawnSync(process.execPath, [join(root, 'bin', 'dossier'), 'extract', ...args, '--format', 'jsonl', '--quiet'], { encoding: 'utf8' });
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

test('a code cache that is not the bundle\'s, or is damaged, is not used: same output, in the command and in --jobs workers', { skip: !existsSync(join(BUNDLE, 'main.cjs')) && 'no dist/bundle: run npm run build' }, () => {
  const dir = packageCopy();
  const archive = join(dir, 'archive.jsonl');
  const text = readFileSync(ARTICLE, 'utf8');
  writeFileSync(archive, ['a', 'b', 'c'].map((id) => JSON.stringify({ id, date: '2024-01-02', text })).join('\n') + '\n');
  const want = extract(ROOT);
  const wantJobs = extract(ROOT, archive, '--jobs', '2');
  for (const name of ['main', 'worker']) {
    const cache = join(dir, 'dist', 'bundle', `${name}.cjs.cache`);
    assert.ok(existsSync(cache), `npm run build writes ${name}.cjs.cache`);
    const good = readFileSync(cache);
    const spoiled = [
      // Another bundle's digest (the first 20 bytes), V8 data intact.
      Buffer.concat([Buffer.alloc(20, 7), good.subarray(20)]),
      // The right bundle, V8's data damaged (V8 itself would read it and abort): not used.
      Buffer.from(good).map((b, i) => (i >= 64 && i % 97 === 0 ? b ^ 0x5a : b)),
      // Empty.
      Buffer.alloc(0),
    ];
    for (const bytes of spoiled) {
      writeFileSync(cache, bytes);
      assert.equal(extract(dir), want);
      assert.equal(extract(dir, archive, '--jobs', '2'), wantJobs);
    }
    writeFileSync(cache, good);
  }
});
