// examples/dask/run_shards.py on a real Dask LocalCluster with 2 workers: the
// merged shards must equal one single run, byte for byte.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../tmpdir.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'dossier');
const SCRIPT = join(ROOT, 'examples', 'dask', 'run_shards.py');

/** A python3 that can import dask.distributed (Debian's python3-distributed lives under /usr/bin/python3). */
function pythonWithDask(): string | null {
  for (const py of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(py, ['-c', 'import dask.distributed'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return null;
}

test('Dask example: 4 shards on a LocalCluster of 2 workers, merged, equal one run byte for byte', { timeout: 180_000 }, (t) => {
  const py = pythonWithDask();
  if (!py) {
    t.skip('Dask distributed is not installed (Debian: apt-get install python3-distributed); the Dask example is not tested');
    return;
  }
  const d = tempDir('dask');
  // An archive: the fixture articles as JSONL, repeated under new ids.
  const base = readFileSync(join(ROOT, 'fixtures', 'articles', 'wire.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const lines = Array.from({ length: 120 }, (_, i) => JSON.stringify({ ...base[i % base.length], id: `a-${i}` }));
  const archive = join(d, 'archive.jsonl');
  writeFileSync(archive, `${lines.join('\n')}\n`);
  const out = join(d, 'out');
  const r = spawnSync(py, [SCRIPT, archive, join(ROOT, 'fixtures', 'articles', 'md'), '--out-dir', out, '--shards', '4', '--workers', '2', '--dossier', BIN], {
    encoding: 'utf8',
    timeout: 170_000,
  });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  const single = join(d, 'single');
  const s = spawnSync(process.execPath, [BIN, 'extract', archive, join(ROOT, 'fixtures', 'articles', 'md'), '--out-dir', single, '--quiet'], { encoding: 'utf8' });
  assert.equal(s.status, 0, s.stderr);
  const merged = join(out, 'merged');
  const shardDocs = [1, 2, 3, 4].map((k) => JSON.parse(readFileSync(join(out, 'shards', String(k), 'dossier-run.json'), 'utf8')).documents as number);
  const mdFiles = readdirSync(join(ROOT, 'fixtures', 'articles', 'md')).length;
  assert.equal(shardDocs.reduce((a, b) => a + b, 0), 120 + mdFiles);
  assert.ok(shardDocs.every((n) => n > 10), `uneven shards ${shardDocs}`);
  assert.deepEqual(readdirSync(merged).sort(), readdirSync(single).sort());
  for (const f of readdirSync(single)) assert.ok(readFileSync(join(merged, f)).equals(readFileSync(join(single, f))), `${f} differs`);
});
