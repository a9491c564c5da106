// One document through the whole pipeline:
// analyze -> recognizers -> resolver -> normalizers -> output mentions.
// A configuration is plain data: the ordered list of recognizers.

import type { AnalyzedText, Candidate, CorpusEntity, Document, Mention, OutputMention, Recognizer, SentenceSpan } from '../types.js';
import { analyze, sentenceAt } from './analyze.js';
import { codePointLength, makeCodePointIndex } from './offsets.js';
import { originalSpan, withoutInvisibles } from './invisible.js';
import { resolve } from '../resolver/index.js';
import { acronymsAreNotPeople, preferKnownAcronyms, preferKnownWholes } from '../resolver/names.js';
import { sportsLists, sportsSides } from '../resolver/sports.js';
import { assignCanonicals, titlePrefixLength } from '../normalizers/names.js';
import { normalizeDates } from '../normalizers/dates.js';
import { resolvePlaces } from '../normalizers/places.js';
import { personRecognizer } from '../recognizers/persons.js';
import { orgRecognizer } from '../recognizers/orgs.js';
import { placeRecognizer } from '../recognizers/places.js';
import { dateRecognizer } from '../recognizers/dates.js';
import { entityId } from '../linker/slug.js';
import { contextFor } from '../writers/context.js';
import { shippedModel, tagSpans } from '../tagger/tagger.js';
import { gazetteer, lookupEntries } from '../data/gazetteer.js';
import { lexicon } from '../recognizers/lexicon.js';
import { lookupOrg } from '../normalizers/aliases.js';
import { refineReferents, uncoveredCompanies } from '../resolver/referents.js';
import { listedOrgsNotPeople, uncoveredListedNames } from '../resolver/listed.js';
import { joinConnectedNames } from '../resolver/connected.js';
import { datelinePlaces } from '../resolver/datelines.js';
import { qualifyGenericOrgs } from '../normalizers/qualifiers.js';

/** Loads the data every extraction reads (packs, alias table, the tagger's model): a worker does it before its first document arrives. */
export function warmUp(): void {
  gazetteer();
  lexicon();
  lookupOrg('');
  sportsLists();
  shippedModel();
}

/** The default recognizer list; a mode is a different list. */
export function defaultRecognizers(): Recognizer[] {
  return [orgRecognizer, placeRecognizer, dateRecognizer, personRecognizer];
}

/**
 * The recognizers whose spans are the tagger's evidence. The person rules are
 * not among them: with the tagger on they changed nothing measurable (pooled
 * strict F1 on the four dev splits 0.737 with them, 0.738 without, same seed;
 * PERSON 0.828 / 0.826) and cost about a tenth of the pipeline's time.
 */
export function evidenceRecognizers(): Recognizer[] {
  return [orgRecognizer, placeRecognizer, dateRecognizer];
}

/** The rule-based spans the tagger reads (training and tagging alike). */
export function evidenceSpans(input: AnalyzedText): Candidate[] {
  return ruleSpans(input, evidenceRecognizers());
}

export interface ExtractOptions {
  recognizers?: Recognizer[];
  /** false: the rule-based recognizers alone, without the trained tagger. */
  tagger?: boolean;
}

export interface Extraction {
  /** Resolved mentions, UTF-16 offsets, in text order. */
  mentions: Mention[];
  sentences: SentenceSpan[];
}

/** The rule-based recognizers' candidates, resolved: the whole extraction without the tagger, and the tagger's evidence. */
export function ruleSpans(input: AnalyzedText, recognizers: Recognizer[] = defaultRecognizers(), final = false): Candidate[] {
  const candidates: Candidate[] = [];
  for (const r of recognizers) for (const c of r.recognize(input)) candidates.push(c);
  return resolve(input, candidates, { names: final });
}

/**
 * The final spans: the tagger decides PERSON / ORG / PLACE (with the rules'
 * spans among its evidence); DATE spans and names inside a token that the
 * tagger cannot split ("London" in "London-based") come from the rules; the
 * resolver then trims boundaries and makes the document consistent.
 */
