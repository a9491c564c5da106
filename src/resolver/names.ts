// Name mechanics that hold for every recognizer and for the tagger, applied by
// the resolver to the spans it settles on (so they hold on the final output):
// - a weekday or dated day after a name is a DATE, not the end of the name
//   ("the Senate Tuesday voted" -> ORG "Senate", DATE "Tuesday");
// - a company's legal-form suffix ("Inc.", "Ltd", "plc", "AG") ends an ORG:
//   the suffix is inside, nothing after it is, and the name before it is an
//   ORG whatever else it was read as ("Brindlewood Co." is not a person);
// - a generational suffix ("Jr.", "III") belongs to the person it follows;
// - a title word that is also a given name ("Dean", "Earl", "Major") directly
//   before a lone surname starts the name, unless the context makes it a title
//   ("the Dean", "Associate Dean Ortiz", "Dean of Students").
// Each step is a set lookup per token or per span: nothing here scans text
// with a regular expression per token.

import type { AnalyzedText, Candidate, Token } from '../types.js';
import { companySuffixKind } from '../recognizers/orgs.js';
import { isGivenNameTitle, isNameSuffix, isTitleWord } from '../normalizers/names.js';
import { lexicon } from '../recognizers/lexicon.js';
import { lookupEntries } from '../data/gazetteer.js';
import { isAllCaps, isUpperChar } from '../util/text.js';

/** A date that opens with a weekday, or a month followed by a day or year: never the tail of a name. */
const DATE_HEAD = /^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d)/i;

/**
 * Names whose last words are a DATE candidate ("Senate Tuesday", "Bundestag
 * Thursday") end before it, so that both survive overlap resolution.
 * Runs before selection, on all candidates.
 */
export function cutTrailingDates(cands: Candidate[], text: string): Candidate[] {
  const dates = cands.filter((c) => c.type === 'DATE' && DATE_HEAD.test(text.slice(c.start, c.end)));
  if (dates.length === 0) return cands;
  dates.sort((a, b) => a.start - b.start);
  return cands.map((c) => {
    if (c.type === 'DATE') return c;
    // First date starting after the name's start.
    let lo = 0;
    let hi = dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dates[mid].start <= c.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < dates.length && dates[k].start < c.end; k++) {
      const d = dates[k];
      if (d.end < c.end || !/\s/.test(text[d.start - 1])) continue;
      let e = d.start;
      while (e > c.start && /[\s,]/.test(text[e - 1])) e--;
      return e > c.start ? { ...c, end: e } : c;
    }
    return c;
  });
}

/** The determiners and possessives before a title used as a title ("the Dean", "our Major"). */
const TITLE_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'that', "'s", '’s']);

/**
 * Boundaries and types of names by their suffixes and given-name titles.
 * Runs after selection (the spans do not overlap, in any order) and before
 * document consistency; returns non-overlapping spans.
 */
