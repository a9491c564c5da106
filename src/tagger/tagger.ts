// The trained tagger: greedy left-to-right BILOU decoding with the averaged
// perceptron (Ratinov & Roth 2009 found greedy decoding with BILOU as accurate
// as Viterbi for NER, and it is several times faster), plus a document
// history of each word's earlier tags. Inference and training share
// `decodeDocument`, so the feature function is called one way only.

import { existsSync } from 'node:fs';
import type { AnalyzedText, Candidate, EntityType, Token } from '../types.js';
import { loadPack } from '../data/packs.js';
import { dataPath } from '../util/paths.js';
import { ALLOWED, CAN_END, dynamicFeatures, HashSink, History, sentenceInputs, staticFeatures, TAGS, type SentenceInput } from './features.js';
import { PackedModel, type Scorer, type TrainableModel } from './model.js';

export interface PreparedSentence {
  input: SentenceInput;
  /** Hashed static features of each token. */
  feats: Uint32Array[];
  /** Index of the sentence's first token in the document's tokens. */
  offset: number;
}

export interface PreparedDocument {
  tokens: Token[];
  sentences: PreparedSentence[];
}

/** Tokens, evidence and static features of a document, computed once. */
export function prepareDocument(input: AnalyzedText, ruleSpans: Candidate[]): PreparedDocument {
  const { tokens, inputs } = sentenceInputs(input, ruleSpans);
  const sink = new HashSink();
  let offset = 0;
  const sentences = inputs.map((s) => {
    const feats = s.views.map((_, i) => {
      staticFeatures(s, i, sink);
      return sink.take();
    });
    const p = { input: s, feats, offset };
    offset += s.views.length;
    return p;
  });
  return { tokens, sentences };
}

/**
 * Tags every token of the document (indices into TAGS). With `train`, each
 * step also updates the model towards the gold tag.
 */
export function decodeDocument(scorer: Scorer, doc: PreparedDocument, train?: { model: TrainableModel; gold: Uint8Array }): Uint8Array {
  const out = new Uint8Array(doc.tokens.length);
  const hist = new History();
  const scores = new Float64Array(TAGS.length);
  const sink = new HashSink();
  for (const s of doc.sentences) {
    let prev = 'O';
    let prev2 = 'O';
    let prevIdx = 0;
    const n = s.input.views.length;
    for (let i = 0; i < n; i++) {
      const view = s.input.views[i];
      dynamicFeatures(s.input, i, prev, prev2, hist.get(view), sink);
      const dyn = sink.take();
      scores.fill(0);
      scorer.addScores(s.feats[i], scores);
      scorer.addScores(dyn, scores);
      let best = -1;
      for (let t = 0; t < TAGS.length; t++) {
        // Training sees every tag, so that a wrong opening is punished rather than forced to continue.
        if (!train && (!ALLOWED[prevIdx * TAGS.length + t] || (i === n - 1 && !CAN_END[t]))) continue;
        if (best < 0 || scores[t] > scores[best]) best = t;
      }
      if (train) {
        const truth = train.gold[s.offset + i];
        const all = new Uint32Array(s.feats[i].length + dyn.length);
        all.set(s.feats[i]);
        all.set(dyn, s.feats[i].length);
        train.model.update(all, truth, best);
      }
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
