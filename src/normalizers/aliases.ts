// The organization alias table (data/orgs.json, plus a user's own file) and
// in-text acronym definitions ("the Central Intelligence Agency (CIA)",
// "Federal Security Service, or FSB").

import { readFileSync } from 'node:fs';
import { dataPath } from '../util/paths.js';

export interface OrgEntry {
  canonical: string;
  aliases: string[];
  kind: string;
  country: string;
}

export interface OrgInfo {
  canonical: string;
  kind: string;
  country: string;
}

interface AliasTable {
  /** Exact surface -> entry (acronyms and one-word names must match case). */
  exact: Map<string, OrgInfo>;
  /** Lower-cased multi-word names -> entry. */
  folded: Map<string, OrgInfo>;
  /** Lower-cased first words of every alias, with the longest alias (in words) starting with each. */
  firstWords: Map<string, number>;
}

let table: AliasTable | null = null;
// Worker threads inherit a user's alias file through the environment (see the CLI's --aliases).
const extraFiles: string[] = process.env.DOSSIER_ALIASES ? [process.env.DOSSIER_ALIASES] : [];

/** Add a user's alias file (same JSON shape as data/orgs.json); entries override the bundled ones. */
export function loadAliasTable(extraFile?: string): void {
  if (extraFile && !extraFiles.includes(extraFile)) extraFiles.push(extraFile);
  table = null;
  aliasTable(); // read now, so a bad file is reported before any document is processed
}

// What fold changes besides case: a curly apostrophe, white space other than one plain space.
const NEEDS_FOLD = /’|[^\S ]| {2}/;
export const fold = (s: string): string => {
  const k = s.toLowerCase();
  return NEEDS_FOLD.test(k) ? k.replace(/’/g, "'").replace(/\s+/g, ' ') : k;
};