export function applyNameMechanics(input: AnalyzedText, chosen: Candidate[]): Candidate[] {
  const { tokens, text } = input;
  if (tokens.length === 0) return chosen;
  let spans = [...chosen].sort((a, b) => a.start - b.start);
  spans = companySuffixes(input, spans);
  const drop = new Set<Candidate>();
  let k = 0;
  for (let n = 0; n < spans.length; n++) {
    const c = spans[n];
    if (c.type !== 'PERSON' || drop.has(c)) continue;
    // Its first and last tokens (spans and tokens are both in text order).
    while (k < tokens.length && tokens[k].start < c.start) k++;
    if (k >= tokens.length || tokens[k].start !== c.start) continue;
    const first = k;
    let last = k;
    while (last + 1 < tokens.length && tokens[last + 1].end <= c.end) last++;
    if (tokens[last].end !== c.end) continue;
    // "Jr" takes its period ("Martin Luther King Jr.": a sentence end after it is the same period).
    if (first < last && suffixEnd(tokens, text, last) > c.end) spans[n] = { ...c, end: suffixEnd(tokens, text, last) };
    // A span that is nothing but a suffix ("Jr", "Jr.") is no name by itself. A generational suffix
    // follows a surname, so the capitalized word just before it is one, even when it is also a
    // title word that the person step left outside ("Later King Jr. left": "King Jr.").
    const suffixOnly = (first === last || (last === first + 1 && tokens[last].text === '.')) && isNameSuffix(tokens[first].text) && tokens[first].text.length > 1;
    if (suffixOnly) {
      const p = first - 1;
      const prev = spans[n - 1];
      const surname =
        isGenerational(tokens[first].text) &&
        p >= 0 &&
        tokens[p].sentence === tokens[first].sentence &&
        text.slice(tokens[p].end, tokens[first].start) === ' ' &&
        /^\p{Lu}\p{Ll}/u.test(tokens[p].text) &&
        !(prev && prev.end > tokens[p].start);
      if (surname) spans[n] = { ...spans[n], start: tokens[p].start, end: Math.max(spans[n].end, suffixEnd(tokens, text, first)) };
      else drop.add(c);
      continue;
    }
    // A generational suffix right after the name belongs to it ("Robert Haldane Jr.").
    const sfx = generationalSuffixAfter(tokens, text, last);
    if (sfx > 0) {
      const next = spans[n + 1];
      if (next && next.start < sfx) {
        // Only a span that is the suffix itself may be absorbed.
        if (next.end <= sfx) drop.add(next);
        else continue;
      }
      spans[n] = { ...c, end: sfx };
    }
    // A given name that is also a title, before a lone surname: "Dean Martinez said".
    if (first === last && first > 0) {
      const p = first - 1;
      if (givenNameTitleStarts(tokens, text, p, first, spans[n - 1])) spans[n] = { ...spans[n], start: tokens[p].start };
    }
  }
  return drop.size > 0 ? spans.filter((c) => !drop.has(c)) : spans;
}

/** End offset of "Jr." / "III" right after token `last` (space or ", Jr."), 0 when none. */
function generationalSuffixAfter(tokens: Token[], text: string, last: number): number {
  let k = last + 1;
  if (k >= tokens.length || tokens[k].sentence !== tokens[last].sentence) return 0;
  const gap = text.slice(tokens[last].end, tokens[k].start);
  let comma = false;
  if (tokens[k].text === ',' && gap === '' && k + 1 < tokens.length && text.slice(tokens[k].end, tokens[k + 1].start) === ' ') {
    comma = true;
    k++;
  } else if (gap !== ' ') return 0;
  const w = tokens[k].text;
  if (!isGenerational(w) || (comma && !/^[JS]r$/.test(w))) return 0;
  return suffixEnd(tokens, text, k);
}

/** End offset of suffix token k: "Jr" and "Sr" take their period ("Jr.": a sentence end after it is the same period). */
function suffixEnd(tokens: Token[], text: string, k: number): number {
  return text[tokens[k].end] === '.' && /^[JS]r$/.test(tokens[k].text) ? tokens[k].end + 1 : tokens[k].end;
}

/** Jr, Sr and Roman numerals II-IV: the suffixes that say which of a family's bearers is meant. */
function isGenerational(w: string): boolean {
  return isNameSuffix(w) && /^(?:[JS]r|I{2,3}|IV)$/.test(w);
}

/** Does the given-name title at token `p` start the person whose lone surname is token `s`? */
function givenNameTitleStarts(tokens: Token[], text: string, p: number, s: number, before: Candidate | undefined): boolean {
  const w = tokens[p].text;
  if (!isGivenNameTitle(w) || tokens[p].sentence !== tokens[s].sentence || text.slice(tokens[p].end, tokens[s].start) !== ' ') return false;
  // Title case only: "DEAN" in a headline in capitals and "dean" are not read here.
  if (!isUpperChar(w[0]) || w.slice(1) !== w.slice(1).toLowerCase()) return false;
  if (before && before.end > tokens[p].start) return false;
  // "Dean Ortiz of the law school": the title of a body.
  if (s + 1 < tokens.length && tokens[s + 1].text === 'of') return false;
  const q = p - 1;
  if (q < 0 || tokens[q].sentence !== tokens[p].sentence) return true;
  const prev = tokens[q].text;
  const lower = prev.toLowerCase();
  // "the Dean", "Harvard's Dean", "former Major", "Associate Dean", "Army Major": a title.
  if (TITLE_DETERMINERS.has(lower) || isTitleWord(prev) || lexicon().roleNouns.has(lower)) return false;
  // A capitalized word before it makes it part of a title phrase, unless that word only opens the sentence ("But Dean Ortiz said").
  if (isUpperChar(prev[0])) {
    const opensSentence = q === 0 || tokens[q - 1].sentence !== tokens[q].sentence;
    if (!(opensSentence && lexicon().functionWords.has(lower))) return false;
  }
  return true;
}

