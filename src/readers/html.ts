// HTML -> article text and page metadata, with a real parser (linkedom) and
// readability-style extraction (@mozilla/readability), so menus, scripts and
// footers are not scanned. Nothing is executed and nothing is fetched.
//
// Block elements (paragraphs, cells, list items) end a line of text, so two
// table cells never run together; photo credits, captions and bylines are
// page furniture and are kept out of the text. When readability keeps an
// implausibly small part of the page (a print footer instead of the story),
// the page's own article container is used and the document gets a warning.

import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { dataPath } from '../util/paths.js';
import { normalizeDocDate } from './doc-date.js';
import { normalizeLanguage } from './language.js';

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'figcaption',
  'figure', 'pre', 'table', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'header', 'footer', 'aside', 'dd', 'dt', 'dl', 'address',
  'caption', 'details', 'summary', 'hgroup', 'nav', 'menu', 'fieldset', 'legend', 'center', 'hr', 'picture', 'video', 'audio',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'button', 'select', 'form', 'head']);
const BOILERPLATE = new Set(['nav', 'header', 'footer', 'aside', 'form']);

export interface HtmlArticle {
  title: string;
  /** The publication date as the page gives it ('' when none); `dateSource` names where it came from. */
  date: string;
  dateSource: string;
  text: string;
  url: string;
  byline: string;
  siteName: string;
  /** The page's declared language (ISO 639-1 where one exists), '' when it declares none. */
  language: string;
  /** Set when the text is a fallback extraction or implausibly short. */
  warning: string;
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?: (name: string) => string | null;
}

interface HtmlLists {
  furnitureClassWords: string[];
  furnitureItemprops: string[];
  creditLinePrefixes: string[];
  creditLabels: string[];
  copyrightLinePrefixes: string[];
  publishedMeta: string[];
  modifiedMeta: string[];
  articleTypes: string[];
}

interface Compiled extends HtmlLists {
  classWords: Set<string>;
  itemprops: Set<string>;
  creditLine: RegExp;
  creditLabel: RegExp;
  copyrightLine: RegExp;
  articleTypeSet: Set<string>;
}

let lists: Compiled | null = null;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function htmlLists(): Compiled {
  if (lists) return lists;
  const raw = JSON.parse(readFileSync(dataPath('html.json'), 'utf8')) as HtmlLists;
  const alt = (xs: string[]) => xs.map(escapeRe).sort((a, b) => b.length - a.length).join('|');
  lists = {
    ...raw,
    classWords: new Set(raw.furnitureClassWords.map((w) => w.toLowerCase())),
    itemprops: new Set(raw.furnitureItemprops.map((w) => w.toLowerCase())),
    // "Credit: Ann Lee/Agency", "Photo | Agency", "Photograph by Ann Lee" ("Credit Suisse fell" is not one)
    creditLine: new RegExp(`^(?:${alt(raw.creditLinePrefixes)})(?:\\s*[:|/•·–—-]|\\s+by\\s+(?=\\p{Lu}))`, 'iu'),
    // an element holding only the label: <span>Credit</span><span>Ann Lee</span>
    creditLabel: new RegExp(`^(?:${alt(raw.creditLabels)})\\s*:?$`, 'iu'),
    copyrightLine: new RegExp(`^(?:${alt(raw.copyrightLinePrefixes)})(?:\\s|\\d|$)`, 'iu'),
    articleTypeSet: new Set(raw.articleTypes),
  };
  return lists;
}

/** Photo credits, captions, bylines: elements that label the page rather than tell the story. */
function isFurniture(n: DomNode, name: string): boolean {
  if (name === 'figcaption') return true;
  const L = htmlLists();
  const cls = n.getAttribute?.('class');
  if (cls) {
    for (const part of cls.toLowerCase().split(/[\s_-]+/)) if (part && L.classWords.has(part)) return true;
  }
  const prop = n.getAttribute?.('itemprop');
  if (prop && prop.toLowerCase().split(/\s+/).some((p) => L.itemprops.has(p))) return true;
  const rel = n.getAttribute?.('rel');
  if (name === 'a' && rel && /\bauthor\b/i.test(rel)) return true;
  return false;
}

