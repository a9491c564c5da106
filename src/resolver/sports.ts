// Sports pages: a place name that stands for a side is a team, and named teams
// are ORG (GUIDELINES, ORG). "Barcelona beat Real Madrid 3-1", "PITTSBURGH 5
// Colorado 3", "Brazil coach ..." name clubs and national sides; "fans in
// Barcelona", a dateline "LONDON 1996-08-24" and "Sampras ( U.S. )" name places.
//
// A resolver step over the final spans, in three parts:
// 1. Evidence, one pass over the tokens: sports words (data/sports.json), score
//    tokens ("3-1"), and lines that are results rows ("Arsenal 2 Liverpool 0",
//    "Brazil 2-1 Germany", "PITTSBURGH AT COLORADO") or standings rows ("ATLANTA 80
//    50 .615"). Without enough of it the document is not sports copy and nothing
//    changes (the common case, and the cheap one).
// 2. Sides: the names in results rows (untagged ones are added as ORG), places
//    in standings rows, and a PLACE in a side's position in a sentence: subject
//    of "beat / drew / lost ...", object of "beat / against / v", after "drew
//    with / lost to / win over", before "coach / striker / 's defence". A place
//    after a locative preposition, in a dateline, in brackets or before "'s"
//    and a person stays PLACE.
// 3. The document: a string read as a side once is a side wherever it is not
//    in a place's position, and so is a place the club list knows (on a page
//    with scores or rows). docs/sports.md has the details and the measurements.

import { readFileSync } from 'node:fs';
import type { AnalyzedText, Candidate, Token } from '../types.js';
import { dataPath } from '../util/paths.js';
import { normalizeCase } from '../normalizers/names.js';
import { isUpperChar } from '../util/text.js';
import { lexicon } from '../recognizers/lexicon.js';
import { GAZ_CATEGORIES, phraseMask } from '../tagger/gazetteers.js';

export interface SportsLists {
  sportWords: Set<string>;
  subjectVerbs: Set<string>;
  adverbs: Set<string>;
  objectCues: Set<string>;
  pairCues: Set<string>;
  weakCues: Set<string>;
  roleNouns: Set<string>;
  locatives: Set<string>;
  versus: Set<string>;
  eventVerbs: Set<string>;
  teamNouns: Set<string>;
  venueHeads: Set<string>;
}

let lists: SportsLists | null = null;

/** The lists of data/sports.json, read once. */
export function sportsLists(): SportsLists {
  if (lists) return lists;
  const raw = JSON.parse(readFileSync(dataPath('sports.json'), 'utf8')) as Record<string, string[] | string>;
  const set = (k: string) => new Set((raw[k] as string[]).map((s) => s.toLowerCase()));
  lists = {
    sportWords: set('sportWords'),
    subjectVerbs: set('subjectVerbs'),
    adverbs: set('adverbs'),
    objectCues: set('objectCues'),
    pairCues: set('pairCues'),
    weakCues: set('weakCues'),
    roleNouns: set('roleNouns'),
    locatives: set('locatives'),
    versus: set('versus'),
    eventVerbs: set('eventVerbs'),
    teamNouns: set('teamNouns'),
    venueHeads: set('venueHeads'),
  };
  return lists;
}

const CLUB = 1 << GAZ_CATEGORIES.indexOf('club');

/** A score token: "3-1", "2–2" (not a date, a range of years or a phone number). */
const SCORE = /^\d{1,3}[-–]\d{1,3}$/;
const SMALL_INT = /^\d{1,3}$/;
/** Sentence flags: a sports word, a score. */
const SENT_WORD = 1;
const SENT_SCORE = 2;
/** In the token cover: a name the rows step added. */
const ADDED = -2;