/** ORG spans ended by a legal-form suffix ("Kestrel Holdings Inc.", "Orvella plc", "Strunz AG"). */
function companySuffixes(input: AnalyzedText, spans: Candidate[]): Candidate[] {
  const { tokens, text } = input;
  const lex = lexicon();
  let out = spans;
  let s = 0;
  for (let k = 1; k < tokens.length; k++) {
    const kind = companySuffixKind(tokens[k].text);
    if (!kind) continue;
    const prevTok = tokens[k - 1];
    if (prevTok.sentence !== tokens[k].sentence) continue;
    const gap = text.slice(prevTok.end, tokens[k].start);
    // "Acme Inc." only: after a comma ("Acme, Inc.") the corpora disagree on whether the suffix is inside
    // (UNER includes it, GUM and CrossNER leave it out): the tagger's reading stands.
    if (gap !== ' ' || prevTok.text === ',') {
      // Whatever the convention, the suffix alone is no name.
      if (prevTok.text === ',') out = out.filter((c) => !(c.start === tokens[k].start && c.end <= tokens[k].end + 1 && c.type !== 'DATE'));
      continue;
    }
    const nameEnd = k - 1;
    const last = tokens[nameEnd].text;
    if (!/^[\p{Lu}\p{N}]/u.test(last)) continue;
    // "Texas AG", "Prime Minister SA": an ambiguous suffix after a place or a title is something else.
    if (kind === 'ambiguous' && (lookupEntries(last).length > 0 || isTitleWord(last) || lex.demonyms.has(last.toLowerCase()))) continue;
    let end = tokens[k].end;
    if (text[end] === '.' && companySuffixKind(`${tokens[k].text}.`) === 'strong' && !tokens[k].text.endsWith('.')) end++;
    // Spans before the name's last word are behind us.
    while (s < out.length && out[s].end <= tokens[nameEnd].start) s++;
    const holder = s < out.length && out[s].start <= tokens[nameEnd].start && out[s].type !== 'DATE' ? out[s] : null;
    let start: number;
    if (holder) start = holder.start;
    else {
      // An unrecognized name: the capitalized words before the suffix ("Shares of Orvella plc").
      let a = nameEnd;
      while (a > 0 && nameEnd - a < 5 && tokens[a - 1].sentence === tokens[a].sentence && text.slice(tokens[a - 1].end, tokens[a].start) === ' ') {
        const t = tokens[a - 1].text;
        if (!(isUpperChar(t[0]) || t === '&') || covered(out, tokens[a - 1].start)) break;
        a--;
      }
      while (a < nameEnd && (tokens[a].text === '&' || lex.functionWords.has(tokens[a].text.toLowerCase()))) a++;
      if (lex.functionWords.has(tokens[a].text.toLowerCase())) continue;
      start = tokens[a].start;
    }
    // Everything overlapping [start, end) gives way to the company.
    const merged: Candidate = {
      start,
      end,
      type: 'ORG',
      source: holder?.source ?? 'names',
      score: Math.max(holder?.score ?? 0, 0.6),
    };
    if (holder?.type === 'ORG' && holder.canonical) merged.canonical = holder.canonical;
    const next: Candidate[] = [];
    let placed = false;
    for (const c of out) {
      if (c.end <= start || c.start >= end) {
        if (!placed && c.start >= end) {
          next.push(merged);
          placed = true;
        }
        next.push(c);
      }
    }
    if (!placed) next.push(merged);
    out = next;
    s = 0;
  }
  return out;
}

function covered(spans: Candidate[], pos: number): boolean {
  for (let i = 0; i < spans.length && spans[i].start <= pos; i++) if (pos < spans[i].end) return true;
  return false;
}

/** Below this population a town is a weaker reading of an all-caps word than an organization the alias table knows. */
const TINY_TOWN = 100_000;

