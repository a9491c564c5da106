// `npm run train` step: the open name lists of ../shared/design/TRAINING-DATA.md
// (data/tagger/train-config.json "gazetteers": each at an exact commit, or an
// npm package in the training workspace) into data/generated/gazetteers.pack.
// Lists are read with small format-specific readers (CSV, the clubs' text
// format, the YAML keys we need); names are tokenized as the tagger tokenizes.
// Company names also enter without their legal suffix ("Apple Inc." -> "apple").
// Entries that are ordinary lower-case words, places or nationalities are left
// out of the noisy company list.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import { hashKey, HashIndex, writePack } from '../data/pack.js';
import { tokenize } from '../pipeline/analyze.js';
import { lexicon } from '../recognizers/lexicon.js';
import { lookupEntries } from '../data/gazetteer.js';
import { PACKAGE_ROOT } from '../util/paths.js';
import { mirrorDir, trainConfig } from './build-corpora.js';
import { GAZ_CATEGORIES, GAZETTEERS_FILE, MAX_PHRASE_TOKENS } from './gazetteers.js';

interface GazSource {
  name: string;
  repo?: string;
  commit?: string;
  path: string;
  glob?: string;
  npm?: string;
  category: (typeof GAZ_CATEGORIES)[number];
}

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', [`--git-dir=${join(mirrorDir(), repo.replace('/', '+'), 'repo')}`, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
}

/** The phrase key of a name: its tokens, lower case, single spaces. */
export function phraseKey(name: string): string {
  return tokenize(name, [{ start: 0, end: name.length }])
    .map((t) => t.text.toLowerCase())
    .join(' ');
}

const LEGAL_SUFFIX = /(?:, ?| )(?:Inc\.?|Incorporated|Corp\.?|Corporation|Co\.?|Company|Ltd\.?|Limited|plc|PLC|LLC|L\.P\.|LP|AG|SA|S\.A\.|NV|N\.V\.|SE|Group|Holdings?|& Co\.?)$/;

function names(src: GazSource): string[] {
  const raw = src.npm ? readFileSync(join(PACKAGE_ROOT, 'training', 'node_modules', src.npm.replace(/@[^@/]+$/, ''), src.path), 'utf8') : '';
  const show = (path: string) => git(src.repo!, 'show', `${src.commit}:${path}`);
  switch (src.name) {
    case 'parties': {
      const rows = parse(show(src.path), { columns: true }) as Record<string, string>[];
      return rows.flatMap((r) => [r.name, r.name_short]).filter(Boolean);
    }
    case 'clubs': {
      const files = git(src.repo!, 'ls-tree', '-r', '--name-only', src.commit!).split('\n').filter((f) => f.endsWith(src.glob!));
      const out: string[] = [];
      for (const f of files) {
        for (const line of show(f).split('\n')) {
          const l = line.replace(/#.*$/, '').trim();
          if (!l || l.startsWith('=')) continue;
          if (l.startsWith('|')) out.push(...l.slice(1).split('|').map((s) => s.trim()));
          else out.push(l.split(',')[0].trim());
        }
      }
      return out;
    }
    case 'committees':
      return [...show(src.path).matchAll(/^ {2}name: (.+)$/gm)].map((m) => m[1]);
    case 'legislators':
    case 'executive':
      return [...show(src.path).matchAll(/^ {4}official_full: (.+)$|^ {4}first: (.+)\n {4}last: (.+)$/gm)].map((m) => m[1] ?? `${m[2]} ${m[3]}`);
    case 'sp500': {
      const rows = parse(show(src.path), { columns: true }) as Record<string, string>[];
      return rows.map((r) => r.Security);
    }
    case 'universities':
      return (JSON.parse(show(src.path)) as { name: string }[]).map((u) => u.name);
    case 'outlets': {
      const rows = parse(show(src.path), { columns: true }) as Record<string, string>[];
      return rows.map((r) => r.name);
    }
    case 'cspell-companies':
      return raw.split('\n').filter((l) => l && !l.startsWith('#'));
    default:
      throw new Error(`no reader for gazetteer ${src.name}`);
  }
}

function main(): void {
  const t0 = Date.now();
  const lex = lexicon();
  const masks = new Map<string, number>();
  const add = (key: string, bit: number) => masks.set(key, (masks.get(key) ?? 0) | bit);
  const sources = (trainConfig() as unknown as { gazetteers: GazSource[] }).gazetteers;
  for (const src of sources) {
    const bit = 1 << GAZ_CATEGORIES.indexOf(src.category);
    let n = 0;
    for (let name of names(src)) {
      name = name.replace(/^"|"$/g, '').replace(/\s+/g, ' ').trim().replace(/^The /, '');
      const forms = [name];
      if (src.category === 'company' || src.category === 'companylist') {
        const short = name.replace(LEGAL_SUFFIX, '').trim();
        if (short && short !== name) forms.push(short);
      }
      for (const f of forms) {
        const key = phraseKey(f);
        const words = key.split(' ');
        if (!key || key.length < 2 || words.length > MAX_PHRASE_TOKENS || !/\p{Lu}/u.test(f)) continue;
        if (src.category === 'companylist' && words.length === 1 && (lex.common.has(key) || lex.demonyms.has(key) || lookupEntries(f).length)) continue;
        add(key, bit);
        n++;
      }
    }
    console.error(`${src.name}: ${n} phrases`);
  }
  const keys = [...masks.keys()].sort();
  const { index, slots } = HashIndex.build(keys.map(hashKey));
  const out = new Uint16Array(index.keys.length);
  keys.forEach((k, i) => (out[slots[i]] |= masks.get(k)!));
  // Every proper prefix of a phrase of two or more words ("bank of" of "bank of england"): matching stops
  // extending a phrase as soon as no listed phrase goes on from it (src/tagger/gazetteers.ts).
  const prefixes = new Set<number>();
  for (const k of keys) {
    const words = k.split(' ');
    for (let n = 1; n < words.length; n++) prefixes.add(hashKey(words.slice(0, n).join(' ')));
  }
  const prefixIndex = HashIndex.build([...prefixes].sort((a, b) => a - b)).index;
  writePack(GAZETTEERS_FILE(), {
    meta: { categories: GAZ_CATEGORIES, phrases: keys.length, prefixes: prefixes.size, sources: sources.map((s) => `${s.repo ?? s.npm}${s.commit ? '@' + s.commit : ''}:${s.path}`) },
    arrays: { keys: index.keys, masks: out, prefixes: prefixIndex.keys },
  });
  console.error(`wrote ${GAZETTEERS_FILE()}: ${keys.length} phrases in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && process.argv[1].endsWith('build-gazetteers.js')) main();
