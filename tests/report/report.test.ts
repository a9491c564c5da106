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
import { landPath, writeReport } from '../../src/report/index.js';
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

type Page = import('playwright-core').Page;

/** What must hold at any width: no horizontal scrolling, legends, labels that do not overlap, chart text of a readable size. */
async function checkLayout(page: Page, width: number): Promise<void> {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= width, `page is ${scroll} px wide at ${width} px`);
  assert.match((await page.locator('#network .legend').textContent()) ?? '', /person.*organization.*place/);
  assert.match((await page.locator('#map .legend').textContent()) ?? '', /mentions/);
  for (const sel of ['#network text.node-label', '#map text.map-label']) {
    const boxes = await page.locator(sel).evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })));
    assert.ok(boxes.length >= 3, `${sel}: ${boxes.length} labels at ${width} px`);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const overlap = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 1 && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 1;
        assert.ok(!overlap, `${sel}: labels ${i} and ${j} overlap at ${width} px`);
      }
    }
  }
  const tick = await page.locator('#timeline text.tick').first().evaluate((t) => t.getBoundingClientRect().height);
  assert.ok(tick >= 10, `timeline labels are ${tick} px high at ${width} px`);
}

test('the map has no line across the world: every segment of the land outline spans less than half of it', () => {
  const d = landPath();
  let worst = 0;
  for (const sub of d.split('M').filter(Boolean)) {
    const pts = sub.replace(/Z$/, '').split('L').map((p) => Number(p.trim().split(' ')[0]));
    for (let i = 1; i < pts.length; i++) worst = Math.max(worst, Math.abs(pts[i] - pts[i - 1]));
  }
  assert.ok(worst < 360, `a segment spans ${worst} of 720 px`);
  assert.ok(d.split('M').length > 100);
});

test('report reads a --format sqlite run and writes OUT_DIR/report.html by default', () => {
  const d = tempDir('report-sqlite');
  const out = join(d, 'db');
  assert.equal(run(['extract', join(ROOT, 'fixtures', 'articles'), '--format', 'sqlite', '--out-dir', out, '--quiet']).status, 0);
  const r = run(['report', out]);
  assert.equal(r.status, 0, r.stderr);
  const page = readFileSync(join(out, 'report.html'), 'utf8');
  assert.match(page, /dossier-data/);
  const data = JSON.parse(/<script type="application\/json" id="dossier-data">(.*?)<\/script>/s.exec(page)![1].replace(/\\u003c/g, '<')) as { documents: number; texts: Record<string, unknown> };
  // One input document per article of the fixtures' gold.
  const articles = readFileSync(join(ROOT, 'fixtures', 'gold', 'fixtures.jsonl'), 'utf8').trim().split('\n').length;
  assert.equal(data.documents, articles);
  assert.equal(Object.keys(data.texts).length, articles, 'texts come from the database');
  assert.equal(run(['report', join(out, 'dossier.db'), '--html', join(d, 'b.html')]).status, 0, 'a database file works too');
});

