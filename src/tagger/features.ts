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
import { orgHeadKind } from '../recognizers/orgs.js';
import { FNV_OFFSET, fnv1a } from '../data/pack.js';
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
  /** Short shape: runs collapsed to one character ("Xx", "d.d"). */
  ssh: string;
  /** Lexicon and gazetteer classes of the word. */
  lex: string[];
  cluster: string[];
  /** Hashed features of the word in each role (see ROLES), filled by HashSink on first use. */
  hashes?: (Uint32Array | undefined)[];
  /** ScoreSink's per-role weight sums of the word for `roleModel` (bit r of roleDone: role r summed). */
  roleModel?: unknown;
  roleScores?: Int32Array;
  roleDone?: number;
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
  // An organization's head word (data/org-heads.json): measured over three seeds, pooled dev F1 +0.005, ORG +0.010.
  const head = orgHeadKind(w);
  if (head) out.push(head === 'tail' ? 'orghead' : 'orglead');
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

// Views depend on the word alone: kept across documents (bounded), since the
// same words recur and their lexicon and gazetteer look-ups are the costly part.
const viewCache = new Map<string, TokenView>();

export function tokenViews(tokens: Token[]): TokenView[] {
  const lex = lexicon();
  return tokens.map((t) => {
    let v = viewCache.get(t.text);
    if (!v) {
      const lower = t.text.toLowerCase();
      v = { text: t.text, lower, shape: shape(t.text), ssh: shortShape(t.text), lex: lexClasses(t.text, lower, lex), cluster: clusterOf(lower) };
      if (viewCache.size >= 50_000) viewCache.clear();
      viewCache.set(t.text, v);
    }
    return v;
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

const PAD: TokenView = { text: '<s>', lower: '<s>', shape: '<s>', ssh: '<s>', lex: [], cluster: [] };
const END: TokenView = { text: '</s>', lower: '</s>', shape: '</s>', ssh: '</s>', lex: [], cluster: [] };

/**
 * The features a word contributes by itself, in each position around the
 * token being tagged: the token itself (SELF), the words before it (P1, P2)
 * and after it (N1, N2). They depend on the word alone, so HashSink hashes
 * them once per word and keeps them on its (cached) view.
 */
export const SELF = 0;
export const P1 = 1;
export const P2 = 2;
export const N1 = 3;
export const N2 = 4;
export type Role = typeof SELF | typeof P1 | typeof P2 | typeof N1 | typeof N2;

function roleFeatures(v: TokenView, role: Role, f: FeatureSink): void {
  switch (role) {
    case SELF:
      f.add('w', v.text);
      f.add('lw', v.lower);
      f.add('sh', v.shape);
      f.add('ssh', v.ssh);
      f.add('suf2', v.lower.slice(-2));
      f.add('suf3', v.lower.slice(-3));
      f.add('suf4', v.lower.slice(-4));
      f.add('pre2', v.lower.slice(0, 2));
      f.add('pre3', v.lower.slice(0, 3));
      for (const l of v.lex) {
        f.add('lex', l);
        f.add('lex|sh', l, v.ssh);
      }
      for (const c of v.cluster) f.add('cl', c);
      break;
    case P1:
      neighbour(v, '-1', f);
      break;
    case P2:
      f.add('lw-2', v.lower);
      break;
    case N1:
      neighbour(v, '+1', f);
      break;
    case N2:
      f.add('lw+2', v.lower);
      break;
  }
}

/** The word next to the token, before ('-1') or after ('+1'): its lower case, shape, lexicon classes and clusters. */
function neighbour(v: TokenView, at: '-1' | '+1', f: FeatureSink): void {
  f.add(`lw${at}`, v.lower);
  f.add(`sh${at}`, v.shape);
  for (const l of v.lex) f.add(`lex${at}`, l);
  for (const c of v.cluster) f.add(`cl${at}`, c);
}

/**
 * Where features go: a feature is a name and up to two values, written
 * "name=value" or "name=value|value2" (or the bare name). `NameSink` builds the
 * strings (for dumps and tests); `HashSink` hashes the same strings as it goes,
 * without building them (hashKey of the string, see src/data/pack.ts), which is
 * what training and tagging use.
 */
export interface FeatureSink {
  add(name: string, value?: string, value2?: string): void;
  /** The features of word `v` in position `role` (roleFeatures). */
  word(v: TokenView, role: Role): void;
}

export class NameSink implements FeatureSink {
  readonly out: string[] = [];
  add(name: string, value?: string, value2?: string): void {
    this.out.push(value === undefined ? name : value2 === undefined ? `${name}=${value}` : `${name}=${value}|${value2}`);
  }
  word(v: TokenView, role: Role): void {
    roleFeatures(v, role, this);
  }
}


export class HashSink implements FeatureSink {
  private readonly prefixes = new Map<string, number>();
  buf = new Uint32Array(256);
  n = 0;
  /** The hash of a feature: hashKey of its name string, built without the string. */
  protected hash(name: string, value?: string, value2?: string): number {
    let h: number;
    if (value === undefined) h = fnv1a(FNV_OFFSET, name);
    else {
      let p = this.prefixes.get(name);
      if (p === undefined) this.prefixes.set(name, (p = fnv1a(FNV_OFFSET, `${name}=`)));
      h = fnv1a(p, value);
      if (value2 !== undefined) h = fnv1a(fnv1a(h, '|'), value2);
    }
    return h >>> 0 || 1;
  }
  add(name: string, value?: string, value2?: string): void {
    const h = this.hash(name, value, value2);
    this.reserve(1);
    this.buf[this.n++] = h;
  }
  /** Room for `k` more hashes in `buf`. */
  private reserve(k: number): void {
    if (this.n + k <= this.buf.length) return;
    const b = new Uint32Array(Math.max(this.buf.length * 2, this.n + k));
    b.set(this.buf);
    this.buf = b;
  }
  /** The hashes of word `v`'s features in `role`, computed once per word. */
  roleHashes(v: TokenView, role: Role): Uint32Array {
    const cache = (v.hashes ??= new Array<Uint32Array | undefined>(5));
    let hs = cache[role];
    if (!hs) {
      const start = this.n;
      roleFeatures(v, role, this);
      hs = cache[role] = this.buf.slice(start, this.n);
      this.n = start;
    }
    return hs;
  }
  word(v: TokenView, role: Role): void {
    const hs = this.roleHashes(v, role);
    this.reserve(hs.length);
    this.buf.set(hs, this.n);
    this.n += hs.length;
  }
  /** The hashes added since the last take, copied out. */
  take(): Uint32Array {
    const out = this.buf.slice(0, this.n);
    this.n = 0;
    return out;
  }
}

/** A model that can score one hashed feature at a time (the shipped, read-only model). */
export interface HashScorer {
  readonly nTags: number;
  /** Adds the weights of feature `h` to `out` (nothing when the model does not hold it). */
  addHash(h: number, out: Float64Array): void;
  addScores(features: ArrayLike<number>, out: Float64Array, count?: number): void;
}

/**
 * Scores features as they are emitted, for tagging with a fixed model: no
 * feature list is built, and a word's own features in each position (see
 * ROLES) are summed once per word and kept on its cached view, so a token
 * costs the look-ups of its context features (rules, lists, shape and word
 * pairs, previous tags) plus five additions of per-word sums instead of
 * about 80 look-ups. The sums are of integers (the pack's int16 weights), so
 * the result is exactly what scoring the feature list gives.
 */
export class ScoreSink extends HashSink {
  scores: Float64Array;
  private readonly tmp: Float64Array;
  /** Hashes a word's role features (this sink's own `add` scores instead of collecting). */
  private readonly hasher = new HashSink();
  constructor(readonly model: HashScorer) {
    super();
    this.scores = new Float64Array(model.nTags);
    this.tmp = new Float64Array(model.nTags);
  }
  override add(name: string, value?: string, value2?: string): void {
    this.model.addHash(this.hash(name, value, value2), this.scores);
  }
  override word(v: TokenView, role: Role): void {
    const n = this.model.nTags;
    if (v.roleModel !== this.model) {
      v.roleModel = this.model;
      v.roleScores = new Int32Array(5 * n);
      v.roleDone = 0;
    }
    const rs = v.roleScores!;
    if (!(v.roleDone! & (1 << role))) {
      const hs = this.hasher.roleHashes(v, role);
      this.tmp.fill(0);
      this.model.addScores(hs, this.tmp);
      for (let t = 0; t < n; t++) rs[role * n + t] = this.tmp[t];
      v.roleDone! |= 1 << role;
    }
    const out = this.scores;
    for (let t = 0, b = role * n; t < n; t++) out[t] += rs[b + t];
  }
}

const ruleType = (r: string) => {
  const k = r.indexOf('/');
  return k < 0 ? r : r.slice(0, k);
};

/** Features that do not depend on earlier decisions: computed once per token. */
export function staticFeatures(s: SentenceInput, i: number, f: FeatureSink): void {
  const v = s.views;
  const at = (k: number) => (k < 0 ? PAD : k >= v.length ? END : v[k]);
  const w = v[i];
  const p1 = at(i - 1);
  const p2 = at(i - 2);
  const n1 = at(i + 1);
  const n2 = at(i + 2);
  const caps = s.caps ? 'C' : '';
  const rule = s.rules[i];
  f.add('bias');
  f.word(w, SELF);
  f.word(p1, P1);
  f.word(p2, P2);
  f.word(n1, N1);
  f.word(n2, N2);
  f.add('sh-1|sh', p1.shape, w.shape);
  f.add('sh|sh+1', w.shape, n1.shape);
  f.add('lw-1|lw', p1.lower, w.lower);
  f.add('lw|lw+1', w.lower, n1.lower);
  f.add('caps', caps + (i === 0 ? 'first' : ''));
  f.add('rule', rule);
  f.add('rule-1', i > 0 ? s.rules[i - 1] : '<s>');
  f.add('rule+1', i + 1 < v.length ? s.rules[i + 1] : '</s>');
  f.add('rule|sh', rule, w.shape);
  f.add('rulet', ruleType(rule));
  f.add('rulet-1|rulet', i > 0 ? ruleType(s.rules[i - 1]) : '<s>', ruleType(rule));
  if (s.caps) {
    f.add('caps|lw', w.lower);
    f.add('caps|rule', rule);
  }
  if (i === 0) f.add('first|lw', w.lower);
  for (const g of s.gaz[i]) {
    f.add('gz', g);
    f.add('gzc', g.slice(0, -2));
  }
  if (i > 0) for (const g of s.gaz[i - 1]) f.add('gz-1', g);
  if (i + 1 < v.length) for (const g of s.gaz[i + 1]) f.add('gz+1', g);
}

/** Features of earlier decisions: the previous two tags and the document's history of this word. */
export function dynamicFeatures(s: SentenceInput, i: number, prev: string, prev2: string, hist: string, f: FeatureSink): void {
  const w = s.views[i];
  f.add('t-1', prev);
  f.add('t-2|t-1', prev2, prev);
  f.add('t-1|lw', prev, w.lower);
  f.add('t-1|sh', prev, w.shape);
  f.add('hist', hist);
  f.add('hist|sh', hist, w.shape);
}

/** May tag `next` follow tag `prev` in BILOU? */
export function allowed(prev: string, next: string): boolean {
  const pOpen = prev[0] === 'B' || prev[0] === 'I';
  const nCont = next[0] === 'I' || next[0] === 'L';
  if (pOpen) return nCont && prev.slice(2) === next.slice(2);
  return !nCont;
}

/** `allowed` as a table over tag indices: ALLOWED[prev * TAGS.length + next]. */
export const ALLOWED = Uint8Array.from(TAGS.flatMap((p) => TAGS.map((n) => (allowed(p, n) ? 1 : 0))));
/** Tags that may end a sentence, by index. */
export const CAN_END = Uint8Array.from(TAGS.map((t) => (canEnd(t) ? 1 : 0)));

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
