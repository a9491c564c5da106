// The trained tagger: greedy left-to-right BILOU decoding with the averaged
// perceptron (Ratinov & Roth 2009 found greedy decoding with BILOU as accurate
// as Viterbi for NER, and it is several times faster), plus a document
// history of each word's earlier tags. Inference and training share
// `decodeDocument`, so the feature function is called one way only.

import { existsSync } from 'node:fs';
import type { AnalyzedText, Candidate, EntityType, Token } from '../types.js';
import { loadPack } from '../data/packs.js';
import { dataPath } from '../util/paths.js';
import { ALLOWED, CAN_END, dynamicFeatures, HashSink, History, ScoreSink, sentenceInputs, staticFeatures, TAGS, type HashScorer, type SentenceInput } from './features.js';
import { PackedModel, type Scorer, type TrainableModel } from './model.js';

export interface PreparedSentence {
  input: SentenceInput;
  /** Hashed static features of each token, computed when the token is first scored. */
  feats: (Uint32Array | undefined)[];
  /** Index of the sentence's first token in the document's tokens. */
  offset: number;
}

export interface PreparedDocument {
  tokens: Token[];
  sentences: PreparedSentence[];
}

/** Tokens and evidence of a document; static features are filled in as tokens are scored (and kept for the next epoch). */
export function prepareDocument(input: AnalyzedText, ruleSpans: Candidate[]): PreparedDocument {
  const { tokens, inputs } = sentenceInputs(input, ruleSpans);
  let offset = 0;
  const sentences = inputs.map((s) => {
    const p = { input: s, feats: new Array<Uint32Array | undefined>(s.views.length), offset };
    offset += s.views.length;
    return p;
  });
  return { tokens, sentences };
}

function staticAt(s: PreparedSentence, i: number, sink: HashSink): Uint32Array {
  let f = s.feats[i];
  if (!f) {
    staticFeatures(s.input, i, sink);
    s.feats[i] = f = sink.take();
  }
  return f;
}

/**
 * Can this token open an entity? Only a word with a capital letter in it
 * ("Oslo", "al-Qaeda", "eBay") or one that starts with a digit ("3M"). Outside
 * an entity, every other token is O without being scored: on the dev splits of
 * the training corpora about 80% of tokens are skipped so, and the model gave
 * 6 of those 63,000 tokens another tag (lower-case names in web comments).
 * Training skips the same tokens, so the model never learns from them.
 */
export function canOpen(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 48 && c <= 57) return true;
  if (c >= 65 && c <= 90) return true;
  if (c >= 97 && c <= 122 && text.length < 3) return false;
  for (let i = 0; i < text.length; i++) {
    const d = text.charCodeAt(i);
    if (d >= 65 && d <= 90) return true;
    if (d >= 128) return UPPER.test(text);
  }
  return false;
}
const UPPER = /\p{Lu}/u;

/** Tokens that never stand inside a name. */
const BREAKS = new Set(['—', '–', '(', ')', '[', ']', ';', '"', '“', '”', '|', '…']);
/** O and the U- tags: the readings of a one-token name. */
const SINGLE = TAGS.flatMap((t, i) => (t === 'O' || t[0] === 'U' ? [i] : []));
/** The tag that closes an open name at this token: B-X -> U-X, I-X -> L-X. */
const TAG_CLOSE = TAGS.map((t, i) => (t[0] === 'B' ? TAGS.indexOf(`U${t.slice(1)}`) : t[0] === 'I' ? TAGS.indexOf(`L${t.slice(1)}`) : i));

function isHashScorer(s: Scorer): s is Scorer & HashScorer {
  return typeof (s as Partial<HashScorer>).addHash === 'function';
}

/**
 * Tags every token of the document (indices into TAGS). With `train`, each
 * step also updates the model towards the gold tag.
 */
