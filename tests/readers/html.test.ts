// The HTML reader on original pages in fixtures/html-pages: block boundaries,
// page furniture kept out of the text, metadata, language, and the fallback
// when readability keeps the wrong part of the page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readHtml, stripSiteSuffix } from '../../src/readers/html.js';
import { detectLanguage, languageSkipReason, normalizeLanguage } from '../../src/readers/language.js';
import { normalizeDocDate } from '../../src/readers/doc-date.js';
import { extractMentions } from '../../src/pipeline/extract.js';

const PAGES = fileURLToPath(new URL('../../../fixtures/html-pages/', import.meta.url));
const page = (name: string) => readHtml(readFileSync(join(PAGES, name), 'utf8'));
const lines = (text: string) => text.split('\n').filter((l) => l.trim());

test('credits and captions leave the article text, and no name is glued to "Credit"', () => {
  const a = page('credits-captions.html');
  for (const gone of ['Credit', 'Rowan Pike', 'Milo Farrant', 'Esme Varley', 'restored cottages at Saltmere Point in May', '©']) {
    assert.ok(!a.text.includes(gone), `"${gone}" is not article text`);
  }
  assert.match(a.text, /^The row of cottages/);
  assert.match(a.text, /The trust hopes to restore the foghorn building next/);
  const mentions = extractMentions({ id: 'c', source: 'c', title: a.title, date: a.date, text: a.text }).mentions;
  assert.ok(mentions.some((m) => m.text === 'Agnes Holloway'));
  assert.ok(!mentions.some((m) => /credit/i.test(m.text)));
});

test('words that merely start like a credit stay: "Credit Suisse", a "Video Games" subheading, a "credit" link', () => {
  const a = readHtml(`<html><body><article><p>The bank said its profits rose in the third quarter, helped by trading income and lower costs across its divisions.</p>
    <table><tr><td>Credit Suisse</td><td>Zurich</td></tr></table><h2>Video Games Lead Sales</h2>
    <p>Shops may extend <a href="/c">credit</a> to buyers, the regulator said.</p></article></body></html>`);
  for (const kept of ['Credit Suisse', 'Video Games Lead Sales', 'Shops may extend credit to buyers']) assert.ok(a.text.includes(kept), kept);
});

test('two inline elements with no space between them do not glue their words', () => {
  const a = readHtml(`<html><body><article><p>The bridge reopened on Friday after repairs that took most of the winter, the county said in a statement.</p>
    <p><span>Reporter</span><span>Anna Voss</span> contributed from the riverside.</p></article></body></html>`);
  assert.match(a.text, /Reporter Anna Voss contributed/);
});

test('table cells and list items are lines of their own: "4.3.6" and "February 2015" do not make a date', () => {
  const a = page('table.html');
  const ls = lines(a.text);
  for (const cell of ['4.3.6', 'February 2015', 'Corin Ashdown', 'Permits issued', 'Refunds paid']) assert.ok(ls.includes(cell), cell);
  const dates = extractMentions({ id: 't', source: 't', title: a.title, date: a.date, text: a.text })
    .mentions.filter((m) => m.type === 'DATE')
    .map((m) => m.text);
  assert.ok(dates.includes('February 2015'));
  assert.ok(!dates.some((d) => /^6 February|1800/.test(d)), dates.join(' | '));
});

test('date from JSON-LD inside CDATA; authors, publisher and canonical url; title without "[Site]"', () => {
  const a = page('cdata-jsonld.html');
  assert.equal(a.date, '2023-09-18');
  assert.equal(a.dateSource, 'json-ld datePublished');
  assert.equal(a.byline, 'Priya Calloway; Tom Reddish');
  assert.equal(a.siteName, 'Fenland Gazette');
  // a relative canonical link is resolved against og:url
  assert.equal(a.url, 'https://fenlandgazette.example/news/2023/09/record-apple-harvest');
  assert.equal(a.title, 'Valley orchards expect record apple harvest');
  assert.ok(!a.text.includes('By Priya'));
});

test('article:publicationdate, pdate and dateModified as dates, each source named', () => {
  const p = page('publicationdate.html');
  assert.deepEqual([p.date, p.dateSource], ['2022-10-03', 'meta article:publicationdate']);
  const t = page('table.html');
  assert.deepEqual([t.date, t.dateSource], ['2015-02-12', 'meta pdate']);
  const m = page('modified-only.html');
  assert.equal(m.date, '2021-05-04');
  assert.match(m.dateSource, /dateModified.*no publication date/);
  assert.equal(readHtml('<html><body><p>No date anywhere on this page, which is a short note about the weather in town today.</p></body></html>').dateSource, '');
});

