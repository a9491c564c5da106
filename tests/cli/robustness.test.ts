// Hostile input through the real CLI: clear messages naming the file (and line),
// a status=error row for each failed document, every other document written.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { tempDir } from '../tmpdir.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'dossier');
const tmp = () => tempDir('bad');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

test('a folder of bad files: each failure named on stderr and in documents, the good ones written, exit 1', () => {
  const d = tmp();
  const inDir = join(d, 'in');
  spawnSync('mkdir', ['-p', inDir]);
  writeFileSync(join(inDir, 'a-good.txt'), 'Angela Merkel visited Paris on Monday.');
  writeFileSync(join(inDir, 'b-empty.txt'), '');
  writeFileSync(join(inDir, 'c-image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  writeFileSync(join(inDir, 'd-lines.jsonl'), '{"id":"ok1","text":"Olaf Scholz met Joe Biden."}\n{broken\n{"id":"ok2","text":"Kyiv was quiet."}\n');
  writeFileSync(join(inDir, 'e-nul.txt'), Buffer.from('Text\u0000with NUL', 'utf8'));
  writeFileSync(join(inDir, 'f-crlf.txt'), 'Boris Johnson met Emmanuel Macron.\r\nThey spoke in Calais.\r\n');
  const out = join(d, 'out');
  const r = run(['extract', inDir, '--out-dir', out, '--jobs', '1']);
  assert.equal(r.status, 1);
  const lines = r.stderr.trim().split('\n');
  assert.ok(lines.some((l) => /b-empty\.txt: empty document/.test(l)), r.stderr);
  assert.ok(lines.some((l) => /c-image\.txt: binary file \(PNG image\)/.test(l)), r.stderr);
  assert.ok(lines.some((l) => /d-lines\.jsonl:2: invalid JSON at line 2/.test(l)), r.stderr);
  assert.ok(lines.some((l) => /e-nul\.txt: binary file/.test(l)), r.stderr);
  const docs = parse(readFileSync(join(out, 'documents.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  assert.deepEqual(docs.filter((x) => x.status === 'ok').map((x) => x.doc_id), ['a-good.txt', 'ok1', 'ok2', 'f-crlf.txt']);
  assert.equal(docs.filter((x) => x.status === 'error').length, 4);
  const mentions = parse(readFileSync(join(out, 'mentions.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  assert.ok(mentions.some((m) => m.doc_id === 'f-crlf.txt' && m.text === 'Calais'));
});

test('Ctrl-C stops cleanly: exit 130, a message, nothing under a final name, partial files kept for --resume', async () => {
  const d = tmp();
  const lines: string[] = [];
  for (let i = 0; i < 4000; i++) lines.push(JSON.stringify({ id: `d${i}`, text: 'Angela Merkel met Emmanuel Macron in Paris on Monday. '.repeat(30) }));
  writeFileSync(join(d, 'big.jsonl'), lines.join('\n'));
  const out = join(d, 'out');
  const child = spawn(process.execPath, [BIN, 'extract', join(d, 'big.jsonl'), '--out-dir', out, '--jobs', '1']);
  let stderr = '';
  child.stderr.on('data', (b) => (stderr += b));
  // Interrupt once the run is under way (the temporary files exist).
  const started = Date.now();
  while (!(existsSync(out) && readdirSync(out).length > 0) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGINT');
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 130);
  assert.match(stderr, /interrupted after \d+ documents.*--resume/);
  assert.deepEqual(readdirSync(out).sort(), ['documents.csv.partial', 'dossier-run.json', 'mentions.csv.partial']);
  assert.equal(JSON.parse(readFileSync(join(out, 'dossier-run.json'), 'utf8')).status, 'interrupted');
});