function build(): AliasTable {
  const exact = new Map<string, OrgInfo>();
  const folded = new Map<string, OrgInfo>();
  const firstWords = new Map<string, number>();
  const files = [dataPath('orgs.json'), ...extraFiles];
  for (const file of files) {
    const entries = JSON.parse(readFileSync(file, 'utf8')) as OrgEntry[];
    for (const e of entries) {
      const info: OrgInfo = { canonical: e.canonical, kind: e.kind, country: e.country };
      for (const name of [e.canonical, ...e.aliases]) {
        const variants = [name, name.replace(/’/g, "'"), name.replace(/'/g, '’')];
        if (/^The /.test(name)) variants.push(name.slice(4));
        for (const v of variants) {
          exact.set(v, info);
          const words = v.split(' ').length;
          // Tokens split possessives and some punctuation off, so allow a few extra tokens.
          const first = v.split(/[\s'’]/)[0].toLowerCase();
          firstWords.set(first, Math.max(firstWords.get(first) ?? 0, words + 2));
          if (words >= 2) folded.set(fold(v), info);
        }
      }
    }
  }
  return { exact, folded, firstWords };
}

function aliasTable(): AliasTable {
  if (!table) table = build();
  return table;
}

/** How many tokens an alias starting with this word can span (0: no alias starts with it). */
export function aliasSpanFrom(firstWord: string): number {
  return aliasTable().firstWords.get(firstWord.toLowerCase()) ?? 0;
}

/** The organization a surface form names with exactly an alias's spelling and case ("al-Qaeda"), or null. */
export function lookupOrgExact(surface: string): OrgInfo | null {
  return aliasTable().exact.get(surface.trim().replace(/['’]s$/, '')) ?? null;
}

/** The organization a surface form names, or null. */
export function lookupOrg(surface: string): OrgInfo | null {
  const t = aliasTable();
  let s = surface.trim().replace(/['’]s$/, '');
  const direct = t.exact.get(s) ?? (s.includes(' ') ? t.folded.get(fold(s)) : undefined);
  if (direct) return direct;
  if (/^the /i.test(s)) {
    s = s.slice(4);
    return t.exact.get(s) ?? (s.includes(' ') ? t.folded.get(fold(s)) ?? null : null);
  }
  // A plural slip ("Federal Security Services") still names the organization.
  if (s.includes(' ') && s.endsWith('s')) return t.folded.get(fold(s.slice(0, -1))) ?? null;
  return null;
}

export interface AcronymDefinition {
  long: string;
  short: string;
  longStart: number;
  shortStart: number;
}

const SKIP_WORDS = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'de', 'du', 'des', 'la', 'le', 'to', 'at', '&']);

/**
 * Does `short` abbreviate `long` (initials, allowing skipped function words and inner capitals like GCHQ)?
 * Each word gives its initial; the later parts of a hyphenated word may give theirs or not
 * ("Asia-Pacific Economic Cooperation" APEC, "Organisation for Economic Co-operation and Development" OECD).
 */
export function abbreviates(short: string, long: string): boolean {
  const letters = short.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
  if (letters.length < 2) return false;
  const parts: { w: string; optional: boolean }[] = [];
  for (const word of long.split(/\s+/)) {
    word
      .split('-')
      .filter(Boolean)
      .forEach((w, i) => parts.push({ w, optional: i > 0 || SKIP_WORDS.has(w.toLowerCase()) }));
  }
  // Letters li.. from parts pi..: a part's initial (then inner capitals of the same part: "HeadQuarters"), or a skip.
  const match = (pi: number, li: number): boolean => {
    if (li >= letters.length) return true;
    if (pi >= parts.length) return false;
    const { w, optional } = parts[pi];
    if (w[0].toUpperCase() === letters[li]) {
      let l = li + 1;
      for (let k = 1; k < w.length && l < letters.length; k++) if (w[k] === w[k].toUpperCase() && /\p{Lu}/u.test(w[k]) && w[k] === letters[l]) l++;
      if (match(pi + 1, l)) return true;
    }
    return optional && match(pi + 1, li);
  };
  return match(0, 0);
}

// A long form starts at the start of a word: tried inside a long word (a 100 KB
// run of capitals, a base64 blob), "[\p{Lu}][\p{L}...]*" would rescan the rest
// of the word from every letter (quadratic).
const LONG = "(?<![\\p{L}'’.-])(?:[\\p{Lu}][\\p{L}'’.-]*(?:\\s+(?:of|and|for|the|on|de|&)\\s+|\\s+)){1,8}[\\p{Lu}][\\p{L}'’.-]*";
const SHORT = '[\\p{Lu}][\\p{Lu}\\p{N}&-]{1,9}';
const DEF_PATTERNS = [
  // Long Name (ABBR)
  new RegExp(`(${LONG})\\s+\\((${SHORT})\\)`, 'gu'),
  // Long Name, or ABBR / Long Name, known as ABBR
  new RegExp(`(${LONG}),?\\s+(?:or|known as|also known as|abbreviated)\\s+(?:the\\s+)?(${SHORT})(?![\\p{L}\\p{N}])`, 'gu'),
];
const REVERSED = new RegExp(`(?<![\\p{L}\\p{N}])(${SHORT})\\s+\\((?:the\\s+)?(${LONG})\\)`, 'gu');

/** Both forms name one organization of the alias table (transliterated acronyms: "FSB", "KGB"). */
function sameOrg(short: string, long: string): boolean {
  const a = lookupOrg(short);
  return a !== null && a === lookupOrg(long);
}

/** In-text acronym definitions, validated by initial letters or by the alias table. */
// Each starts only where a whitespace run starts ((?<!\s)): tried at every space of a long
// run, "\s+" would rescan the run each time (quadratic on blank stretches).
const ANCHORS = [
  new RegExp(`(?<!\\s)\\s+\\((${SHORT})\\)`, 'gu'),
  new RegExp(`(?<!\\s),?\\s+(?:or|known as|also known as|abbreviated)\\s+(?:the\\s+)?(${SHORT})(?![\\p{L}\\p{N}])`, 'gu'),
];
const WINDOW = 160;

const SPACE = /\s/;
/** An acronym's shape at the end of a stretch (20 UTF-16 units hold the longest, astral letters too). */
const SHORT_AT_END = new RegExp(`${SHORT}$`, 'u');

/**
 * Does some "(" follow white space after something shaped like an acronym, as
 * every "ABBR (Long Name)" does? REVERSED, which starts with a lookbehind, is
 * tried at every position of a text; the brackets are few.
 */
function acronymBeforeBracket(text: string): boolean {
  for (let k = text.indexOf('('); k >= 0; k = text.indexOf('(', k + 1)) {
    let a = k;
    while (a > 0 && SPACE.test(text[a - 1])) a--;
    if (a < k && SHORT_AT_END.test(text.slice(Math.max(0, a - 20), a))) return true;
  }
  return false;
}

export function findAcronymDefinitions(text: string): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  // Cheap anchors ("(CIA)", ", or FSB") first; the long-form pattern runs only on the
  // stretch of text just before each anchor, so its cost does not grow with the document.
  // Both "(ABBR)" forms need a bracket: most texts have none, and are not scanned for them.
  const brackets = text.includes('(');
  for (let p = 0; p < DEF_PATTERNS.length; p++) {
    if (p === 0 && !brackets) continue;
    const anchor = ANCHORS[p];
    const re = DEF_PATTERNS[p];
    anchor.lastIndex = 0;
    let a: RegExpExecArray | null;
    while ((a = anchor.exec(text)) !== null) {
      const from = Math.max(0, a.index - WINDOW);
      const windowText = text.slice(from, a.index + a[0].length);
      re.lastIndex = 0;
      let found: RegExpExecArray | null = null;
      let mm: RegExpExecArray | null;
      while ((mm = re.exec(windowText)) !== null) {
        if (mm.index + mm[0].length === windowText.length) found = mm;
        else re.lastIndex = mm.index + 1;
        if (found) break;
      }
      if (!found) continue;
      const m: RegExpExecArray = found;
      m.index += from;
      let long = m[1];
      let longStart = m.index;
      // Trim leading words until the initials match ("the CIA director Central ..." never validates).
      const words = long.split(/\s+/);
      const valid = (l: string) => abbreviates(m![2], l) || sameOrg(m![2], l);
      for (let k = 0; k < words.length - 1 && !valid(long); k++) {
        longStart += words[k].length + (long.slice(words[k].length).match(/^\s+/)?.[0].length ?? 1);
        long = words.slice(k + 1).join(' ');
        long = text.slice(longStart, m.index + m[1].length);
      }
      if (!valid(long)) continue;
      // A sentence-initial "The" is not part of the name unless the acronym needs its T.
      const bare = /^The\s+/.exec(long);
      if (bare && valid(long.slice(bare[0].length))) {
        longStart += bare[0].length;
        long = long.slice(bare[0].length);
      }
      out.push({ long, short: m[2], longStart, shortStart: m.index + m[0].lastIndexOf(m[2]) });
    }
  }
  REVERSED.lastIndex = 0;
  let m: RegExpExecArray | null;
  const reversed = brackets && acronymBeforeBracket(text);
  while (reversed && (m = REVERSED.exec(text)) !== null) {
    if (!abbreviates(m[1], m[2]) && !sameOrg(m[1], m[2])) continue;
    out.push({ long: m[2], short: m[1], longStart: m.index + m[0].indexOf(m[2], m[1].length), shortStart: m.index });
  }
  return out.sort((a, b) => a.longStart - b.longStart);
}
