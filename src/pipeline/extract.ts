// One document through the whole pipeline:
// analyze -> recognizers -> resolver -> normalizers -> output mentions.
// A configuration is plain data: the ordered list of recognizers.

import type { Candidate, CorpusEntity, Document, Mention, OutputMention, Recognizer, SentenceSpan } from '../types.js';
import { analyze, sentenceAt } from './analyze.js';
import { makeCodePointIndex } from './offsets.js';
import { resolve } from '../resolver/index.js';
import { assignCanonicals } from '../normalizers/names.js';
import { normalizeDate } from '../normalizers/dates.js';
import { resolvePlaces } from '../normalizers/places.js';
import { personRecognizer } from '../recognizers/persons.js';
import { orgRecognizer } from '../recognizers/orgs.js';
import { placeRecognizer } from '../recognizers/places.js';
import { dateRecognizer } from '../recognizers/dates.js';
import { entityId } from '../linker/slug.js';
import { contextFor } from '../writers/context.js';

/** The default recognizer list; a mode is a different list. */
export function defaultRecognizers(): Recognizer[] {
  return [orgRecognizer, placeRecognizer, dateRecognizer, personRecognizer];
}

export interface ExtractOptions {
  recognizers?: Recognizer[];
}

export interface Extraction {
  /** Resolved mentions, UTF-16 offsets, in text order. */
  mentions: Mention[];
  sentences: SentenceSpan[];
}

export function extractMentions(doc: Document, opts: ExtractOptions = {}): Extraction {
  const input = analyze(doc);
  const recognizers = opts.recognizers ?? defaultRecognizers();
  const candidates: Candidate[] = [];
  for (const r of recognizers) for (const c of r.recognize(input)) candidates.push(c);
  const spans = resolve(input, candidates);
  const names = assignCanonicals(doc.text, spans);
  const mentions: Mention[] = spans.map((c, i) => ({
    start: c.start,
    end: c.end,
    type: c.type,
    text: doc.text.slice(c.start, c.end),
    canonical: c.type === 'DATE' ? '' : names[i].canonical,
    key: names[i].key,
    sentence: sentenceAt(input.sentences, c.start),
  }));
  // Dates.
  for (const m of mentions) {
    if (m.type !== 'DATE') continue;
    m.date = normalizeDate(m.text, { dct: doc.date, text: doc.text, start: m.start });
  }
  // Places, resolved together so that they disambiguate each other.
  const placeIdx = mentions.map((m, i) => (m.type === 'PLACE' ? i : -1)).filter((i) => i >= 0);
  if (placeIdx.length > 0) {
    const infos = resolvePlaces(placeIdx.map((i) => ({ surface: mentions[i].text, canonical: mentions[i].canonical })), doc.text);
    placeIdx.forEach((mi, k) => {
      mentions[mi].place = infos[k];
    });
  }
  return { mentions, sentences: input.sentences };
}

/** Mentions as rows of the mentions table (code-point offsets, ids, context). */
export function toOutputMentions(doc: Document, { mentions, sentences }: Extraction): OutputMention[] {
  const cp = makeCodePointIndex(doc.text);
  // One context per sentence: a long sentence full of mentions is cut and collapsed once, not once per mention.
  const contexts = new Map<number, string>();
  return mentions.map((m, n) => {
    const sent = sentences[m.sentence] ?? { start: m.start, end: m.end };
    const key = m.type === 'DATE' ? m.date?.value || m.text : m.key ?? m.canonical;
    return {
      doc_id: doc.id,
      mention_id: `${doc.id}#${n + 1}`,
      entity_id: entityId(m.type, key),
      type: m.type,
      text: m.text,
      start: cp(m.start),
      end: cp(m.end),
      canonical: m.canonical,
      value: m.date?.value ?? '',
      date_start: m.date?.dateStart ?? '',
      date_end: m.date?.dateEnd ?? '',
      needs_anchor: m.date?.needsAnchor ?? false,
      place_kind: m.place?.placeKind ?? '',
      country_code: m.place?.countryCode ?? '',
      latitude: m.place?.latitude ?? null,
      longitude: m.place?.longitude ?? null,
      geonames_id: m.place?.geonamesId ?? '',
      sentence: m.sentence,
      context: contexts.get(m.sentence) ?? contexts.set(m.sentence, contextFor(doc.text, sent.start, sent.end)).get(m.sentence)!,
    };
  });
}

/** Longest text analyzed in one go; longer documents are cut into pieces at paragraph or sentence ends. */
export const PIECE_CHARS = 100_000;

/** [start, end) UTF-16 ranges covering the text, each at most `max` long, cut at a blank line, else a sentence end, else a space. */
export function pieceBounds(text: string, max = PIECE_CHARS): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  while (text.length - start > max) {
    const window = text.slice(start + (max >> 1), start + max);
    const base = start + (max >> 1);
    let cut = window.lastIndexOf('\n\n');
    if (cut >= 0) cut += 2;
    else cut = lastSentenceEnd(window);
    let end = cut > 0 ? base + cut : start + max;
    // Never split a surrogate pair.
    if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end])) end--;
    out.push([start, end]);
    start = end;
  }
  out.push([start, text.length]);
  return out;
}

/** Index just after the last ". " / "! " / "? " (then whitespace) in the window, else after its last space, else -1. */
function lastSentenceEnd(window: string): number {
  for (let i = window.length - 2; i > 0; i--) {
    const c = window.charCodeAt(i);
    if ((c === 0x2e || c === 0x21 || c === 0x3f) && /\s/.test(window[i + 1])) return i + 2;
  }
  return window.lastIndexOf(' ') + 1 || -1;
}

export function extractDocument(doc: Document, opts: ExtractOptions = {}): OutputMention[] {
  if (doc.text.length <= PIECE_CHARS) return toOutputMentions(doc, extractMentions(doc, opts));
  // A huge document (a book, a dump) in bounded pieces: each piece is analyzed on
  // its own, so time and memory stay linear; offsets and sentences are shifted back.
  const all: Extraction = { mentions: [], sentences: [] };
  for (const [start, end] of pieceBounds(doc.text)) {
    const piece = extractMentions({ ...doc, text: doc.text.slice(start, end) }, opts);
    const sentenceBase = all.sentences.length;
    for (const s of piece.sentences) all.sentences.push({ start: s.start + start, end: s.end + start });
    for (const m of piece.mentions) all.mentions.push({ ...m, start: m.start + start, end: m.end + start, sentence: m.sentence + sentenceBase });
  }
  return toOutputMentions(doc, all);
}

/** Predictions in the corpus format, for `dossier eval`. */
export async function extractCorpusEntities(doc: Document): Promise<CorpusEntity[]> {
  return extractDocument(doc).map((m) => {
    const e: CorpusEntity = { start: m.start, end: m.end, type: m.type, text: m.text };
    if (m.type === 'DATE') e.value = m.value;
    else e.canonical = m.canonical;
    return e;
  });
}
