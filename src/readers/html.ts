// HTML -> article text with a real parser (linkedom) and readability-style
// extraction (@mozilla/readability), so menus, scripts and footers are not
// scanned. Nothing is executed and nothing is fetched.

import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'figcaption',
  'figure', 'pre', 'table', 'tr', 'header', 'footer', 'aside', 'dd', 'dt', 'dl', 'address', 'caption',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'button', 'select', 'form']);
const BOILERPLATE = new Set(['nav', 'header', 'footer', 'aside', 'form']);

export interface HtmlArticle {
  title: string;
  date: string;
  text: string;
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Block-aware text of a DOM subtree (iterative, so deep nesting cannot overflow the stack). */
function blockText(root: DomNode, skipBoilerplate: boolean): string {
  const blocks: string[] = [];
  let cur = '';
  const endBlock = () => {
    const t = cur.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim();
    if (t) blocks.push(t);
    cur = '';
  };
  const stack: (DomNode | 'END_BLOCK')[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n === 'END_BLOCK') {
      endBlock();
      continue;
    }
    if (n.nodeType === 3) {
      cur += n.textContent ?? '';
      continue;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) continue;
    const name = n.nodeName.toLowerCase();
    if (SKIP.has(name) || (skipBoilerplate && BOILERPLATE.has(name))) continue;
    if (name === 'br') {
      cur += '\n';
      continue;
    }
    const block = BLOCK.has(name);
    if (block) {
      endBlock();
      stack.push('END_BLOCK');
    }
    const kids = n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  endBlock();
  return blocks.join('\n\n');
}

function metaDate(document: Document): string {
  const sel = [
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="pubdate"]',
    'meta[name="publish-date"]',
    'meta[property="og:published_time"]',
  ];
  for (const s of sel) {
    const v = document.querySelector(s)?.getAttribute('content');
    if (v) return v;
  }
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const found = findKey(JSON.parse(script.textContent ?? ''), 'datePublished', 0);
      if (found) return found;
    } catch {
      /* malformed JSON-LD: ignore */
    }
  }
  const time = document.querySelector('time[datetime]')?.getAttribute('datetime');
  return time ?? '';
}

function findKey(v: unknown, key: string, depth: number): string {
  if (depth > 8 || v === null || typeof v !== 'object') return '';
  if (Array.isArray(v)) {
    for (const x of v) {
      const r = findKey(x, key, depth + 1);
      if (r) return r;
    }
    return '';
  }
  const o = v as Record<string, unknown>;
  if (typeof o[key] === 'string') return o[key] as string;
  for (const k of Object.keys(o)) {
    const r = findKey(o[k], key, depth + 1);
    if (r) return r;
  }
  return '';
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
  let title = '';
  let date = '';
  let text = '';
  try {
    if (nestingDepth(html, MAX_DOM_DEPTH) > MAX_DOM_DEPTH) throw new RangeError('nesting too deep for the DOM path');
    const { document } = parseHTML(html);
    title =
      document.querySelector('meta[property="og:title"]')?.getAttribute('content') ||
      document.querySelector('title')?.textContent?.trim() ||
      document.querySelector('h1')?.textContent?.trim() ||
      '';
    date = metaDate(document as unknown as Document);
    let article: { content?: string | null } | null = null;
    try {
      article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
    } catch {
      article = null;
    }
    if (article?.content) text = blockText(parseHTML(`<html><body>${article.content}</body></html>`).document as unknown as DomNode, false);
    if (!text.trim()) {
      // Short pages: readability gives up; take <article>, <main> or <body> minus boilerplate.
      const { document: again } = parseHTML(html);
      const root = again.querySelector('article') ?? again.querySelector('main') ?? again.querySelector('body');
      if (root) text = blockText(root as unknown as DomNode, true);
    }
  } catch {
    text = stripTags(html);
    const m = /<title[^>]*>([^<]{0,500})<\/title>/i.exec(html.slice(0, 100_000));
    if (m) title = decodeEntities(m[1]).trim();
  }
  // The headline repeated at the top of the body is the title, not article text.
  if (title) {
    const firstBreak = text.indexOf('\n\n');
    const firstBlock = firstBreak < 0 ? text : text.slice(0, firstBreak);
    if (firstBlock.trim() === title.trim()) text = firstBreak < 0 ? '' : text.slice(firstBreak + 2);
  }
  return { title: title.replace(/\s+/g, ' ').trim(), date, text };
}