/** A short line that is a photo credit or a copyright notice, not article text. */
function isFurnitureLine(line: string): boolean {
  if (line.length > 160) return false;
  const L = htmlLists();
  return L.creditLine.test(line) || L.copyrightLine.test(line);
}

/** "Credit", "Photo credit:" alone in an element, capitalized (a lower-case "credit" link is running text). */
function isCreditLabel(raw: string): boolean {
  const t = raw.trim();
  return t.length > 0 && t.length < 20 && UPPER_START.test(t) && htmlLists().creditLabel.test(t);
}

const LOWER_END = /\p{Ll}$/u;
const UPPER_START = /^\p{Lu}/u;

/**
 * Block-aware text of a DOM subtree (iterative, so deep nesting cannot
 * overflow the stack). Each block element ends a line; `<br>` ends a line;
 * where two inline elements meet with no space and the words would run
 * together ("Credit" + "Ann Lee"), a space is put between them.
 */
function blockText(root: DomNode, skipBoilerplate: boolean, skipFurniture = true): string {
  const blocks: string[] = [];
  let cur = '';
  let boundary = false;
  /** The block holds an element that is only a credit label ("Credit", "Photo"): the whole block is a credit. */
  let creditBlock = false;
  const endBlock = () => {
    if (!creditBlock) {
      for (const line of cur.split('\n')) {
        const t = line.replace(/[ \t\r\f\u00a0]+/g, ' ').trim();
        if (t && !(skipFurniture && isFurnitureLine(t))) blocks.push(t);
      }
    }
    cur = '';
    boundary = false;
    creditBlock = false;
  };
  const stack: (DomNode | 'END_BLOCK' | 'END_INLINE')[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n === 'END_BLOCK') {
      endBlock();
      continue;
    }
    if (n === 'END_INLINE') {
      boundary = true;
      continue;
    }
    if (n.nodeType === 3) {
      const t = (n.textContent ?? '').replace(/\n/g, ' ');
      if (boundary && LOWER_END.test(cur.slice(-1)) && UPPER_START.test(t)) cur += ' ';
      if (t) boundary = false;
      cur += t;
      continue;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) continue;
    const name = n.nodeName.toLowerCase();
    if (SKIP.has(name) || (skipBoilerplate && BOILERPLATE.has(name))) continue;
    if (skipFurniture && n.nodeType === 1 && isFurniture(n, name)) {
      boundary = true;
      continue;
    }
    if (name === 'br') {
      cur += '\n';
      continue;
    }
    const block = BLOCK.has(name);
    if (block) {
      endBlock();
      stack.push('END_BLOCK');
    } else if (n.nodeType === 1) {
      boundary = true;
      stack.push('END_INLINE');
      const kids = n.childNodes;
      if (skipFurniture && kids.length === 1 && kids[0].nodeType === 3 && isCreditLabel(kids[0].textContent ?? '')) creditBlock = true;
    }
    const kids = n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  endBlock();
  return blocks.join('\n\n');
}

// ---- JSON-LD -------------------------------------------------------------

type Json = Record<string, unknown>;

/** JSON-LD script bodies as objects: CDATA wrappers and comments removed, raw control characters tolerated. */
function jsonLdObjects(document: Document): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 8 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Json;
    out.push(o);
    for (const k of Object.keys(o)) if (typeof o[k] === 'object') visit(o[k], depth + 1);
  };
  for (const script of Array.from(document.querySelectorAll('script'))) {
    const type = (script.getAttribute('type') ?? '').toLowerCase();
    if (!type.includes('ld+json')) continue;
    const body = unwrapJsonLd(script.textContent ?? '');
    try {
      visit(JSON.parse(body), 0);
    } catch {
      /* malformed JSON-LD: ignore */
    }
  }
  return out;
}