/** Per-token classes for the row patterns, one character each. */
function shapeOf(t: string, L: SportsLists): string {
  const c = t.charCodeAt(0);
  if (c >= 48 && c <= 57) return SCORE.test(t) ? 'S' : SMALL_INT.test(t) ? 'N' : 'D';
  if (t === '(') return 'o';
  if (t === ')') return 'c';
  if (t === ',') return ',';
  if (t === '.') return '.';
  if (t === '-' || t === '–' || t === '—' || t === ':' || t === ';') return '-';
  const low = t.toLowerCase();
  if (L.versus.has(low)) return low === 'at' ? 'a' : 'v';
  const ch = t[0];
  if (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) return 'C';
  if (ch !== ch.toUpperCase()) return 'x';
  return 'p';
}

// Results rows: two sides with their scores, a side-score-side line, a fixture line.
// Groups are the sides' token runs inside the sentence's shape string.
const RESULT_ROWS = [
  /(?:^|[,\-.p])(C+)N(?:xN)?(?:o[^c]*c)?[,v]?(C+)N(?![SND])/g,
  /(?:^|[,\-.p])(C+)S(C+)(?=$|[,\-.pocx])/g,
  /(?:^|[,\-p])(C+)v\.?(C+)(?=$|[,\-.pocxND])/g,
  /^(C+)a(C+)$/g,
];
// Standings: a name then nothing but numbers (at least three) and punctuation.
const STANDINGS = /^(?:N\.?)?(C+)[NDS.,\-p]+$/;

/** What makes a document sports copy. */
export interface SportsEvidence {
  /** Distinct sports words ("league", "striker", ...). */
  sportWords: number;
  /** Score tokens ("3-1"). */
  scores: number;
  /** Lines holding a result ("Arsenal 2 Liverpool 0") or a fixture ("Toronto at BOSTON"). */
  resultRows: number;
  /** Lines of a name and at least three numbers. */
  standingsRows: number;
}

export function isSportsCopy(e: SportsEvidence): boolean {
  return e.resultRows >= 2 || e.standingsRows >= 3 || (e.scores + e.resultRows > 0 && e.sportWords > 0) || e.sportWords >= 3;
}

interface SideRun {
  /** Token range [from, to] inclusive. */
  from: number;
  to: number;
  /** true: a side of a result; false: a standings row. */
  result: boolean;
  /** The row is the whole line from its first word ("Arsenal 2 Liverpool 0"), not a tail ("Scorers: Smith 23, Jones 45"). */
  whole: boolean;
}

/** The sports evidence of a document, and where its results and standings rows put the sides. */
export function sportsEvidence(input: AnalyzedText): { evidence: SportsEvidence; sentWords: Uint8Array; runs: SideRun[] } {
  const { tokens } = input;
  const L = sportsLists();
  const ev: SportsEvidence = { sportWords: 0, scores: 0, resultRows: 0, standingsRows: 0 };
  const sentWords = new Uint8Array(input.sentences.length);
  const seenWords = new Set<string>();
  const rowSentences: number[] = [];
  let sentNumber = -1;
  let sentCap = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].text;
    const c = t.charCodeAt(0);
    if (i === 0 || tokens[i - 1].sentence !== tokens[i].sentence) sentCap = (c >= 48 && c <= 57) || isUpperChar(t[0]) ? tokens[i].sentence : -1;
    const digit = c >= 48 && c <= 57;
    if (digit && SCORE.test(t)) {
      ev.scores++;
      sentWords[tokens[i].sentence] |= SENT_SCORE;
    }
    // A line that starts with a name and holds a number or a "v" / "at" may be a results or standings row.
    if (digit || (t.length <= 2 && L.versus.has(t.toLowerCase()))) {
      const s = tokens[i].sentence;
      if (sentNumber !== s && sentCap === s) {
        sentNumber = s;
        rowSentences.push(s);
      }
    }
    if (digit || t.length < 3 || t.length > 14) continue;
    const low = t.toLowerCase();
    if (L.sportWords.has(low)) {
      seenWords.add(low);
      sentWords[tokens[i].sentence] |= SENT_WORD;
    }
  }
  // Row patterns, only on those lines.
  const sentFirst = new Int32Array(input.sentences.length + 1).fill(-1);
  for (let i = tokens.length - 1; i >= 0; i--) sentFirst[tokens[i].sentence] = i;
  const sentEnd = (s: number) => {
    let e = sentFirst[s];
    while (e + 1 < tokens.length && tokens[e + 1].sentence === s) e++;
    return e;
  };
  const runs: SideRun[] = [];
  for (const s of rowSentences) {
    const from = sentFirst[s];
    const to = sentEnd(s);
    if (to - from > 40) continue;
    let shape = '';
    for (let k = from; k <= to; k++) shape += shapeOf(tokens[k].text, L);
    let found = false;
    for (const re of RESULT_ROWS) {
      re.lastIndex = 0;
      for (let m = re.exec(shape); m; m = re.exec(shape)) {
        const a = m.index + m[0].indexOf(m[1]);
        const b = m.index + m[0].lastIndexOf(m[2]);
        runs.push({ from: from + a, to: from + a + m[1].length - 1, result: true, whole: a === 0 });
        runs.push({ from: from + b, to: from + b + m[2].length - 1, result: true, whole: a === 0 });
        found = true;
      }
    }
    if (found) {
      ev.resultRows++;
      continue;
    }
    const st = STANDINGS.exec(shape);
    if (st) {
      let nums = 0;
      for (let k = st.index + st[0].indexOf(st[1]) + st[1].length; k < shape.length; k++) if (shape[k] === 'N' || shape[k] === 'D') nums++;
      if (nums >= 3) {
        const a = st[0].indexOf(st[1]);
        runs.push({ from: from + a, to: from + a + st[1].length - 1, result: false, whole: true });
        ev.standingsRows++;
      }
    }
  }
  ev.sportWords = seenWords.size;
  return { evidence: ev, sentWords, runs };
}