test('bylines: meta author without "By", rel=author, JSON-LD author objects', () => {
  assert.equal(page('credits-captions.html').byline, 'Dana Whitcombe');
  assert.equal(page('publicationdate.html').byline, 'Owen Lisle');
  assert.equal(page('modified-only.html').byline, 'Lena Marsh');
  assert.equal(page('table.html').byline, '');
});

test('canonical url, site name and a title whose site suffix is dropped', () => {
  const a = page('credits-captions.html');
  assert.equal(a.url, 'https://www.harbourpost.example/culture/2024/06/lighthouse-museum');
  assert.equal(a.siteName, 'The Harbour Post');
  assert.equal(a.title, "Lighthouse keepers' cottages reopen as a museum");
  assert.equal(stripSiteSuffix('Storm closes the harbour - Example News', 'Example News', ''), 'Storm closes the harbour');
  assert.equal(stripSiteSuffix('Example News | Storm closes the harbour', 'Example News', ''), 'Storm closes the harbour');
  assert.equal(stripSiteSuffix('Kernel 6.9 released [LWN.net]', '', 'https://lwn.net/Articles/1/'), 'Kernel 6.9 released');
  // a suffix that is not the site's name stays
  assert.equal(stripSiteSuffix('Budget vote - live updates', 'Example News', ''), 'Budget vote - live updates');
  assert.equal(stripSiteSuffix('Budget vote - Example News', '', ''), 'Budget vote - Example News');
});

test("language: the page's lang attribute, else detected from the text", async () => {
  assert.equal(page('credits-captions.html').language, 'en');
  assert.equal(page('spanish.html').language, 'es');
  assert.equal(page('spanish-no-lang.html').language, '');
  assert.equal(await detectLanguage(page('spanish-no-lang.html').text), 'es');
  assert.equal(await detectLanguage(page('cdata-jsonld.html').text), 'en');
  assert.equal(normalizeLanguage('en-GB'), 'en');
  assert.equal(normalizeLanguage('spa'), 'es');
  assert.equal(normalizeLanguage('not a tag'), '');
});

test('language detection does not call name-heavy English or a list of names foreign', async () => {
  assert.equal(await detectLanguage('Angela Merkel met Emmanuel Macron in Paris on Monday. '.repeat(20)), 'en');
  assert.equal(await detectLanguage('Angela Merkel, Emmanuel Macron, Olaf Scholz, Giorgia Meloni, Pedro Sanchez, Mark Rutte, Charles Michel'), '');
  assert.equal(await detectLanguage('Der Bundeskanzler hat am Dienstag in Berlin eine neue Regierung vorgestellt und die Minister ernannt.'), 'de');
  assert.equal(await detectLanguage('Short.'), '');
  assert.equal(languageSkipReason('en'), '');
  assert.equal(languageSkipReason(''), '');
  assert.match(languageSkipReason('es'), /es \(Spanish\), not English/);
});

test('readability keeping only a print footer: the article container is used and a warning says so', () => {
  const a = page('footer-only.html');
  assert.match(a.text, /^Island residents will have two extra crossings/);
  assert.match(a.text, /cut crossing times by ten minutes\.$/);
  assert.ok(!a.text.includes('printed from the Coastline Courier'));
  assert.match(a.warning, /readability kept \d+ characters from outside the page's <article>/);
  assert.equal(page('credits-captions.html').warning, '');
});

test('a short article is flagged in the warning', () => {
  const a = readHtml('<html><body><article><p>Road closed in Tarbury until Friday.</p></article></body></html>');
  assert.equal(a.text, 'Road closed in Tarbury until Friday.');
  assert.match(a.warning, /short article: 36 characters/);
});

test('document dates in the forms pages use', () => {
  assert.equal(normalizeDocDate('20150212'), '2015-02-12');
  assert.equal(normalizeDocDate('2015/2/12'), '2015-02-12');
  assert.equal(normalizeDocDate('20151312'), '');
  assert.equal(normalizeDocDate('Feb 12, 2015'), '2015-02-12');
  assert.equal(normalizeDocDate('2015'), '');
});