export function combineSpans(input: AnalyzedText, rules: Candidate[], tagged: Candidate[]): Candidate[] {
  // Where the tagger agrees with a rule on span and type, the rule's canonical name (alias table, gazetteer) is kept.
  // Else the canonical a rule gave the same words of the same type elsewhere in the document.
  const known = new Map<string, string>();
  const text = input.text;
  for (const r of rules) {
    if (!r.canonical) continue;
    known.set(`${r.start}:${r.end}:${r.type}`, r.canonical);
    known.set(`${r.type}:${text.slice(r.start, r.end)}`, r.canonical);
  }
  tagged = preferKnownWholes(rules, tagged);
  const out: Candidate[] = dropLeadingDemonyms(input, splitLeadingCountries(input, preferKnownAcronyms(text, rules, tagged)), known).map((t) => {
    const canonical = known.get(`${t.start}:${t.end}:${t.type}`) ?? known.get(`${t.type}:${text.slice(t.start, t.end)}`);
    return canonical ? { ...t, canonical } : t;
  });
  let k = 0;
  let t = 0;
  const tokens = input.tokens;
  // Both lists are in text order and the tagger's spans do not overlap: one sweep finds what a rule span overlaps.
  for (const r of rules) {
    if (r.type === 'DATE') {
      out.push(r);
      continue;
    }
    while (k < tokens.length && tokens[k].end <= r.start) k++;
    while (t < tagged.length && tagged[t].end <= r.start) t++;
    const inside = k < tokens.length && tokens[k].start <= r.start && tokens[k].end >= r.end && (tokens[k].start < r.start || tokens[k].end > r.end);
    const overlapsTagger = t < tagged.length && tagged[t].start < r.end;
    // A name the alias table or gazetteer knows (it has a canonical form) stays
    // when the tagger saw nothing there at all.
    // An AP state abbreviation after a city the tagger found ("Wilmington, Del.") is the state.
    const before = t > 0 ? tagged[t - 1] : undefined;
    const qualifier = r.type === 'PLACE' && before?.type === 'PLACE' && text.slice(before.end, r.start) === ', ' && STATE_ABBREVIATION.test(text.slice(r.start, r.end));
    // A city of 100,000 or more, a region or a named feature the gazetteer gives (score 0.6 to 0.7) stays too; countries
    // (0.8) do not: kept, they cost CrossNER politics 0.036, where the tagger rightly leaves many of them (measured
    // 2026-12-02 with the shipped model: UNER-EWT dev 0.753 -> 0.756, wikigold 0.702 -> 0.705, GUM and CrossNER
    // unchanged, BTC 0.381 -> 0.380, dev seeds +0.001, fixtures +0.001).
    const knownPlace = r.type === 'PLACE' && r.score >= 0.6 && r.score < 0.8;
    if ((inside || r.canonical || qualifier || knownPlace) && !overlapsTagger) out.push(r);
  }
  return resolve(input, out, { names: true });
}

/** "Del.", "Ore.", "N.C.", "Calif.": a capitalized abbreviation with its period(s). */
const STATE_ABBREVIATION = /^(?:\p{Lu}\p{Ll}{1,4}\.|\p{Lu}\.\p{Lu}\.)$/u;

/**
 * A nationality adjective stays inside a registered name ("British Embassy")
 * and outside any other: where the tagger's ORG is a demonym followed by a
 * name the alias table knows ("British" + "Secret Intelligence Service"), and
 * the whole is not itself known, the span is the known name.
 */
export function dropLeadingDemonyms(input: AnalyzedText, spans: Candidate[], known: Map<string, string>): Candidate[] {
  const demonyms = lexicon().demonyms;
  const tokens = input.tokens;
  let k = 0;
  return spans.map((s) => {
    while (k < tokens.length && tokens[k].start < s.start) k++;
    if (s.type !== 'ORG' || k + 1 >= tokens.length || tokens[k].start !== s.start) return s;
    const next = tokens[k + 1];
    if (next.start >= s.end || !demonyms.has(tokens[k].text.toLowerCase()) || known.has(`${s.start}:${s.end}:ORG`)) return s;
    return known.has(`${next.start}:${s.end}:ORG`) ? { ...s, start: next.start } : s;
  });
}