export function decodeDocument(scorer: Scorer, doc: PreparedDocument, train?: { model: TrainableModel; gold: Uint8Array }): Uint8Array {
  const out = new Uint8Array(doc.tokens.length);
  const hist = new History();
  // Tagging with the shipped model scores features as they are emitted (ScoreSink); training builds the lists it updates.
  const fast = !train && isHashScorer(scorer) ? new ScoreSink(scorer) : null;
  const scores = fast ? fast.scores : new Float64Array(TAGS.length);
  const sink = new HashSink();
  const last = new Float64Array(TAGS.length);
  for (const s of doc.sentences) {
    let prev = 'O';
    let prev2 = 'O';
    let prevIdx = 0;
    const n = s.input.views.length;
    for (let i = 0; i < n; i++) {
      const view = s.input.views[i];
      // A dash, bracket, semicolon or quotation mark ends an open name ("WASHINGTON — The Federal Reserve"):
      // in the training corpora fewer than 1 name in 1,000 holds one. The greedy pass closes the name at the
      // token before (B -> U, I -> L); training is left unconstrained.
      if (!train && (TAGS[prevIdx][0] === 'B' || TAGS[prevIdx][0] === 'I') && BREAKS.has(view.text)) {
        // A name opened at the token before becomes the best one-token reading of it there (or none).
        let closed = TAG_CLOSE[prevIdx];
        if (TAGS[prevIdx][0] === 'B') for (const t of SINGLE) if (last[t] > last[closed]) closed = t;
        out[s.offset + i - 1] = closed;
        prev = TAGS[closed];
        prevIdx = closed;
      }
      if (prevIdx === 0 || TAGS[prevIdx][0] === 'L' || TAGS[prevIdx][0] === 'U') {
        if (!canOpen(view.text)) {
          out[s.offset + i] = 0;
          prev2 = prev;
          prev = 'O';
          prevIdx = 0;
          continue;
        }
      }
      scores.fill(0);
      let feats: Uint32Array | undefined;
      if (fast) {
        staticFeatures(s.input, i, fast);
        dynamicFeatures(s.input, i, prev, prev2, hist.get(view), fast);
      } else {
        feats = staticAt(s, i, sink);
        scorer.addScores(feats, scores);
        dynamicFeatures(s.input, i, prev, prev2, hist.get(view), sink);
        scorer.addScores(sink.buf, scores, sink.n);
      }
      let best = -1;
      for (let t = 0; t < TAGS.length; t++) {
        // Training sees every tag, so that a wrong opening is punished rather than forced to continue.
        if (!train && (!ALLOWED[prevIdx * TAGS.length + t] || (i === n - 1 && !CAN_END[t]))) continue;
        if (best < 0 || scores[t] > scores[best]) best = t;
      }
      last.set(scores);
      if (train && feats) {
        const truth = train.gold[s.offset + i];
        const all = new Uint32Array(feats.length + sink.n);
        all.set(feats);
        all.set(sink.buf.subarray(0, sink.n), feats.length);
        train.model.update(all, truth, best);
      }
      sink.n = 0;
      out[s.offset + i] = best;
      prev2 = prev;
      prev = TAGS[best];
      prevIdx = best;
      hist.add(view, prev);
    }
  }
  return out;
}

/** Spans from BILOU tags, as UTF-16 [start, end) over the tokens. */
export function tagsToSpans(tokens: Token[], tags: Uint8Array): { start: number; end: number; type: EntityType; first: number; last: number }[] {
  const out: { start: number; end: number; type: EntityType; first: number; last: number }[] = [];
  let open = -1;
  for (let i = 0; i < tags.length; i++) {
    const tag = TAGS[tags[i]];
    const p = tag[0];
    if (p === 'U') out.push({ start: tokens[i].start, end: tokens[i].end, type: tag.slice(2) as EntityType, first: i, last: i });
    else if (p === 'B') open = i;
    else if (p === 'L' && open >= 0) {
      out.push({ start: tokens[open].start, end: tokens[i].end, type: tag.slice(2) as EntityType, first: open, last: i });
      open = -1;
    }
  }
  return out;
}

/** Gold BILOU tags of the tokens from entity spans (UTF-16); entities that cut a token are left out. */
export function goldTags(tokens: Token[], entities: { start: number; end: number; type: string }[]): { tags: Uint8Array; misaligned: number } {
  const tags = new Uint8Array(tokens.length);
  let misaligned = 0;
  let k = 0;
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  for (const e of sorted) {
    if (e.type === 'DATE') continue;
    while (k < tokens.length && tokens[k].end <= e.start) k++;
    let j = k;
    while (j < tokens.length && tokens[j].end <= e.end) j++;
    if (k >= tokens.length || tokens[k].start !== e.start || j === k || tokens[j - 1].end !== e.end) {
      misaligned++;
      continue;
    }
    const idx = (t: string) => TAGS.indexOf(`${t}-${e.type}`);
    if (j - k === 1) tags[k] = idx('U');
    else {
      tags[k] = idx('B');
      for (let m = k + 1; m < j - 1; m++) tags[m] = idx('I');
      tags[j - 1] = idx('L');
    }
  }
  return { tags, misaligned };
}

export const MODEL_FILE = (): string => process.env.DOSSIER_TAGGER_MODEL ?? dataPath('generated', 'tagger.pack');

let shipped: PackedModel | null | undefined;

/** The committed model (loaded once), or null when the file is missing. */
export function shippedModel(): PackedModel | null {
  if (shipped === undefined) shipped = existsSync(MODEL_FILE()) ? new PackedModel(loadPack(MODEL_FILE())) : null;
  return shipped;
}

/** The tagger's PERSON / ORG / PLACE spans for a document, given the rule-based spans as evidence. */
export function tagSpans(input: AnalyzedText, ruleSpans: Candidate[], model: Scorer): Candidate[] {
  const doc = prepareDocument(input, ruleSpans);
  const tags = decodeDocument(model, doc);
  return tagsToSpans(doc.tokens, tags).map((s) => ({ start: s.start, end: s.end, type: s.type, source: 'tagger', score: 1 }));
}
