// What a user gets from the plain libraries, converted to our spans, so every
// improvement is measured against them: compromise alone (people,
// organizations, places, compromise-dates) and wink-nlp alone (its entities;
// it has DATE but no PERSON, ORG or PLACE).

import { createRequire } from 'node:module';
import type { CorpusEntity, Document, EntityType } from '../types.js';
import { makeCodePointIndex } from '../pipeline/offsets.js';
import { keepLongest } from '../util/text.js';

const require = createRequire(import.meta.url);

type Span = { start: number; end: number; type: EntityType; value?: string };

/** Longest span wins among overlaps; converted to code points. */
function finish(text: string, spans: Span[]): CorpusEntity[] {
  const kept = keepLongest(spans);
  const cp = makeCodePointIndex(text);
  return kept.map((s) => {
    const surface = text.slice(s.start, s.end);
    const e: CorpusEntity = { start: cp(s.start), end: cp(s.end), type: s.type, text: surface };
    if (s.type === 'DATE') e.value = s.value ?? '';
    else e.canonical = surface;
    return e;
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let compromise: any = null;

export function compromiseExtract(doc: Document): CorpusEntity[] {
  if (!compromise) {
    compromise = require('compromise');
    compromise.plugin(require('compromise-dates'));
  }
  const d = compromise(doc.text);
  const spans: Span[] = [];
  const add = (list: { offset: { start: number; length: number } }[], type: EntityType) => {
    for (const m of list) spans.push({ start: m.offset.start, end: m.offset.start + m.offset.length, type });
  };
  add(d.people().json({ offset: true }), 'PERSON');
  add(d.organizations().json({ offset: true }), 'ORG');
  add(d.places().json({ offset: true }), 'PLACE');
  const opts = /^\d{4}-\d{2}-\d{2}$/.test(doc.date) ? { today: doc.date } : {};
  for (const m of d.dates(opts).json({ offset: true }) as { offset: { start: number; length: number }; dates?: { start?: string; unit?: string } }[]) {
    const start = m.dates?.start ?? '';
    const unit = m.dates?.unit ?? 'day';
    const value = !start ? '' : unit === 'year' ? start.slice(0, 4) : unit === 'month' ? start.slice(0, 7) : start.slice(0, 10);
    spans.push({ start: m.offset.start, end: m.offset.start + m.offset.length, type: 'DATE', value });
  }
  // compromise includes trailing punctuation and spaces in some matches.
  for (const s of spans) {
    while (s.end > s.start && /[\s.,;:!?]/.test(doc.text[s.end - 1])) s.end--;
  }
  return finish(doc.text, spans.filter((s) => s.end > s.start));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let wink: { nlp: any; its: any } | null = null;

export function winkExtract(doc: Document): CorpusEntity[] {
  if (!wink) {
    const winkNLP = require('wink-nlp');
    const model = require('wink-eng-lite-web-model');
    const nlp = winkNLP(model);
    wink = { nlp, its: nlp.its };
  }
  const { nlp, its } = wink;
  const d = nlp.readDoc(doc.text);
  // Character offsets of tokens, found in order in the text.
  const tokens: string[] = d.tokens().out();
  const starts: number[] = new Array(tokens.length);
  let pos = 0;
  for (let i = 0; i < tokens.length; i++) {
    const at = doc.text.indexOf(tokens[i], pos);
    starts[i] = at < 0 ? pos : at;
    pos = at < 0 ? pos : at + tokens[i].length;
  }
  const spans: Span[] = [];
  const details: { type: string }[] = d.entities().out(its.detail);
  const idx: [number, number][] = d.entities().out(its.span);
  details.forEach((det, k) => {
    if (det.type !== 'DATE') return;
    const [a, b] = idx[k];
    spans.push({ start: starts[a], end: starts[b] + tokens[b].length, type: 'DATE', value: '' });
  });
  return finish(doc.text, spans);
}