/**
 * The guidelines' "country before an organization" rule: "U.S. Central
 * Intelligence Agency" is PLACE "U.S." + ORG "Central Intelligence Agency".
 * The training corpora keep the country inside, so the tagger does too.
 */
export function splitLeadingCountries(input: AnalyzedText, spans: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const tokens = input.tokens;
  let k = 0;
  for (const s of spans) {
    while (k < tokens.length && tokens[k].start < s.start) k++;
    let split = -1;
    if (s.type === 'ORG') {
      for (let n = 1; n <= 3 && k + n < tokens.length && tokens[k + n].end <= s.end; n++) {
        const name = input.text.slice(s.start, tokens[k + n - 1].end);
        const next = tokens[k + n].text;
        if (/^\p{Lu}/u.test(next) && lookupEntries(name).some((e) => e.kind === 'country')) split = n;
      }
    }
    if (split < 0) {
      out.push(s);
      continue;
    }
    out.push({ ...s, end: tokens[k + split - 1].end, type: 'PLACE' }, { ...s, start: tokens[k + split].start });
  }
  return out;
}

export function extractMentions(original: Document, opts: ExtractOptions = {}): Extraction {
  // Soft hyphens and zero-width characters are invisible to every lookup; offsets go back to the original text.
  const visible = withoutInvisibles(original.text);
  const doc = visible ? { ...original, text: visible.text } : original;
  const input = analyze(doc);
  const model = opts.tagger === false ? null : shippedModel();
  // Without the tagger the rules' spans are the final ones.
  const rules = ruleSpans(input, opts.recognizers ?? (model ? evidenceRecognizers() : defaultRecognizers()), !model);
  // Sports copy: places standing for a side become teams (ORG), on the final spans of either path.
  const combined = sportsSides(input, model ? combineSpans(input, rules, tagSpans(input, rules, model)) : rules).map((c) => {
    // Titles and ranks stay outside a person's span and canonical name (GUIDELINES: "President Donald Trump" -> "Donald Trump").
    if (c.type !== 'PERSON') return c;
    const cut = titlePrefixLength(doc.text.slice(c.start, c.end));
    return cut > 0 ? { ...c, start: c.start + cut } : c;
  });
  // Companies named after towns, "District of Columbia", demonyms in the plural.
  const joined = model ? datelinePlaces(doc.text, joinConnectedNames(input, combined)) : combined;
  const refined = refineReferents(doc.text, listedOrgsNotPeople(doc.text, acronymsAreNotPeople(doc.text, input.sentences, joined)));
  const companies = uncoveredCompanies(doc.text, refined);
  // Names the organization lists hold that the tagger left untagged (src/resolver/listed.ts).
  if (model) for (const c of uncoveredListedNames(input, refined)) if (!companies.some((d) => d.start < c.end && c.start < d.end)) companies.push(c);
  const spans = companies.length === 0 ? refined : refined.concat(companies).sort((a, b) => a.start - b.start);
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
  const dated = mentions.filter((m) => m.type === 'DATE');
  normalizeDates(dated, doc.date, doc.text).forEach((v, i) => {
    dated[i].date = v;
  });
  // Places, resolved together so that they disambiguate each other.
  const placeIdx = mentions.map((m, i) => (m.type === 'PLACE' ? i : -1)).filter((i) => i >= 0);
  if (placeIdx.length > 0) {
    const infos = resolvePlaces(placeIdx.map((i) => ({ surface: mentions[i].text, canonical: mentions[i].canonical, start: mentions[i].start, end: mentions[i].end })), doc.text);
    placeIdx.forEach((mi, k) => {
      mentions[mi].place = infos[k];
    });
  }
  qualifyGenericOrgs(doc.text, mentions);
  if (!visible) return { mentions, sentences: input.sentences };
  for (const m of mentions) {
    const o = originalSpan(visible, m.start, m.end);
    m.start = o.start;
    m.end = o.end;
    m.text = original.text.slice(o.start, o.end);
  }
  return { mentions, sentences: input.sentences.map((s) => originalSpan(visible, s.start, s.end)) };
}

