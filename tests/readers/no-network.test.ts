// HTML is parsed, never executed or fetched from: a page that points at a
// server in every way a page can leaves that server without a single request.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { tempDir } from '../tmpdir.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'dossier');

test('an HTML page referencing a server in every way: no request reaches it, no script runs', async () => {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('document.title = "PWNED";');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const page = `<!doctype html><html><head><base href="${base}/base/">
<title>Council approves budget</title>
<meta http-equiv="refresh" content="0; url=${base}/refresh">
<link rel="stylesheet" href="${base}/style.css"><link rel="preload" href="${base}/preload" as="script">
<style>@import url("${base}/import.css"); body { background: url(${base}/bg.png); }</style>
<script src="${base}/script.js"></script>
<script>fetch("${base}/fetch"); document.title = "PWNED"; document.body && document.body.insertAdjacentHTML("beforeend", "<p>INJECTED</p>");</script>
</head><body>
<article><h1>Council approves budget</h1>
<p>Mayor Angela Merkel presented the budget in Berlin on Monday. <img src="${base}/img.png" srcset="${base}/img2.png 2x"></p>
<p>The council voted after a long debate. <iframe src="${base}/frame"></iframe><video poster="${base}/poster.png"></video>
<object data="${base}/object"></object><audio src="${base}/audio.mp3"></audio></p>
<p>Officials said the plan would take effect next year across the whole city.</p>
</article></body></html>`;
  const d = tempDir('nonet');
  writeFileSync(join(d, 'page.html'), page);
  const child = spawn(process.execPath, [BIN, 'extract', join(d, 'page.html'), '--out-dir', join(d, 'out'), '--quiet']);
  const code = await new Promise((r) => child.on('close', r));
  await new Promise((r) => setTimeout(r, 300)); // anything late would have arrived by now
  server.close();
  assert.equal(code, 0);
  assert.deepEqual(hits, []);
  const docs = parse(readFileSync(join(d, 'out', 'documents.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  assert.equal(docs[0].title, 'Council approves budget');
  const mentions = parse(readFileSync(join(d, 'out', 'mentions.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  assert.ok(mentions.some((m) => m.text === 'Angela Merkel'));
  assert.ok(!mentions.some((m) => /INJECTED|PWNED/.test(m.context)));
});
