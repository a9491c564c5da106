// The HTML report in a real browser: headless Chromium opens the fixtures'
// report from a file, with no console errors and no request leaving the file,
// and every section is drawn with data. Also: hostile names stay text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { writeReport } from '../../src/report/index.js';
import { tempDir } from '../tmpdir.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'dossier');
const CHROMIUM = '/usr/bin/chromium';
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

function fixturesRun(extraDoc?: string): string {
  const d = tempDir('report');
  const inputs = [join(ROOT, 'fixtures', 'articles')];
  if (extraDoc) {
    mkdirSync(join(d, 'in'));
    writeFileSync(join(d, 'in', 'hostile.txt'), extraDoc);
    inputs.push(join(d, 'in'));
  }
  const r = run(['extract', ...inputs, '--out-dir', join(d, 'out'), '--quiet']);
  assert.equal(r.status, 0, r.stderr);
  return d;
}

test('report: refuses to overwrite without --force, says what to do for a folder without output', async () => {
  const d = fixturesRun();
  const html = join(d, 'r.html');
  let r = run(['report', join(d, 'out'), '--html', html]);
  assert.equal(r.status, 0, r.stderr);
  r = run(['report', join(d, 'out'), '--html', html]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /already exists; use --force/);
  r = run(['report', d, '--html', join(d, 'x.html')]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /holds no dossier output/);
  const page = readFileSync(html, 'utf8');
  // Self-contained: no element loads anything; the only URL is the SVG namespace.
  assert.ok(!/<(script|link|img|iframe)\b[^>]*\b(src|href)=/i.test(page), 'no external resources');
  assert.deepEqual([...new Set(page.match(/https?:\/\/[^\s"'<>]+/g))], ['http://www.w3.org/2000/svg']);
});

test('report in headless Chromium: no console errors, no network, every section drawn, search and contexts work', { timeout: 120_000 }, async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip(`Chromium not installed at ${CHROMIUM} (Debian: apt-get install chromium); the browser test is skipped`);
    return;
  }
  const { chromium } = await import('playwright-core');
  const d = fixturesRun('A statement by <img src=x onerror="document.title=\'PWNED\'"> Angela <b>Merkel</b> was read in Berlin.');
  const html = join(d, 'report.html');
  await writeReport(join(d, 'out'), html, { title: 'Fixtures <report>' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(html).href);
    await page.waitForSelector('body[data-rendered="yes"]', { timeout: 20_000 });
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), []);
    assert.equal(await page.title(), 'Fixtures <report>');
    // Every section has data.
    for (const type of ['PERSON', 'ORG', 'PLACE']) assert.ok((await page.locator(`#top-${type} .bar-row`).count()) >= 5, type);
    assert.ok((await page.locator('#timeline rect.month').count()) >= 5);
    assert.ok((await page.locator('#map circle.place').count()) >= 20);
    assert.ok((await page.locator('#network g.node').count()) >= 10);
    assert.ok((await page.locator('#network line.edge').count()) >= 10);
    // The most mentioned person of the CSV run leads the people list.
    const ents = parse(readFileSync(join(d, 'out', 'entities.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const topPerson = ents.filter((e) => e.type === 'PERSON').sort((a, b) => Number(b.mention_count) - Number(a.mention_count))[0];
    assert.equal(Number(await page.locator('#top-PERSON .bar-n').first().textContent()), Number(topPerson.mention_count));
    // Search narrows the table; a click shows mentions in context with the mention marked.
    const all = await page.locator('tr.entity:visible').count();
    await page.fill('#search', topPerson.canonical);
    const some = await page.locator('tr.entity:visible').count();
    assert.ok(some >= 1 && some < all, `${some} of ${all}`);
    await page.locator(`tr.entity[data-id="${topPerson.entity_id}"]`).click();
    assert.ok((await page.locator('tr.detail mark').count()) >= 1);
    // Hostile input stayed text: no element was injected, no script ran.
    assert.equal(await page.locator('#entity-rows img, #top-PERSON img').count(), 0);
    assert.notEqual(await page.title(), 'PWNED');
    await page.fill('#search', '');
    const shot = process.env.DOSSIER_UPDATE_SCREENSHOT ? join(ROOT, 'docs', 'report.png') : join(d, 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    t.diagnostic(`screenshot: ${shot}`);

    // Search reaches entities ranked after the table (names and counts, no contexts embedded).
    const small = join(d, 'small.html');
    await writeReport(join(d, 'out'), small, { tableCap: 5 });
    await page.goto(pathToFileURL(small).href);
    await page.waitForSelector('body[data-rendered="yes"]', { timeout: 20_000 });
    assert.equal(await page.locator('tr.entity:visible').count(), 5);
    const ranked = ents.filter((e) => e.type !== 'DATE').sort((a, b) => Number(b.mention_count) - Number(a.mention_count) || Number(b.document_count) - Number(a.document_count) || (a.entity_id < b.entity_id ? -1 : 1));
    const later = ranked[20];
    await page.fill('#search', later.entity_id);
    const extra = page.locator(`tr.extra[data-id="${later.entity_id}"]`);
    assert.equal(await extra.count(), 1, `${later.entity_id} found beyond the table`);
    assert.equal(await extra.locator('td').nth(2).textContent(), later.mention_count);
    await extra.click();
    assert.match((await page.locator('tr.detail').textContent()) ?? '', new RegExp(`mentions table \\(entity_id ${later.entity_id}\\)`));
    await page.fill('#search', '');
    assert.equal(await page.locator('tr.extra').count(), 0, 'no rows beyond the table without a query');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