test('dates at their own granularity on a real time axis: a year-only date is a band across its year, not a January bar', { timeout: 120_000 }, async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip(`Chromium not installed at ${CHROMIUM}`);
    return;
  }
  const d = tempDir('report-dates');
  const docs = [
    { id: 'g1', date: '2017-02-20', text: 'The mill closed in March 2016 and reopened in April 2016, the owner said on 14 May 2016.' },
    { id: 'g2', date: '2017-02-21', text: 'Sales fell throughout 2016, the mill reported in February 2017.' },
  ];
  writeFileSync(join(d, 'in.jsonl'), docs.map((x) => JSON.stringify(x)).join('\n'));
  assert.equal(run(['extract', join(d, 'in.jsonl'), '--out-dir', join(d, 'out'), '--quiet']).status, 0);
  const html = join(d, 'r.html');
  await writeReport(join(d, 'out'), html);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(pathToFileURL(html).href);
    await page.waitForSelector('body[data-rendered="yes"]', { timeout: 20_000 });
    const bars = await page.locator('#timeline rect.bar-t').evaluateAll((rs) => rs.map((r) => [r.querySelector('title')!.textContent, Number(r.getAttribute('x'))] as [string, number]));
    const at = (label: string) => bars.find((b) => b[0].startsWith(label))?.[1];
    assert.ok(at('2016-03: 1 mention') !== undefined && at('2016-04') !== undefined && at('2017-02') !== undefined, JSON.stringify(bars));
    assert.equal(at('2016-01'), undefined, 'no January bar for the year-only "2016"');
    // A real axis: eleven months between April 2016 and February 2017 take ten times the space of one.
    const month = at('2016-04')! - at('2016-03')!;
    assert.ok(Math.abs((at('2017-02')! - at('2016-04')!) / month - 10) < 0.2, JSON.stringify(bars));
    const bands = await page.locator('#timeline rect.band').evaluateAll((rs) => rs.map((r) => [r.querySelector('title')!.textContent, Number(r.getAttribute('x')), Number(r.getAttribute('width'))] as [string, number, number]));
    assert.equal(bands.length, 1);
    assert.match(bands[0][0], /^2016: 1 mention/);
    assert.ok(Math.abs(bands[0][2] / month - 12) < 0.5, 'the band covers the twelve months of 2016');
    assert.ok((await page.locator('#doc-timeline rect.bar-t').count()) >= 1);
  } finally {
    await browser.close();
  }
});

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
    assert.ok((await page.locator('#timeline rect.bar-t').count()) >= 5);
    assert.ok((await page.locator('#doc-timeline rect.bar-t').count()) >= 5, 'documents by publication date');
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
    await checkLayout(page, 1440);
    // The per-document view: a document's mentions highlighted, each mark its mention's text.
    const mentions = parse(readFileSync(join(d, 'out', 'mentions.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const docId = (await page.locator('tr.doc-row').first().getAttribute('data-doc'))!;
    await page.locator('tr.doc-row').first().click();
    const marks = await page.locator('#doc-view .doc-text mark.ent').evaluateAll((ms) => ms.map((m) => [m.firstChild!.textContent, m.className]));
    const want = mentions.filter((m) => m.doc_id === docId);
    assert.deepEqual(marks, want.map((m) => [m.text, `ent ent-${m.type}`]));
    const shot = process.env.DOSSIER_UPDATE_SCREENSHOT ? join(ROOT, 'docs', 'report.png') : join(d, 'report.png');
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.waitForTimeout(400); // charts are drawn again after a resize settles
    await checkLayout(page, 1400);
    await page.screenshot({ path: shot, fullPage: true });
    t.diagnostic(`screenshot: ${shot}`);

    // Keyboard: Tab reaches the rows; Enter opens an entity's contexts and a document.
    await page.focus(`tr.entity[data-id="${topPerson.entity_id}"]`);
    await page.keyboard.press('Enter');
    assert.equal(await page.locator(`tr.entity[data-id="${topPerson.entity_id}"]`).getAttribute('aria-expanded'), 'true');
    assert.ok((await page.locator('tr.detail mark').count()) >= 1);
    await page.focus('tr.doc-row >> nth=1');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('tr.doc-row.selected').getAttribute('data-doc'), await page.locator('tr.doc-row >> nth=1').getAttribute('data-doc'));
    assert.equal(await page.locator('tr.entity[tabindex="0"]').count(), await page.locator('tr.entity').count());

    // A phone: 390 px wide, nothing wider than the screen, chart text still readable.
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const phoneErrors: string[] = [];
    phone.on('console', (m) => {
      if (m.type() === 'error') phoneErrors.push(m.text());
    });
    phone.on('pageerror', (e) => phoneErrors.push(String(e)));
    await phone.goto(pathToFileURL(html).href);
    await phone.waitForSelector('body[data-rendered="yes"]', { timeout: 20_000 });
    await phone.locator('tr.doc-row').first().click();
    await checkLayout(phone, 390);
    const phoneShot = process.env.DOSSIER_UPDATE_SCREENSHOT ? join(ROOT, 'docs', 'report-390.png') : join(d, 'report-390.png');
    await phone.screenshot({ path: phoneShot, fullPage: true });
    t.diagnostic(`screenshot: ${phoneShot}`);
    assert.deepEqual(phoneErrors, []);

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