/** A script body without the CDATA wrapper and comment markers pages put around JSON ("//<![CDATA[ ... //]]>"). */
export function unwrapJsonLd(raw: string): string {
  let s = raw.trim();
  const open = s.indexOf('<![CDATA[');
  if (open >= 0 && open <= 4) s = s.slice(open + 9);
  const close = s.lastIndexOf(']]>');
  if (close >= 0 && s.length - close <= 6) s = s.slice(0, close);
  s = s.trim();
  if (s.startsWith('*/')) s = s.slice(2);
  if (s.endsWith('//') || s.endsWith('/*')) s = s.slice(0, -2);
  if (s.startsWith('<!--')) s = s.slice(4);
  if (s.endsWith('-->')) s = s.slice(0, -3);
  return s.replace(/[\u0000-\u001f]+/g, ' ');
}

function typesOf(o: Json): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** Article-typed objects first (their dates and authors are the story's), then the rest. */
function rankLd(objs: Json[]): Json[] {
  const types = htmlLists().articleTypeSet;
  const isArticle = (o: Json) => typesOf(o).some((t) => types.has(t));
  return [...objs.filter(isArticle), ...objs.filter((o) => !isArticle(o))];
}

function ldString(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Json;
    if (typeof o.name === 'string') return o.name.trim();
    if (typeof o['@value'] === 'string') return (o['@value'] as string).trim();
  }
  return '';
}

function ldNames(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(ldNames);
  const s = ldString(v);
  return s ? [s] : [];
}

// ---- metadata ------------------------------------------------------------

function metaContent(document: Document, key: string): string {
  const k = key.toLowerCase();
  for (const m of Array.from(document.querySelectorAll('meta'))) {
    const names = [m.getAttribute('property'), m.getAttribute('name'), m.getAttribute('itemprop'), m.getAttribute('http-equiv')];
    if (names.some((x) => x && x.toLowerCase() === k)) {
      const v = (m.getAttribute('content') ?? '').trim();
      if (v) return v;
    }
  }
  return '';
}

interface Dated {
  date: string;
  source: string;
}

function pageDate(document: Document, ld: Json[]): Dated {
  const L = htmlLists();
  const fromLd = (key: string): Dated | null => {
    for (const o of ld) {
      const d = normalizeDocDate(ldString(o[key]));
      if (d) return { date: d, source: `json-ld ${key}` };
    }
    return null;
  };
  const fromMeta = (keys: string[]): Dated | null => {
    for (const k of keys) {
      const d = normalizeDocDate(metaContent(document, k));
      if (d) return { date: d, source: `meta ${k}` };
    }
    return null;
  };
  const fromItemprop = (prop: string): Dated | null => {
    for (const el of Array.from(document.querySelectorAll(`[itemprop="${prop}"]`))) {
      const d = normalizeDocDate(el.getAttribute('content') || el.getAttribute('datetime') || el.textContent || '');
      if (d) return { date: d, source: `itemprop ${prop}` };
    }
    return null;
  };
  const fromTime = (): Dated | null => {
    const times = [
      ...Array.from(document.querySelectorAll('time[pubdate]')),
      ...Array.from(document.querySelectorAll('article time[datetime]')),
      ...Array.from(document.querySelectorAll('time[datetime]')),
    ];
    for (const el of times) {
      const d = normalizeDocDate(el.getAttribute('datetime') ?? '');
      if (d) return { date: d, source: 'time element' };
    }
    return null;
  };
  const published = fromLd('datePublished') ?? fromMeta(L.publishedMeta) ?? fromItemprop('datePublished') ?? fromTime();
  if (published) return published;
  const modified = fromLd('dateModified') ?? fromMeta(L.modifiedMeta) ?? fromItemprop('dateModified');
  if (modified) return { date: modified.date, source: `${modified.source} (no publication date given; last modified)` };
  return { date: '', source: '' };
}