/** Are the tokens from `k` up to offset `end` one small number (a score)? */
function scoreOnly(tokens: AnalyzedText['tokens'], text: string, k: number, end: number): boolean {
  return k < tokens.length && tokens[k].end === end && SMALL_INT.test(tokens[k].text) && !/\n/.test(text.slice(tokens[k - 1].end, tokens[k].start));
}

/**
 * Retypes the places that stand for a side to ORG, and adds the untagged
 * names of results rows. `spans` are final, non-overlapping and in text order;
 * the result is too.
 */
export function sportsSides(input: AnalyzedText, spans: Candidate[]): Candidate[] {
  const { tokens, text } = input;
  const { evidence, sentWords, runs } = sportsEvidence(input);
  if (!isSportsCopy(evidence)) return spans;
  const L = sportsLists();

  // Which span covers each token.
  const out = spans.map((c) => ({ ...c }));
  const cover = new Int32Array(tokens.length).fill(-1); // -1: no span; ADDED: a name this step added
  for (let i = 0, k = 0; i < out.length; i++) {
    while (k < tokens.length && tokens[k].end <= out[i].start) k++;
    for (let j = k; j < tokens.length && tokens[j].start < out[i].end; j++) cover[j] = i;
  }
  const side = new Uint8Array(out.length); // 1: a side, 2: a place kept by its position
  const sentSide = new Uint8Array(input.sentences.length);
  const added: Candidate[] = [];
  const addedAt = new Set<number>();
  const addAt = (start: number, end: number) => {
    if (addedAt.has(start)) return;
    addedAt.add(start);
    const c: Candidate = { start, end, type: 'ORG', source: 'sports', score: 0.6 };
    const name = text.slice(start, end);
    if (name === name.toUpperCase() && name !== name.toLowerCase()) c.canonical = normalizeCase(name);
    added.push(c);
  };
  const sideNames = new Set<string>();
  // A side's canonical name: a place's gazetteer name does not carry over; an all-caps one ("PITTSBURGH") in normal case.
  const toOrg = (c: Candidate) => {
    if (c.type === 'ORG' && c.canonical) return;
    if (c.type !== 'ORG') c.canonical = undefined;
    c.type = 'ORG';
    c.source = 'sports';
    const s = text.slice(c.start, c.end);
    if (s === s.toUpperCase() && s !== s.toLowerCase()) c.canonical = normalizeCase(s);
  };

  // 2a. Rows.
  for (const r of runs) {
    // The spans inside the run; a span reaching outside it is someone else's reading.
    let clean = true;
    const inside: number[] = [];
    for (let k = r.from; k <= r.to; k++) {
      const ci = cover[k];
      if (ci < 0) continue;
      // A side read together with its score ("Atlanta 2" in "Atlanta 2 PHILADELPHIA 0") is the side.
      if (out[ci].end > tokens[r.to].end && r.result && scoreOnly(tokens, text, r.to + 1, out[ci].end)) out[ci].end = tokens[r.to].end;
      if (out[ci].start < tokens[r.from].start || out[ci].end > tokens[r.to].end) clean = false;
      if (!inside.includes(ci)) inside.push(ci);
    }
    if (!clean) continue;
    const start = tokens[r.from].start;
    const end = tokens[r.to].end;
    const name = text.slice(start, end);
    if (inside.length === 0) {
      if ((r.result && r.whole) || isClub(tokens, r.from, r.to)) {
        addAt(start, end);
        sideNames.add(name.toLowerCase());
        cover.fill(ADDED, r.from, r.to + 1);
      }
      continue;
    }
    // People keep their type in standings (golf scores) and in a row's tail (scorers and their minutes), unless the club list knows them.
    if (!(r.result && r.whole) && !inside.every((ci) => out[ci].type === 'PLACE' || out[ci].type === 'ORG') && !isClub(tokens, r.from, r.to)) continue;
    if (inside.some((ci) => out[ci].type === 'DATE')) continue;
    // One side, one span: "Newcastle" PLACE inside "Newcastle United" becomes the whole name.
    const first = out[inside[0]];
    first.start = start;
    first.end = end;
    for (const ci of inside.slice(1)) out[ci].end = -1;
    toOrg(first);
    side[inside[0]] = 1;
    sideNames.add(name.toLowerCase());
  }

  // 2b. Sentences.
  const tokenAt = new Int32Array(out.length).fill(-1);
  const tokenTo = new Int32Array(out.length).fill(-1);
  for (let i = 0, k = 0; i < out.length; i++) {
    if (out[i].end < 0) continue;
    while (k < tokens.length && tokens[k].start < out[i].start) k++;
    if (k >= tokens.length || tokens[k].start !== out[i].start) continue; // not on a token boundary ("London-based")
    let j = k;
    while (j + 1 < tokens.length && tokens[j + 1].start < out[i].end) j++;
    if (tokens[j].end !== out[i].end) continue;
    tokenAt[i] = k;
    tokenTo[i] = j;
  }
  const word = (k: number, s: number): string => (k >= 0 && k < tokens.length && tokens[k].sentence === s ? tokens[k].text.toLowerCase() : '');
  const personAt = (k: number): boolean => k >= 0 && k < tokens.length && cover[k] >= 0 && out[cover[k]].type === 'PERSON';
  /** 2 when tokens k..j stand in a place's position (dateline, brackets, after "in"), 1 in a side's, 0 neither. */
  const position = (k: number, j: number): number => {
    const s = tokens[k].sentence;
    // "beat the Netherlands", "in the Netherlands": the article is skipped.
    const skip = word(k - 1, s) === 'the' ? 1 : 0;
    const p1 = word(k - 1 - skip, s);
    const p2 = word(k - 2 - skip, s);
    const n1 = word(j + 1, s);
    const n2 = word(j + 2, s);
    const possessive = n1 === "'s" || n1 === '’s';
    const evidence = sentWords[s] !== 0;
    // Brackets after a name: a nationality ("Pete Sampras ( U.S. )").
    if (p1 === '(' && n1 === ')') return 2;
    // "Sweden's Stefan Edberg", "a win over Cuba's famous Teofil Soto": a country before a person;
    // "Barcelona's Brazilian striker Ronaldo": a side before its player.
    if (possessive && !L.roleNouns.has(n2) && !L.roleNouns.has(word(j + 3, s)) && (personAt(j + 2) || personAt(j + 3) || personAt(j + 4))) return 2;
    // Dateline: the line's first words, then a date, a bracket, a dash or a colon ("LEICESTER : ...").
    if (p1 === '' && (n1 === '(' || n1 === ':' || n1 === '-' || n1 === '–' || n1 === '—' || (cover[j + 1] >= 0 && out[cover[j + 1]].type === 'DATE'))) return 2;
    // A sports ground ("a draw at Villa Park", "at Elland Road"): where a match is played, not who played it.
    if (tokens[j].text.length > 1 && L.venueHeads.has(word(j, s)) && j > k) return 2;
    // "drew 0-0 with Liverpool": the score between the verb and its preposition is skipped (not before "at": below).
    const pair = p2 && p1 !== 'at' && SCORE.test(p2) ? `${word(k - 3 - skip, s)} ${p1}` : `${p2} ${p1}`;
    if (p2 && L.pairCues.has(pair)) return !L.weakCues.has(pair) || evidence ? 1 : 0;
    // "lost 2-0 at Bremen": after a score, "at" names the opponent's ground, which may be a club or a stadium; the document decides.
    if (p1 === 'at' && SCORE.test(p2)) return 0;
    if (L.locatives.has(p1)) return 2;
    if (L.objectCues.has(p1)) return !L.weakCues.has(p1) || evidence ? 1 : 0;
    const v = L.subjectVerbs.has(n1) ? j + 1 : L.adverbs.has(n1) && L.subjectVerbs.has(n2) ? j + 2 : -1;
    if (v >= 0) {
      const verb = word(v, s);
      // "Brazil will host the tournament": a country hosting an event is a place; "Brazil host Chile" a side.
      if (L.eventVerbs.has(verb) && !isUpperChar(tokens[v + 1]?.text[0] ?? 'a')) return 0;
      return !L.weakCues.has(verb) || evidence ? 1 : 0;
    }
    const role = L.roleNouns.has(n1) ? j + 1 : possessive && L.roleNouns.has(n2) ? j + 2 : possessive && L.roleNouns.has(word(j + 3, s)) ? j + 3 : -1;
    // "Brazil coach Ana Lima" is the side's coach; "US team Cloud9" a team from the US.
    if (role >= 0) return L.teamNouns.has(word(role, s)) && isUpperChar(tokens[role + 1]?.text[0] ?? 'a') && tokens[role + 1].sentence === s ? 2 : 1;
    // "Brazil 2-1" ("2-1 to Brazil" is a pair cue above).
    if (n1 && SCORE.test(n1)) return 1;
    // Weaker marks of a place, for names no cue made a side: an address ("Houston, Texas", "Texas, in"),
    // a place in a list after a place ("in Ottawa and Halifax"), a place modifying a name ("a Texas All-State tackle").
    const before = k - 1 - skip >= 0 && tokens[k - 1 - skip].sentence === s ? cover[k - 2 - skip] ?? -1 : -1;
    if ((p1 === ',' || p1 === 'and' || p1 === 'or') && before >= 0 && out[before].type === 'PLACE' && (p1 === ',' || side[before] === 2)) return 2;
    if (p1 === ',' && skip === 0 && k >= 2 && isUpperChar(tokens[k - 2].text[0])) return 2;
    if (n1 === ',' && cover[j + 2] >= 0 && out[cover[j + 2]].type === 'PLACE' && word(j + 3, s) !== 'and') return 2;
    if (j + 1 < tokens.length && tokens[j + 1].sentence === s && isUpperChar(tokens[j + 1].text[0])) return 2;
    return 0;
  };
  const nameWords = new Set<string>();
  for (let i = 0; i < out.length; i++) {
    if (out[i].type !== 'PERSON' || tokenAt[i] < 0 || tokenAt[i] === tokenTo[i]) continue;
    for (let k = tokenAt[i]; k <= tokenTo[i]; k++) nameWords.add(tokens[k].text);
  }
  const candidates: number[] = [];
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (c.end < 0 || side[i] || tokenAt[i] < 0) continue;
    // A one-word person the club list knows may be a side ("Roma lost to Napoli"), unless a full name in the document holds the word ("Santos" after "Carlos Santos").
    if (c.type !== 'PLACE' && !(c.type === 'PERSON' && tokenAt[i] === tokenTo[i] && !nameWords.has(tokens[tokenAt[i]].text) && isClub(tokens, tokenAt[i], tokenTo[i]))) continue;
    const p = position(tokenAt[i], tokenTo[i]);
    if (p === 1) {
      toOrg(c);
      side[i] = 1;
      sentSide[tokens[tokenAt[i]].sentence] = 1;
      sideNames.add(text.slice(c.start, c.end).toLowerCase());
    } else if (p === 2) side[i] = 2;
    else candidates.push(i);
  }
  // "Japan began the defence of their title with a 2-1 win against Syria": in a sentence with a score
  // and one side, the place that opens the sentence is the other side.
  for (const i of candidates) {
    const k = tokenAt[i];
    const s = tokens[k].sentence;
    if (out[i].type !== 'PLACE' || (k > 0 && tokens[k - 1].sentence === s) || !(sentWords[s] & SENT_SCORE) || !sentSide[s]) continue;
    toOrg(out[i]);
    side[i] = 1;
    sideNames.add(text.slice(out[i].start, out[i].end).toLowerCase());
  }
  // Clubs no one tagged ("beat Braga 3-1"): the longest club name at an untagged capitalized word, in a side's position.
  const untagged: [number, number][] = [];
  const lex = lexicon();
  for (let k = 0; k < tokens.length; k++) {
    if (cover[k] !== -1 || !isUpperChar(tokens[k].text[0])) continue;
    // The longest club name of up to four untagged tokens, its key grown a token at a time.
    let j = -1;
    let key = '';
    for (let n = k; n < tokens.length && n <= k + 3 && cover[n] === -1 && tokens[n].sentence === tokens[k].sentence; n++) {
      key = n === k ? tokens[n].text.toLowerCase() : `${key} ${tokens[n].text.toLowerCase()}`;
      if (phraseMask(key) & CLUB) j = n;
    }
    if (j < 0 || (j === k && lex.common.has(tokens[k].text.toLowerCase()))) continue;
    if (j + 1 < tokens.length && tokens[j + 1].start === tokens[j].end && /[\p{L}\p{N}]/u.test(tokens[j + 1].text)) continue;
    const p = position(k, j);
    if (p === 1) {
      sideNames.add(text.slice(tokens[k].start, tokens[j].end).toLowerCase());
      addAt(tokens[k].start, tokens[j].end);
    } else if (p === 0) untagged.push([k, j]);
    k = j;
  }

  // 3. The document: a side once, a side wherever no place's position says otherwise; and a known club.
  // The club list alone decides only on a page with scores or results rows (not on a feature about esports or a boxer).
  const clubs = evidence.scores + evidence.resultRows + evidence.standingsRows > 0;
  for (const i of candidates) {
    const c = out[i];
    const name = text.slice(c.start, c.end).toLowerCase();
    if (sideNames.has(name) || (clubs && c.type === 'PLACE' && isClub(tokens, tokenAt[i], tokenTo[i]))) toOrg(c);
  }
  for (const [k, j] of untagged) if (sideNames.has(text.slice(tokens[k].start, tokens[j].end).toLowerCase())) addAt(tokens[k].start, tokens[j].end);

  const kept = out.filter((c) => c.end >= 0);
  if (added.length === 0) return kept;
  return kept.concat(added).sort((a, b) => a.start - b.start);
}

function isClub(tokens: Token[], from: number, to: number): boolean {
  let key = tokens[from].text.toLowerCase();
  for (let k = from + 1; k <= to; k++) key += ` ${tokens[k].text.toLowerCase()}`;
  return (phraseMask(key) & CLUB) !== 0;
}
