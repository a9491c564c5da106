// The progress line with a fake clock: no ETA while it would mean little, an
// ETA by bytes once it does, counts in words, progress inside one huge document.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Progress, plural } from '../../src/cli/progress.js';
import { tempDir } from '../tmpdir.js';

function fake() {
  let t = 0;
  const lines: string[] = [];
  const p = new Progress({ enabled: true, verbose: false, write: (s) => lines.push(s), now: () => t });
  return { p, lines, at: (ms: number) => (t = ms) };
}

test('no ETA during start-up; then an ETA from the rate since the first document, by bytes', async () => {
  const { p, at } = fake();
  await p.start([]);
  p.setTotal(100e6);
  // Start-up (loading word lists) takes 4 s before the first small document is done.
  at(4000);
  p.document({ doc_id: 'a', source: 'a', bytes: 100_000, ms: 30, status: 'ok' });
  assert.doesNotMatch(p.line(4000), /ETA/, 'one document says nothing about the rate');
  at(4500);
  p.document({ doc_id: 'b', source: 'b', bytes: 1_000_000, ms: 400, status: 'ok' });
  assert.doesNotMatch(p.line(4500), /ETA/, 'half a second and 1% is too little');
  // 2 MB/s from the first document on: at 7.1 s, 6.3 MB are done and the ETA is (100 - 6.3) / 2 MB/s.
  at(7100);
  p.document({ doc_id: 'c', source: 'c', bytes: 5_200_000, ms: 2500, status: 'ok' });
  const line = p.line(7100);
  assert.match(line, /^3 documents, 6\.3 MB, /);
  const eta = /6%, ETA (\d+)s$/.exec(line);
  assert.ok(eta, line);
  const secs = Number(eta[1]);
  assert.ok(Math.abs(secs - (100e6 - 6.3e6) / 2e6) < 2, line);
});

test('an ETA after a few seconds even below a few percent', async () => {
  const { p, at } = fake();
  await p.start([]);
  p.setTotal(1e9);
  at(1000);
  p.document({ doc_id: 'a', source: 'a', bytes: 1e6, ms: 1, status: 'ok' });
  at(2500);
  p.document({ doc_id: 'b', source: 'b', bytes: 1e6, ms: 1, status: 'ok' });
  assert.doesNotMatch(p.line(2500), /ETA/);
  at(4500);
  p.document({ doc_id: 'c', source: 'c', bytes: 1e6, ms: 1, status: 'ok' });
  assert.match(p.line(4500), /ETA/);
});

test('one document is "1 document"; a huge document shows progress inside it', async () => {
  const { p, lines, at } = fake();
  await p.start([]);
  p.setTotal(10e6);
  assert.equal(plural(1, 'document'), '1 document');
  assert.equal(plural(2, 'document'), '2 documents');
  assert.equal(plural(12345, 'mention'), '12,345 mentions');
  at(1000);
  p.partialDocument({ bytes: 4e6 });
  assert.match(lines.at(-1)!, /0 documents, 4\.0 MB, .*40%/);
  at(2000);
  p.document({ doc_id: 'big', source: 'big.txt', bytes: 10e6, ms: 1900, status: 'ok' });
  p.finish({ documents: 1, failed: 0, mentions: 1 });
  assert.match(lines.at(-1)!, /^dossier: 1 document \(0 failed\), 1 mention in 2\.0 s\n$/);
});

test('--verbose prints each document with the time its extraction took, and the total', () => {
  const dir = tempDir('progress');
  const input = join(dir, 'a.jsonl');
  writeFileSync(input, ['Angela Merkel visited Paris.', 'Olaf Scholz spoke in Bonn.', 'Keir Starmer met Joe Biden.'].map((text, i) => JSON.stringify({ id: `d${i}`, date: '2024-01-02', text })).join('\n'));
  const bin = join(fileURLToPath(new URL('../../..', import.meta.url)), 'bin', 'dossier');
  const r = spawnSync(process.execPath, [bin, 'extract', input, '--verbose', '--jobs', '2'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 4, r.stderr);
  const total = /^dossier: 3 documents \(0 failed\), \d+ mentions in (\d+\.\d) s$/.exec(lines[3]);
  assert.ok(total, lines[3]);
  for (const l of lines.slice(0, 3)) {
    const m = /^.*a\.jsonl:\d\tok\t(\d+\.\d) ms$/.exec(l);
    assert.ok(m, l);
    assert.ok(Number(m[1]) <= Number(total[1]) * 1000 + 100, l);
  }
});

test('a huge document reports its progress piece by piece, ending at its size', async () => {
  const { runExtract } = await import('../../src/pipeline/run.js');
  const dir = tempDir('progress-huge');
  const para = 'Angela Merkel met Emmanuel Macron in Paris on Monday to discuss the budget. ';
  writeFileSync(join(dir, 'big.txt'), `${para.repeat(40)}\n\n`.repeat(90)); // about 270,000 characters: three pieces
  const partial: number[] = [];
  const done: number[] = [];
  const summary = await runExtract({
    paths: [join(dir, 'big.txt')],
    reader: { idField: 'id', textField: 'text', dateField: 'date', titleField: 'title', date: '' },
    format: 'csv',
    outDir: join(dir, 'out'),
    rawCsv: false,
    force: false,
    jobs: 1,
    onPartial: (i) => partial.push(i.bytes),
    onDocument: (i) => done.push(i.bytes),
  });
  assert.equal(summary.documents, 1);
  assert.ok(partial.length >= 3, `${partial.length} progress reports`);
  assert.deepEqual(partial, [...partial].sort((a, b) => a - b), 'bytes only grow');
  assert.ok(partial[0] < done[0] / 2);
  assert.ok(partial.at(-1)! <= done[0] && partial.at(-1)! > done[0] * 0.9);
});