function cleanByline(s: string): string {
  const t = s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:written\s+)?by[:\s]\s*/i, '')
    .replace(/[|,;]\s*$/, '')
    .trim();
  if (!t || t.length > 200 || /^https?:\/\//i.test(t) || /^[\W\d_]+$/u.test(t)) return '';
  return t;
}

function pageByline(document: Document, ld: Json[], fromReadability: string): string {
  const uniq = (xs: string[]) => [...new Set(xs.map(cleanByline).filter(Boolean))];
  const types = htmlLists().articleTypeSet;
  for (const o of ld) {
    if (!typesOf(o).some((t) => types.has(t))) continue;
    const names = uniq([...ldNames(o.author), ...ldNames(o.creator)]);
    if (names.length > 0) return names.join('; ');
  }
  const meta = uniq([metaContent(document, 'author'), metaContent(document, 'article:author'), metaContent(document, 'byl'), metaContent(document, 'dc.creator')]);
  if (meta.length > 0) return meta[0];
  const marked: string[] = [];
  for (const el of Array.from(document.querySelectorAll('[itemprop~="author"]'))) {
    const name = el.querySelector('[itemprop~="name"]');
    marked.push(name?.getAttribute('content') || name?.textContent || el.getAttribute('content') || el.textContent || '');
  }
  for (const el of Array.from(document.querySelectorAll('a[rel~="author"]'))) marked.push(el.textContent ?? '');
  const found = uniq(marked);
  if (found.length > 0) return found.join('; ');
  const r = cleanByline(fromReadability);
  if (r) return r;
  for (const el of Array.from(document.querySelectorAll('[class*="byline"], [class*="Byline"]'))) {
    const t = cleanByline(el.textContent ?? '');
    if (t && t.length < 120) return t;
  }
  return '';
}