/** Where a piece of a document starts: the code points, mentions and sentences before it. */
export interface PieceBase {
  cp: number;
  mentions: number;
  sentences: number;
}

const WHOLE: PieceBase = { cp: 0, mentions: 0, sentences: 0 };

/**
 * Mentions as rows of the mentions table (code-point offsets, ids, context).
 * `text` is the text the extraction ran on: the document, or one piece of it
 * starting at `base` (offsets, mention numbers and sentences are shifted).
 */
export function toOutputMentions(doc: Document, { mentions, sentences }: Extraction, text = doc.text, base: PieceBase = WHOLE): OutputMention[] {
  const cp = makeCodePointIndex(text);
  // One context per sentence: a long sentence full of mentions is cut and collapsed once, not once per mention.
  const contexts = new Map<number, string>();
  return mentions.map((m, n) => {
    const sent = sentences[m.sentence] ?? { start: m.start, end: m.end };
    const key = m.type === 'DATE' ? m.date?.value || m.text : m.key ?? m.canonical;
    return {
      doc_id: doc.id,
      mention_id: `${doc.id}#${base.mentions + n + 1}`,
      entity_id: entityId(m.type, key),
      type: m.type,
      text: m.text,
      start: base.cp + cp(m.start),
      end: base.cp + cp(m.end),
      canonical: m.canonical,
      value: m.date?.value ?? m.qualifier ?? '',
      date_start: m.date?.dateStart ?? '',
      date_end: m.date?.dateEnd ?? '',
      needs_anchor: m.date?.needsAnchor ?? false,
      place_kind: m.place?.placeKind ?? '',
      country_code: m.place?.countryCode ?? '',
      latitude: m.place?.latitude ?? null,
      longitude: m.place?.longitude ?? null,
      geonames_id: m.place?.geonamesId ?? '',
      sentence: base.sentences + m.sentence,
      context: contexts.get(m.sentence) ?? contexts.set(m.sentence, contextFor(text, sent.start, sent.end)).get(m.sentence)!,
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

/** A document whose rows come in several chunks (see extractPieces). */
export const isHuge = (doc: Document): boolean => doc.text.length > PIECE_CHARS;

/** A failure in one piece of a huge document: the other pieces are still extracted. */
export interface PieceFailure {
  /** Code point range of the piece. */
  start: number;
  end: number;
  message: string;
}

/**
 * A document's mention rows, one chunk per piece. A huge document (a book, a
 * dump) is analyzed in bounded pieces, each on its own, and its rows can be
 * written piece by piece, so time and memory stay linear in the piece size;
 * offsets, mention numbers and sentences continue across pieces. A piece that
 * throws is reported to `onPieceError` and skipped; without that callback the
 * error propagates.
 */
export function* extractPieces(doc: Document, opts: ExtractOptions = {}, onPieceError?: (f: PieceFailure) => void): Generator<OutputMention[]> {
  if (!isHuge(doc)) {
    yield toOutputMentions(doc, extractMentions(doc, opts));
    return;
  }
  const base: PieceBase = { cp: 0, mentions: 0, sentences: 0 };
  for (const [start, end] of pieceBounds(doc.text)) {
    const text = doc.text.slice(start, end);
    const cps = codePointLength(text);
    try {
      const piece = extractMentions({ ...doc, text }, opts);
      const rows = toOutputMentions(doc, piece, text, base);
      base.mentions += rows.length;
      base.sentences += piece.sentences.length;
      yield rows;
    } catch (err) {
      if (!onPieceError) throw err;
      onPieceError({ start: base.cp, end: base.cp + cps, message: (err as Error).message ?? String(err) });
    }
    base.cp += cps;
  }
}

/** All mention rows of a document at once. */
export function extractDocument(doc: Document, opts: ExtractOptions = {}): OutputMention[] {
  const out: OutputMention[] = [];
  for (const rows of extractPieces(doc, opts)) for (const r of rows) out.push(r);
  return out;
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
