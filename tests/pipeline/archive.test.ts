// Archive scale beyond one process: --shard K/N + `dossier merge` give the
// bytes of one run; --resume after a kill -9 gives the bytes of an
// uninterrupted run; `extract - --format jsonl` is a line-in/line-out filter.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shardOf, parseShard } from '../../src/pipeline/manifest.js';
import { tempDir } from '../tmpdir.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'dossier');
const run = (args: string[], input?: string) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input });
const tmp = () => tempDir('archive');

/** Every file of two folders, byte for byte. */
function assertSameFolder(a: string, b: string): void {
  assert.deepEqual(readdirSync(a).sort(), readdirSync(b).sort());
  for (const f of readdirSync(a)) assert.ok(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), `${f} differs between ${a} and ${b}`);
}

/** An archive made of the fixture articles, repeated under new ids, with a broken line in it. */
function archive(dir: string, copies: number): string {
  const base = readFileSync(join(ROOT, 'fixtures', 'articles', 'wire.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const lines: string[] = [];
  for (let i = 0; i < copies; i++) {
    const d = base[i % base.length];
    lines.push(JSON.stringify({ ...d, id: `story-${i}` }));
    if (i === 7) lines.push('{"id": "broken", "text": ');
  }
  const path = join(dir, 'archive.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

test('shard numbers: K/N parsed strictly, ids hash stably and spread over the shards', () => {
  assert.deepEqual(parseShard('2/8'), { k: 2, n: 8 });
  for (const bad of ['0/2', '3/2', '2', 'a/b', '1/0']) assert.throws(() => parseShard(bad), /K\/N/);
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < 4000; i++) counts[shardOf(`doc-${i}`, 4) - 1]++;
  for (const c of counts) assert.ok(c > 850 && c < 1150, `uneven shards: ${counts}`);
  assert.equal(shardOf('story-12', 3), shardOf('story-12', 3));
});

for (const format of ['csv', 'jsonl', 'json']) {
  test(`--shard 1/3..3/3 then merge equals one run, byte for byte (${format})`, () => {
    const d = tmp();
    const input = archive(d, 60);
    const single = join(d, 'single');
    assert.equal(run(['extract', input, '--out-dir', single, '--format', format, '--quiet', '--jobs', '1']).status, 1); // the broken line
    const parts: string[] = [];
    let total = 0;
    for (const k of [1, 2, 3]) {
      const part = join(d, `part${k}`);
      parts.push(part);
      const r = run(['extract', input, '--shard', `${k}/3`, '--out-dir', part, '--format', format, '--quiet', '--jobs', '2']);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      const m = JSON.parse(readFileSync(join(part, 'dossier-run.json'), 'utf8'));
      assert.equal(m.shard, `${k}/3`);
      assert.ok(m.documents > 5 && m.documents < 40, `shard ${k} has ${m.documents} documents`);
      total += m.documents;
    }
    assert.equal(total, 61);
    const merged = join(d, 'merged');
    // Shards given in any order merge the same way.
    const r = run(['merge', parts[2], parts[0], parts[1], '--out-dir', merged]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /merged 61 documents/);
    assertSameFolder(merged, single);
  });
}

test('merge: whole runs concatenate in order; bad combinations are refused with a reason', () => {
  const d = tmp();
  const input = archive(d, 12);
  const a = join(d, 'a');
  const b = join(d, 'b');
  const both = join(d, 'both');
  writeFileSync(join(d, 'one.txt'), 'Angela Merkel met Emmanuel Macron in Paris on Monday.');
  run(['extract', input, '--out-dir', a, '--quiet']);
  run(['extract', join(d, 'one.txt'), '--out-dir', b, '--quiet']);
  run(['extract', input, join(d, 'one.txt'), '--out-dir', both, '--quiet']);
  const ab = join(d, 'ab');
  assert.equal(run(['merge', a, b, '--out-dir', ab, '--quiet']).status, 0);
  assertSameFolder(ab, both);
  // Mixed formats, a missing shard, a shard twice, a folder that is not a run.
  const j = join(d, 'j');
  run(['extract', input, '--out-dir', j, '--format', 'jsonl', '--quiet']);
  let r = run(['merge', a, j, '--out-dir', join(d, 'x')]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /holds jsonl tables but .* holds csv/);
  const s1 = join(d, 's1');
  run(['extract', input, '--shard', '1/2', '--out-dir', s1, '--quiet']);
  r = run(['merge', s1, '--out-dir', join(d, 'y')]);
  assert.equal(r.status, 0);
  assert.match(r.stderr, /warning: shard\(s\) 2\/2 not given/);
  r = run(['merge', s1, s1, '--out-dir', join(d, 'z')]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /shard 1\/2 is given twice/);
  r = run(['merge', s1, a, '--out-dir', join(d, 'w')]);
  assert.match(r.stderr, /not a mix/);
  r = run(['merge', d, '--out-dir', join(d, 'v')]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /has no dossier-run\.json/);
});

test('--resume after kill -9 mid-run writes exactly what an uninterrupted run writes', async () => {
  const d = tmp();
  const input = archive(d, 1500);
  const full = join(d, 'full');
  run(['extract', input, '--out-dir', full, '--quiet', '--jobs', '1']);
  const out = join(d, 'out');
  const child = spawn(process.execPath, [BIN, 'extract', input, '--out-dir', out, '--quiet', '--jobs', '1']);
  const closed = new Promise((resolve) => child.on('close', resolve));
  // Kill once part of the work is on disk, before the run can finish.
  const partial = join(out, 'documents.csv.partial');
  const started = Date.now();
  while (!(existsSync(partial) && statSync(partial).size > 70_000) && child.exitCode === null && Date.now() - started < 60_000) {
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill('SIGKILL');
  await closed;
  assert.ok(!existsSync(join(out, 'documents.csv')), 'the killed run must not have finished');
  // Changed options are refused; the same command plus --resume continues.
  let r = run(['extract', input, '--out-dir', out, '--format', 'jsonl', '--resume']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /started with --format csv/);
  r = run(['extract', input, '--out-dir', out, '--quiet']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /interrupted run .* --resume/);
  r = run(['extract', input, '--out-dir', out, '--jobs', '2', '--resume']);
  assert.equal(r.status, 1, r.stderr); // the broken line is still reported
  const m = /resumed: (\d+) documents/.exec(r.stderr);
  assert.ok(m && Number(m[1]) > 0 && Number(m[1]) < 1501, r.stderr);
  assertSameFolder(out, full);
  r = run(['extract', input, '--out-dir', out, '--resume']);
  assert.equal(r.status, 0);
  assert.match(r.stderr, /already complete/);
});

for (const jobs of ['1', '2']) test(`extract - --format jsonl --jobs ${jobs} is a line-in/line-out filter: each document answered before the next arrives`, async () => {
  const child = spawn(process.execPath, [BIN, 'extract', '-', '--format', 'jsonl', '--jobs', jobs]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b) => (stdout += b));
  child.stderr.on('data', (b) => (stderr += b));
  const waitFor = async (re: RegExp) => {
    const started = Date.now();
    while (!re.test(stdout) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 20));
    return re.test(stdout);
  };
  child.stdin.write(`${JSON.stringify({ id: 'first', date: '2023-05-02', text: 'Angela Merkel spoke in Berlin on Monday.' })}\n`);
  assert.ok(await waitFor(/"doc_id":"first"/), 'no output for the first document while stdin is still open');
  child.stdin.write(`${JSON.stringify({ id: 'second', text: 'The United Nations met in Geneva.' })}\n`);
  assert.ok(await waitFor(/"doc_id":"second"/), 'no output for the second document');
  child.stdin.end();
  const code = await new Promise((resolve) => child.on('close', resolve));
  assert.equal(code, 0, stderr);
  assert.equal(stderr, '');
  const rows = stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(rows.every((r) => typeof r.mention_id === 'string' && typeof r.start === 'number'));
  assert.deepEqual([...new Set(rows.map((r) => r.doc_id))], ['first', 'second']);
  assert.ok(rows.some((r) => r.doc_id === 'second' && r.text === 'Geneva' && r.type === 'PLACE'));
});

test('cross-document linking is shard-safe: shards + merge give the ids (and bytes) of one run', () => {
  const dir = tmp();
  // The original articles of the linking gold, as an input archive.
  const gold = readFileSync(join(ROOT, 'fixtures', 'linking', 'linking.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const input = join(dir, 'linking.jsonl');
  // Two more: an acronym spelled out in one document and used alone in another, in different shards.
  const docs = [
    ...gold.map((d) => ({ id: d.id, date: d.dct, text: d.text })),
    { id: 'acronym-def', date: '2024-03-01', text: 'A chemist at the Danube Water Institute (DWI) has found a cheaper nitrate filter.' },
    { id: 'acronym-alone', date: '2024-03-04', text: 'DWI said its researchers in Budapest could bring the filters to village wells within two years.' },
  ];
  writeFileSync(input, `${docs.map((d) => JSON.stringify(d)).join('\n')}\n`);
  const one = join(dir, 'one');
  assert.equal(run(['extract', input, '--out-dir', one, '--quiet', '--jobs', '1']).status, 0);
  const parts = [1, 2, 3].map((k) => join(dir, `part${k}`));
  parts.forEach((p, i) => assert.equal(run(['extract', input, '--shard', `${i + 1}/3`, '--out-dir', p, '--quiet', '--jobs', '1']).status, 0));
  const merged = join(dir, 'merged');
  assert.equal(run(['merge', ...parts, '--out-dir', merged, '--quiet']).status, 0);
  assertSameFolder(one, merged);
  // "DWI" alone and its definition sit in different shards and still share one id.
  assert.notEqual(shardOf('acronym-def', 3), shardOf('acronym-alone', 3));
  const rows = readFileSync(join(merged, 'mentions.csv'), 'utf8');
  assert.match(rows, /acronym-alone,acronym-alone#\d+,org:danube-water-institute,ORG,DWI,/);
  const alone = readFileSync(join(dir, `part${shardOf('acronym-alone', 3)}`, 'mentions.csv'), 'utf8');
  assert.match(alone, /acronym-alone,acronym-alone#\d+,org:dwi,ORG,DWI,/, 'the shard alone cannot link it');
  // The U.S. and Canadian supreme courts stay apart, and the U.S. court of link-17 and link-20 is one entity across shards.
  assert.notEqual(shardOf('link-17', 3), shardOf('link-20', 3));
  assert.match(rows, /link-20,link-20#\d+,org:supreme-court-united-states,ORG,Supreme Court of the United States,/);
  assert.match(rows, /link-17,link-17#\d+,org:supreme-court-united-states,ORG,Supreme Court,/);
  assert.match(rows, /link-18,link-18#\d+,org:supreme-court-canada,ORG,Supreme Court,/);
});