function pageUrl(document: Document, ld: Json[]): string {
  const og = metaContent(document, 'og:url');
  const canonical = Array.from(document.querySelectorAll('link'))
    .find((l) => (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'))
    ?.getAttribute('href')
    ?.trim();
  for (const candidate of [canonical, og]) {
    if (!candidate) continue;
    try {
      return new URL(candidate, /^https?:\/\//i.test(og) ? og : undefined).href;
    } catch {
      /* a relative link with nothing to resolve it against: try the next one */
    }
  }
  for (const o of ld) {
    const u = ldString(o.url) || ldString((o.mainEntityOfPage as Json | undefined)?.['@id']);
    if (/^https?:\/\//i.test(u)) return u;
  }
  return '';
}

function pageSiteName(document: Document, ld: Json[], fromReadability: string): string {
  const og = metaContent(document, 'og:site_name');
  if (og) return og.replace(/\s+/g, ' ');
  for (const o of ld) {
    const p = ldString(o.publisher);
    if (p) return p;
  }
  return (metaContent(document, 'application-name') || fromReadability || '').replace(/\s+/g, ' ').trim();
}

function pageLanguage(document: Document, ld: Json[]): string {
  const html = document.querySelector('html');
  const declared = [
    html?.getAttribute('lang'),
    html?.getAttribute('xml:lang'),
    metaContent(document, 'content-language'),
    metaContent(document, 'og:locale'),
    metaContent(document, 'language'),
    ...ld.map((o) => ldString(o.inLanguage)),
  ];
  for (const d of declared) {
    const code = normalizeLanguage(d ?? '');
    if (code) return code;
  }
  return '';
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** "Storm hits coast - Example News" -> "Storm hits coast" when "Example News" is the site's name (or its host). */
export function stripSiteSuffix(title: string, siteName: string, url: string): string {
  const names = [siteName].filter(Boolean).map(squash);
  try {
    const host = new URL(url).hostname.replace(/^www\./, '');
    names.push(squash(host), squash(host.replace(/\.[a-z]+$/i, '')));
  } catch {
    /* no url */
  }
  const known = names.filter((n) => n.length >= 2);
  if (known.length === 0) return title;
  const isSite = (seg: string) => {
    const s = squash(seg);
    return s.length >= 2 && known.some((n) => s === n || (n.startsWith(s) && s.length >= 3) || (s.startsWith(n) && n.length >= 3));
  };
  const open = title.lastIndexOf('[');
  if (open > 0 && title.endsWith(']') && isSite(title.slice(open + 1, -1))) {
    const head = title.slice(0, open).trim();
    if (head) return head;
  }
  const seps = [...title.matchAll(/(?<!\s)\s+[|\-–—:·•»/]\s+|(?<!\s)\s*\|\s*/g)];
  if (seps.length === 0) return title;
  const last = seps[seps.length - 1];
  const lastIndex = last.index ?? 0;
  if (isSite(title.slice(lastIndex + last[0].length))) {
    const head = title.slice(0, lastIndex).trim();
    if (head) return head;
  }
  const first = seps[0];
  const firstIndex = first.index ?? 0;
  if (isSite(title.slice(0, firstIndex))) {
    const rest = title.slice(firstIndex + first[0].length).trim();
    if (rest) return rest;
  }
  return title;
}

// ---- article text --------------------------------------------------------

/** Readability keeping less than this share of the page's own article container has taken the wrong part of the page. */
const FALLBACK_SHARE = 0.25;
/** With no article container, less than this share of the whole page's text (of at least PAGE_MIN characters). */
const PAGE_SHARE = 0.12;
const PAGE_MIN = 2000;
/** An article shorter than this is reported in the warning column. */
export const SHORT_ARTICLE = 250;

function containerText(document: Document): { text: string; name: string } {
  for (const [sel, name] of [
    ['[itemprop~="articleBody"]', 'itemprop articleBody'],
    ['article', '<article>'],
    ['main', '<main>'],
    ['[role="main"]', 'role=main'],
  ] as const) {
    let best = '';
    for (const el of Array.from(document.querySelectorAll(sel))) {
      const t = blockText(el as unknown as DomNode, true);
      if (t.length > best.length) best = t;
    }
    if (best.length >= SHORT_ARTICLE) return { text: best, name };
  }
  return { text: '', name: '' };
}

/** Linear fallback for pages the DOM path cannot handle: drop tags, scripts and styles. */
export function stripTags(html: string): string {
  let out = '';
  let i = 0;
  const n = html.length;
  const lower = html.toLowerCase();
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    for (const tag of ['script', 'style']) {
      if (lower.startsWith(tag, lt + 1)) {
        const close = lower.indexOf(`</${tag}`, lt);
        i = close < 0 ? n : close;
        break;
      }
    }
    const gt = html.indexOf('>', Math.max(i, lt));
    if (gt < 0) break;
    const name = lower.slice(lt + 1, Math.min(gt, lt + 12)).replace(/^\//, '').split(/[\s/>]/)[0];
    out += BLOCK.has(name) || name === 'br' ? '\n\n' : '';
    i = gt + 1;
  }
  return decodeEntities(out)
    .split(/\n\s*\n/)
    .map((b) => b.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

function decodeEntities(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return named[e.toLowerCase()] ?? m;
  });
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Deepest tag nesting, by a linear scan (approximate: unclosed tags count as open). */
export function nestingDepth(html: string, stopAt: number): number {
  let depth = 0;
  let max = 0;
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(\/?)>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html)) !== null) {
    const name = m[2].toLowerCase();
    if (VOID.has(name) || m[3] === '/') continue;
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > max) {
      max = depth;
      if (max > stopAt) return max;
    }
  }
  return max;
}

/** Pages nested deeper than this skip the DOM and readability (both degrade badly with depth). */
const MAX_DOM_DEPTH = 150;


export function readHtml(html: string): HtmlArticle {
  const out: HtmlArticle = { title: '', date: '', dateSource: '', text: '', url: '', byline: '', siteName: '', language: '', warning: '' };
  let text = '';
  try {
    if (nestingDepth(html, MAX_DOM_DEPTH) > MAX_DOM_DEPTH) throw new RangeError('nesting too deep for the DOM path');
    const { document } = parseHTML(html);
    const doc = document as unknown as Document;
    const ld = rankLd(jsonLdObjects(doc));
    const rawTitle =
      metaContent(doc, 'og:title') ||
      document.querySelector('title')?.textContent?.trim() ||
      document.querySelector('h1')?.textContent?.trim() ||
      '';
    ({ date: out.date, source: out.dateSource } = pageDate(doc, ld));
    out.url = pageUrl(doc, ld);
    out.language = pageLanguage(doc, ld);
    // The page's own article container and its whole text, read before readability changes the DOM.
    const container = containerText(doc);
    const body = document.querySelector('body');
    const pageText = body ? blockText(body as unknown as DomNode, true) : '';
    let article: { content?: string | null; byline?: string | null; siteName?: string | null } | null = null;
    try {
      const { document: forReadability } = parseHTML(html);
      article = new Readability(forReadability as unknown as Document, { charThreshold: 100, keepClasses: true }).parse();
    } catch {
      article = null;
    }
    out.byline = pageByline(doc, ld, article?.byline ?? '');
    out.siteName = pageSiteName(doc, ld, article?.siteName ?? '');
    out.title = stripSiteSuffix(rawTitle.replace(/\s+/g, ' ').trim(), out.siteName, out.url);
    if (article?.content) text = blockText(parseHTML(`<html><body>${article.content}</body></html>`).document as unknown as DomNode, false);
    if (!text.trim()) {
      // Short pages: readability gives up; take the article container or the page minus boilerplate.
      text = container.text || pageText;
    } else if (container.text.length > text.length && (text.length < FALLBACK_SHARE * container.text.length || !container.text.includes(text.slice(0, 80)))) {
      // Readability kept a sliver of the page's article container, or something outside it (a print footer).
      const where = container.text.includes(text.slice(0, 80)) ? `of the ${container.text.length} characters in the page's ${container.name}` : `characters from outside the page's ${container.name}`;
      out.warning = `readability kept ${text.length} ${where}; the text is the ${container.name}`;
      text = container.text;
    } else if (!container.text && pageText.length >= PAGE_MIN && text.length < PAGE_SHARE * pageText.length) {
      out.warning = `readability kept ${text.length} of the page's ${pageText.length} characters; the text is the whole page minus menus, headers and footers`;
      text = pageText;
    }
  } catch {
    text = stripTags(html);
    const m = /<title[^>]*>([^<]{0,500})<\/title>/i.exec(html.slice(0, 100_000));
    if (m) out.title = decodeEntities(m[1]).replace(/\s+/g, ' ').trim();
  }
  // The headline repeated at the top of the body is the title, not article text.
  if (out.title) {
    const firstBreak = text.indexOf('\n\n');
    const firstBlock = firstBreak < 0 ? text : text.slice(0, firstBreak);
    const t = out.title.trim();
    const head = firstBlock.trim();
    // also the headline without a suffix the title kept ("Storm closes harbour" under "Storm closes harbour - Site")
    if (head === t || (head.length >= 20 && head.length >= 0.6 * t.length && t.startsWith(head))) {
      text = firstBreak < 0 ? '' : text.slice(firstBreak + 2);
    }
  }
  const len = [...text].length;
  if (text.trim() && len < SHORT_ARTICLE && !out.warning) out.warning = `short article: ${len} characters`;
  out.text = text;
  return out;
}
