// The tagger's feature function, shared by training and tagging (as NLTK's
// perceptron tagger does): both call `staticFeatures` once per token and
// `dynamicFeatures` at each step of the left-to-right pass, so the two can
// never drift apart. Features are named attribute strings ("suf3=ing",
// "w-1=said", "lex=first") so that a dump of the heaviest weights is readable.
//
// Evidence from the rest of the project enters as features, never as the
// decision: gazetteer and lexicon membership, the rule-based recognizers'
// resolved spans ("rule=B-ORG"), word clusters. The model learns from the
// training corpora how far to trust each.

import type { AnalyzedText, Candidate, Token } from '../types.js';
import { lexicon, type Lexicon } from '../recognizers/lexicon.js';
import { lookupEntries } from '../data/gazetteer.js';
import { isAllCaps } from '../util/text.js';
import { clusterOf } from './clusters.js';
import { gazetteerMatches } from './gazetteers.js';

export const TYPES = ['PERSON', 'ORG', 'PLACE'] as const;
export type TagType = (typeof TYPES)[number];

/** BILOU tags: O, then B/I/L/U for each type. */
export const TAGS: readonly string[] = ['O', ...TYPES.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`))];
export const TAG_INDEX = new Map(TAGS.map((t, i) => [t, i]));

/** Word shape: X for upper, x for lower, d for digits, runs of more than two collapsed ("Xxxx" -> "Xxx"). */
export function shape(w: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of w) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c === last) {
      run++;
      if (run > 2) continue;
    } else run = 1;
    last = c;
    out += c;
  }
  return out;
}

function shortShape(w: string): string {
  let out = '';
  for (const ch of w) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (out[out.length - 1] !== c) out += c;
  }
  return out;
}

/** Per-token evidence computed once per document. */
export interface TokenView {
  text: string;
  lower: string;
  shape: string;
  /** Lexicon and gazetteer classes of the word. */
  lex: string[];
  cluster: string[];
}

function lexClasses(w: string, lower: string, lex: Lexicon): string[] {
  const out: string[] = [];
  if (lex.firstNames.has(lower)) out.push('first');
  if (lex.lastNames.has(lower)) out.push('last');
  if (lex.titles.has(lower.replace(/\.$/, ''))) out.push('title');
  if (lex.roleNouns.has(lower)) out.push('role');
  if (lex.demonyms.has(lower)) out.push('demonym');
  if (lex.functionWords.has(lower)) out.push('func');
  else if (lex.common.has(lower)) out.push('common');
  if (/^\p{Lu}/u.test(w) || /^(?:\p{L}\.)+$/u.test(w)) {
    let best = '';
    for (const e of lookupEntries(w)) {
      const c = e.kind === 'city' ? (e.population >= 1_000_000 ? 'city1m' : e.population >= 100_000 ? 'city100k' : 'city') : e.kind;
      if (!best || rank(c) > rank(best)) best = c;
    }
    if (best) out.push(`gaz:${best}`);
  }
  return out;
}

function rank(c: string): number {
  return ['city', 'other', 'city100k', 'region', 'city1m', 'country'].indexOf(c);
}

export function tokenViews(tokens: Token[]): TokenView[] {
  const lex = lexicon();
  return tokens.map((t) => {
    const lower = t.text.toLowerCase();
    return { text: t.text, lower, shape: shape(t.text), lex: lexClasses(t.text, lower, lex), cluster: clusterOf(lower) };
  });
}

/**
 * The rule-based system's resolved spans as a BIO label per token ('' outside),
 * with how sure the rule was: `B-ORG/known` for a name its tables hold (alias
 * table, gazetteer: a canonical name is known), else `/hi`, `/mid` or `/lo` by score.
 */
export function ruleLabels(tokens: Token[], spans: Candidate[]): string[] {
  const out = new Array<string>(tokens.length).fill('');
  let k = 0;
  for (const s of spans) {
    if (s.type === 'DATE') continue;
    while (k < tokens.length && tokens[k].end <= s.start) k++;
    let first = true;
    const sure = s.canonical ? 'known' : s.score >= 0.85 ? 'hi' : s.score >= 0.55 ? 'mid' : 'lo';
    for (let j = k; j < tokens.length && tokens[j].start < s.end; j++) {
      out[j] = `${first ? 'B' : 'I'}-${s.type}/${sure}`;
      first = false;
    }
  }
  return out;
}

/** Everything the features of one sentence need. */
export interface SentenceInput {
  views: TokenView[];
  rules: string[];
  /** Name-list matches per token ("party:B", ...). */
  gaz: string[][];
  /** True when the sentence's line is written in capitals (headlines, datelines, results tables). */
  caps: boolean;
}

/** Sentence inputs from an analyzed document and the rule-based spans. */
export function sentenceInputs(input: AnalyzedText, ruleSpans: Candidate[]): { tokens: Token[]; inputs: SentenceInput[] } {
  const views = tokenViews(input.tokens);
  const rules = ruleLabels(input.tokens, ruleSpans);
  const inputs: SentenceInput[] = [];
  let i = 0;
  while (i < input.tokens.length) {
    const s = input.tokens[i].sentence;
    let j = i;
    while (j < input.tokens.length && input.tokens[j].sentence === s) j++;
    const sent = input.sentences[s];
    let letters = 0;
    for (let k = sent.start; k < sent.end && letters < 2; k++) if (/\p{Ll}/u.test(input.text[k])) letters++;
    const sv = views.slice(i, j);
    const gaz = gazetteerMatches(sv.map((v) => v.lower), sv.map((v) => /^[\p{Lu}\p{N}]/u.test(v.text)));
    inputs.push({ views: sv, rules: rules.slice(i, j), gaz, caps: letters === 0 || isAllCaps(input.text.slice(sent.start, sent.end)) });
    i = j;
  }
  return { tokens: input.tokens, inputs };
}

const PAD: TokenView = { text: '<s>', lower: '<s>', shape: '<s>', lex: [], cluster: [] };
const END: TokenView = { text: '</s>', lower: '</s>', shape: '</s>', lex: [], cluster: [] };

/** Features that do not depend on earlier decisions: computed once per token. */
export function staticFeatures(s: SentenceInput, i: number): string[] {
  const v = s.views;
  const at = (k: number) => (k < 0 ? PAD : k >= v.length ? END : v[k]);
  const w = v[i];
  const p1 = at(i - 1);
  const p2 = at(i - 2);
  const n1 = at(i + 1);
  const n2 = at(i + 2);
  const caps = s.caps ? 'C' : '';
  const f: string[] = [
    'bias',
    `w=${w.text}`,
    `lw=${w.lower}`,
    `sh=${w.shape}`,
    `ssh=${shortShape(w.text)}`,
    `suf2=${w.lower.slice(-2)}`,
    `suf3=${w.lower.slice(-3)}`,
    `suf4=${w.lower.slice(-4)}`,
    `pre2=${w.lower.slice(0, 2)}`,
    `pre3=${w.lower.slice(0, 3)}`,
    `lw-1=${p1.lower}`,
    `lw+1=${n1.lower}`,
    `lw-2=${p2.lower}`,
    `lw+2=${n2.lower}`,
    `sh-1=${p1.shape}`,
    `sh+1=${n1.shape}`,
    `sh-1|sh=${p1.shape}|${w.shape}`,
    `sh|sh+1=${w.shape}|${n1.shape}`,
    `lw-1|lw=${p1.lower}|${w.lower}`,
    `lw|lw+1=${w.lower}|${n1.lower}`,
    `caps=${caps}${i === 0 ? 'first' : ''}`,
    `rule=${s.rules[i]}`,
    `rule-1=${i > 0 ? s.rules[i - 1] : '<s>'}`,
    `rule+1=${i + 1 < v.length ? s.rules[i + 1] : '</s>'}`,
    `rule|sh=${s.rules[i]}|${w.shape}`,
    `rulet=${s.rules[i].split('/')[0]}`,
    `rulet-1|rulet=${i > 0 ? s.rules[i - 1].split('/')[0] : '<s>'}|${s.rules[i].split('/')[0]}`,
  ];
  if (s.caps) f.push(`caps|lw=${w.lower}`, `caps|rule=${s.rules[i]}`);
  if (i === 0) f.push(`first|lw=${w.lower}`);
  for (const l of w.lex) f.push(`lex=${l}`, `lex|sh=${l}|${shortShape(w.text)}`);
  for (const l of p1.lex) f.push(`lex-1=${l}`);
  for (const l of n1.lex) f.push(`lex+1=${l}`);
  for (const g of s.gaz[i]) f.push(`gz=${g}`, `gzc=${g.slice(0, -2)}`);
  if (i > 0) for (const g of s.gaz[i - 1]) f.push(`gz-1=${g}`);
  if (i + 1 < v.length) for (const g of s.gaz[i + 1]) f.push(`gz+1=${g}`);
  for (const c of w.cluster) f.push(`cl=${c}`);
  for (const c of p1.cluster) f.push(`cl-1=${c}`);
  for (const c of n1.cluster) f.push(`cl+1=${c}`);
  return f;
}

/** Features of earlier decisions: the previous two tags and the document's history of this word. */
export function dynamicFeatures(s: SentenceInput, i: number, prev: string, prev2: string, hist: string): string[] {
  const w = s.views[i];
  return [
    `t-1=${prev}`,
    `t-2|t-1=${prev2}|${prev}`,
    `t-1|lw=${prev}|${w.lower}`,
    `t-1|sh=${prev}|${w.shape}`,
    `hist=${hist}`,
    `hist|sh=${hist}|${w.shape}`,
  ];
}

/** May tag `next` follow tag `prev` in BILOU? */
export function allowed(prev: string, next: string): boolean {
  const pOpen = prev[0] === 'B' || prev[0] === 'I';
  const nCont = next[0] === 'I' || next[0] === 'L';
  if (pOpen) return nCont && prev.slice(2) === next.slice(2);
  return !nCont;
}

/** Tags that may end a sentence. */
export function canEnd(tag: string): boolean {
  return tag[0] !== 'B' && tag[0] !== 'I';
}

/**
 * The document history of a word: the entity type most often given earlier in
 * the document to the same capitalized word ('' when none or lower case).
 */
export class History {
  private readonly counts = new Map<string, Map<string, number>>();
  key(v: TokenView): string | null {
    return /^\p{Lu}/u.test(v.text) && v.text.length > 1 ? v.lower : null;
  }
  get(v: TokenView): string {
    const k = this.key(v);
    const m = k ? this.counts.get(k) : undefined;
    if (!m) return '';
    let best = '';
    let n = 0;
    for (const [t, c] of m) if (c > n || (c === n && t < best)) [best, n] = [t, c];
    return best;
  }
  add(v: TokenView, tag: string): void {
    const k = this.key(v);
    if (!k) return;
    const t = tag === 'O' ? 'O' : tag.slice(2);
    let m = this.counts.get(k);
    if (!m) this.counts.set(k, (m = new Map()));
    m.set(t, (m.get(t) ?? 0) + 1);
  }
}