/**
 * A known organization's acronym beats a small town of the same spelling:
 * where the tagger reads as PLACE an all-caps word the alias table knows as
 * an organization (a rule span of the same extent with a canonical name), and
 * the only places so spelled are towns under TINY_TOWN people ("EU": Eu,
 * France), the span is the ORG. Countries, regions and larger cities keep
 * their reading.
 */
export function preferKnownAcronyms(text: string, rules: Candidate[], tagged: Candidate[]): Candidate[] {
  let known: Map<string, Candidate> | null = null;
  for (const r of rules) {
    if (r.type !== 'ORG' || !r.canonical) continue;
    (known ??= new Map()).set(`${r.start}:${r.end}`, r);
  }
  if (!known) return tagged;
  return tagged.map((t) => {
    if (t.type !== 'PLACE') return t;
    const r = known!.get(`${t.start}:${t.end}`);
    if (!r) return t;
    const surface = text.slice(t.start, t.end);
    if (!isAllCaps(surface) || /\s/.test(surface)) return t;
    const places = lookupEntries(surface);
    if (places.some((p) => p.kind !== 'city' || p.population >= TINY_TOWN)) return t;
    return { ...t, type: 'ORG', canonical: r.canonical };
  });
}

/**
 * A name the rules know in full (alias table, gazetteer, an acronym's own
 * definition: it has a canonical form) replaces the tagger's pieces of it when
 * every tagger span it overlaps lies inside it: "Securities and Exchange
 * Commission" read by the tagger as "Exchange Commission", "Bosnia and
 * Herzegovina" as two places. A tagger span that reaches past the known name
 * ("Bank of America Merrill Lynch" around "Bank of America") is kept.
 */
export function preferKnownWholes(rules: Candidate[], tagged: Candidate[]): Candidate[] {
  const wholes = rules.filter((r) => r.canonical && r.type !== 'DATE').sort((a, b) => a.start - b.start || b.end - a.end);
  if (wholes.length === 0 || tagged.length === 0) return tagged;
  const drop = new Set<Candidate>();
  const add: Candidate[] = [];
  let t = 0;
  let lastEnd = -1;
  for (const w of wholes) {
    if (w.start < lastEnd) continue; // nested in (or crossing) a known name already taken
    while (t < tagged.length && tagged[t].end <= w.start) t++;
    const inside: Candidate[] = [];
    let sticksOut = false;
    for (let k = t; k < tagged.length && tagged[k].start < w.end; k++) {
      const x = tagged[k];
      if (x.start < w.start || x.end > w.end) sticksOut = true;
      else inside.push(x);
    }
    if (sticksOut || inside.length === 0) continue;
    if (inside.length === 1 && inside[0].start === w.start && inside[0].end === w.end) continue;
    for (const x of inside) drop.add(x);
    add.push({ ...w, source: 'tagger' });
    lastEnd = w.end;
  }
  if (add.length === 0) return tagged;
  return [...tagged.filter((x) => !drop.has(x)), ...add].sort((a, b) => a.start - b.start);
}

/** A token shaped like an acronym: three to six capitals or digits, starting with a capital ("JAXA", "NHS", "G20"). */
const ACRONYM_SHAPE = /^[A-Z][A-Z0-9&]{2,5}$/;
/** Lower-case prose: a sentence that is not an all-caps headline or results line. */
const PROSE = /[a-z]{3}/;

/**
 * An acronym in running text names an organization, not a person: a PERSON
 * span that is one acronym-shaped token in a sentence with lower-case words
 * becomes an ORG ("JAXA said"). In an all-caps line (a headline, "OBAMA
 * VISITS") a name in capitals is still a person.
 */
export function acronymsAreNotPeople(text: string, sentences: { start: number; end: number }[], spans: Candidate[]): Candidate[] {
  let k = 0;
  return spans.map((c) => {
    if (c.type !== 'PERSON' || !ACRONYM_SHAPE.test(text.slice(c.start, c.end))) return c;
    while (k + 1 < sentences.length && sentences[k].end <= c.start) k++;
    const sent = sentences[k];
    if (!sent || !PROSE.test(text.slice(sent.start, sent.end))) return c;
    return { ...c, type: 'ORG' };
  });
}
