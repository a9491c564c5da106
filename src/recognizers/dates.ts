// DATE spans by the guidelines: calendar dates, months, years, decades,
// centuries, relative and vague references; the preposition stays outside,
// "early/late/mid-" stay inside; durations, ages and clock times are not dates.
// Every pattern is a plain alternation with bounded repetition: linear time.

import type { AnalyzedText, Candidate, Recognizer } from '../types.js';
import { keepLongest } from '../util/text.js';

const cap = (w: string) => `[${w[0].toUpperCase()}${w[0].toLowerCase()}]${w.slice(1)}`;
const alt = (ws: string[]) => ws.join('|');
const capAlt = (ws: string[]) => ws.map(cap).join('|');

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_ABBR = ['Jan\\.?', 'Feb\\.?', 'Mar\\.', 'Apr\\.?', 'Jun\\.', 'Jul\\.', 'Aug\\.?', 'Sept?\\.?', 'Oct\\.?', 'Nov\\.?', 'Dec\\.?'];
const MONTH = `(?:${alt(MONTHS)}|${alt(MONTH_ABBR)})`;
const MONTH_NOT_MAY = `(?:${alt(MONTHS.filter((m) => m !== 'May'))}|${alt(MONTH_ABBR)})`;
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const YEAR = '(?:1[5-9]\\d\\d|20\\d\\d)';
const MOD = `(?:${cap('early')}|${cap('late')}|${cap('mid')}-?|${cap('the')} (?:early|late|mid-?|start of|end of|beginning of|middle of) ?)`;
const NUM = `(?:\\d{1,3}(?:,\\d{3})*|${capAlt(['thirteen', 'fourteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred'])}|${cap('a')}|${cap('an')}|${cap('one')}|${cap('two')}|${cap('three')}|${cap('four')}|${cap('five')}|${cap('six')}|${cap('seven')}|${cap('eight')}|${cap('nine')}|${cap('ten')}|${cap('eleven')}|${cap('twelve')}|${cap('fifteen')}|${cap('twenty')}|${cap('thirty')}|${cap('forty')}|${cap('fifty')}|${cap('several')}|${cap('some')}|${cap('a few')}|${cap('a couple of')}|${cap('many')})`;
const SEASON = '(?:spring|summer|autumn|winter)';
const MONTH_FULL = `(?:${alt(MONTHS)})`;
const REL_WORD = `(?:${capAlt(['last', 'next', 'past', 'coming'])}|${cap('this')}(?: past| coming)?)`;
const QUARTER_ORD = `(?:${capAlt(['first', 'second', 'third', 'fourth', 'final'])}|1st|2nd|3rd|4th)`;
const FISCAL_YEAR = `(?:(?:${capAlt(['fiscal', 'financial'])})(?: year)? ['’]?(?:${YEAR}|\\d\\d)|FY ?['’]?(?:${YEAR}|\\d\\d))`;
/** What a quarter or half belongs to: "of 2022", "of fiscal 2024", "of last year", "of the year". */
const PERIOD_OF = `(?:,? (?:of )?(?:${YEAR}|${FISCAL_YEAR})| of (?:the )?(?:last|this|next|previous|following|same) year| of the year)`;
const NUM_WORDS = 'few|couple|several|many|some|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred';
/** A year before or after the period just named: "last year", "a year earlier", "the previous year", "of 2022". */
const YEAR_BEFORE = `(?:(?:of |in )?(?:last|next) year|(?:a|one) year (?:earlier|ago|before|later)|(?:of |in )?the (?:previous|prior|preceding|following) year|the year (?:before|earlier)|(?:of|in) ${YEAR})`;
const ORDINAL_CENTURY = '(?:\\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)';

/** A regular expression as text: compiled (and parsed) only when first tried, as a sticky copy (see `patternMatches`). */
export interface PatternSource {
  source: string;
  flags: string;
}

export interface Pattern {
  re: PatternSource;
  score: number;
  /** A modifier just before the match belongs to it ("early 2019", "the late 1960s", "mid-June"). */
  mod?: boolean | 'word';
  /** Move the start back over words that belong to the match. */
  extend?: (text: string, start: number) => number;
  /** Optional check on the match and its surroundings. */
  accept?: (text: string, start: number, end: number, m: RegExpExecArray) => boolean;
  /**
   * Where to try the pattern: a cheap regex for a word every match holds, at most `reach`
   * characters after the match's start. The pattern is tried only in front of its key's hits,
   * never across the whole text; the matches are those of a scan of the whole text.
   */
  key: RegExp;
  reach: number;
}

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const P = (src: string): PatternSource => ({ source: `${B}(?:${src})${E}`, flags: 'gu' });
/** ASCII word boundaries: three times faster than the Unicode ones, for patterns that start and end with ASCII letters or digits. */
const PA = (src: string): PatternSource => ({ source: `\\b(?:${src})(?![A-Za-z0-9])`, flags: 'g' });

// Keys (see Pattern.key): literal-led and without lookbehinds, so V8 skips through the text
// between hits; several patterns share a key and its hits are found once per text.
const K_YEAR = /(?:1[5-9]|20)\d\d/g;
/** The first three letters of every month and abbreviation. */
const K_MONTH = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/g;
const K_WEEKDAY = /day/g;
const K_DECADE = /0s/g;
const K_REL = /[Ll]ast |[Nn]ext |[Pp]ast |[Cc]oming |[Tt]his /g;
const K_QUARTER = /quarter/g;
/** "the following day", "the same quarter last year", "the day before". */
const K_THE = /[Tt]he (?:following|previous|preceding|next|same|day|week|month|year) /g;
const K_THIS_YEAR_WEEK = / (?:last|this|next) (?:year|week)/g;
/** "now", "nowadays", "recently", "currently", "recent years". */
const K_NOW = /[Nn]ow|ecent|urrently/g;

export const PATTERNS: Pattern[] = [
  // ISO and numeric dates.
  { re: P(`${YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])`), score: 0.9, key: K_YEAR, reach: 0 },
  // "December 11, 2023", "Dec. 11", "Tuesday, March 3, 2024", "March 3rd".
  { re: P(`(?:${WEEKDAY},? )?${MONTH} ${DAY}(?:,? ${YEAR})?`), score: 0.9, key: K_MONTH, reach: 11 },
  // "11 December 2023", "3rd of March".
  { re: P(`${DAY} (?:of )?${MONTH}(?:,? ${YEAR})?`), score: 0.9, key: K_MONTH, reach: 8 },
  // "May 2017", "early March 2019", "mid-June".
  { re: P(`${MONTH},? (?:of )?${YEAR}`), score: 0.9, mod: true, key: K_MONTH, reach: 0 },
  // A month alone ("in February"); "May" only where it cannot be the verb.
  { re: P(MONTH_NOT_MAY), score: 0.75, mod: true, key: K_MONTH, reach: 0 },
  { re: P('May'), score: 0.7, mod: true, accept: (t, s, e) => /\b(?:in|since|by|until|till|from|during|of|last|next|this|early|late|mid-|through|before|after)\s+$/i.test(t.slice(Math.max(0, s - 12), s)) && !/^\s+(?:be|have|not|also|well|help|need|want|seem|take|make|become|face|lose|get|do|go|come|find|use|say|see|ask)\b/.test(t.slice(e, e + 10)), key: K_MONTH, reach: 0 },
  // Decades and centuries: "1960s", "late 1960s", "the ’90s", "the 19th century".
  { re: P(`(?:1[5-9]|20)\\d0s`), score: 0.85, mod: true, key: K_DECADE, reach: 3 },
  { re: new RegExp(`(?<=(?:^|[\\s(“"-]))['’]\\d0s${E}`, 'gu'), score: 0.8, mod: true, key: K_DECADE, reach: 2 },
  { re: P(`${ORDINAL_CENTURY} century`), score: 0.8, mod: true, key: /century/g, reach: 13 },
  // Years, in date position.
  { re: P(YEAR), score: 0.8, mod: true, accept: acceptYear, key: K_YEAR, reach: 0 },
  // Relative: "last year", "this month", "next week", "earlier this year", "the following spring".
  { re: P(`(?:${cap('earlier')} |${cap('later')} )?${cap('this')} (?:week|month|year|spring|summer|autumn|winter|fall|weekend|decade|century|morning|afternoon|evening)`), score: 0.75, mod: 'word', key: K_REL, reach: 8 },
  { re: P(`(?:${cap('last')}|${cap('next')}|${cap('past')}|${cap('coming')}) (?:week|month|year|spring|summer|autumn|winter|fall|weekend|decade|century)`), score: 0.7, accept: notDuration, mod: 'word', key: K_REL, reach: 0 },
  { re: P(`${cap('the')} (?:following|previous|preceding|next|same) (?:day|week|month|quarter|year|spring|summer|autumn|winter|fall|decade|weekend|morning|afternoon|evening|night|${WEEKDAY})`), score: 0.65, key: K_THE, reach: 0 },
  { re: P(`${cap('that')} (?:same )?(?:day|week|month|quarter|year|spring|summer|autumn|winter|fall)`), score: 0.6, key: /hat /g, reach: 1 },
  // The same period a year before, one span: "the same quarter last year", "the same period a year earlier", "the same month of 2022".
  { re: PA(`${cap('the')} same (?:day|week|month|quarter|half|period|spring|summer|autumn|winter|fall) ${YEAR_BEFORE}`), score: 0.8, key: K_THE, reach: 0 },
  // "the day before", "the year after" standing alone (not "the day before the vote", which needs the event).
  { re: PA(`${cap('the')} (?:day|week|month|year) (?:before|after)(?=\\s*[,.;:!?)]|$)`), score: 0.6, key: K_THE, reach: 0 },
  // Compounds, one span each: "last February", "this past spring", "next Wednesday", "June last year", "Tuesday last week".
  { re: PA(`${REL_WORD} (?:${MONTH_FULL}|${WEEKDAY}|spring|summer|autumn|winter|fall)`), score: 0.85, mod: 'word', accept: notDuration, key: K_REL, reach: 0 },
  { re: PA(`(?:${MONTH}(?: ${DAY})?|${capAlt(['spring', 'summer', 'autumn', 'winter', 'fall'])}),? (?:of )?(?:last|this|next) year`), score: 0.9, mod: true, key: K_THIS_YEAR_WEEK, reach: 20 },
  { re: PA(`${WEEKDAY},? (?:of )?(?:last|this|next) week`), score: 0.9, key: K_THIS_YEAR_WEEK, reach: 14 },
  // Quarters, halves, fiscal years: "the third quarter", "third-quarter profit", "the fourth quarter of 2022", "Q3 2023", "fiscal 2024", "FY24".
  { re: PA(`(?:${capAlt(['fiscal', 'financial'])} )?${QUARTER_ORD}[- ](?:fiscal |financial )?quarter(?!-)${PERIOD_OF}?`), score: 0.85, mod: true, key: K_QUARTER, reach: 28 },
  { re: PA(`Q[1-4](?:[ -]?(?:${YEAR}|['’]\\d\\d))?|[1-4]Q ?(?:${YEAR}|['’]?\\d\\d)`), score: 0.75, key: /Q/g, reach: 1 },
  { re: PA(`(?:${capAlt(['first', 'second'])}|1st|2nd)[- ]half(?!-)${PERIOD_OF}?`), score: 0.8, mod: true, accept: acceptHalf, key: /half/g, reach: 8 },
  { re: PA(`H[12](?:[ -]?(?:${YEAR}|['’]\\d\\d))?`), score: 0.75, accept: acceptHalf, key: /H[12]/g, reach: 0 },
  { re: PA(`${FISCAL_YEAR}|${YEAR} (?:fiscal|financial) year|(?:${capAlt(['last', 'this', 'next', 'current', 'previous', 'coming'])}) (?:fiscal|financial) year`), score: 0.85, key: /[Ff]i(?:scal|nancial)|FY/g, reach: 9 },
  { re: PA(`(?:${capAlt(['last', 'this', 'next', 'past', 'current', 'latest', 'previous', 'prior', 'coming', 'same'])}|${cap('most')} recent|year-earlier|year-ago|year-before) quarter(?!-)`), score: 0.75, key: K_QUARTER, reach: 13 },
  { re: PA('year-(?:earlier|ago|before) period'), score: 0.75, key: /period/g, reach: 13 },
  { re: P(`${cap('today')}|${cap('yesterday')}|${cap('tomorrow')}|${cap('tonight')}`), score: 0.75, key: /[Tt]o(?:day|morrow|night)|[Yy]esterday/g, reach: 0 },
  // "two years earlier", "55 years ago", "years later": found from the unit, the number is looked for before it.
  { re: P(`(?:${cap('day')}|${cap('week')}|${cap('month')}|${cap('year')}|${cap('decade')})s? (?:ago|earlier|later)|${cap('centuries')} (?:ago|earlier|later)`), score: 0.65, accept: acceptRelativeUnit, extend: extendNumber, key: / (?:ago|earlier|later)/g, reach: 10 },
  // Seasons with a determiner: "this summer", "the summer", "their summer offensive".
  { re: new RegExp(`(?<=\\b(?:[Tt]he|[Ii]n|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er|[Ll]ate|[Ee]arly) )${SEASON}${E}`, 'gu'), score: 0.6, accept: (t, _s, e) => !/^\s+of\b/.test(t.slice(e, e + 4)), key: /spring|summer|autumn|winter/g, reach: 0 },
  // Weekdays: "on Tuesday", "Tuesday night" (the part of the day stays outside).
  { re: P(WEEKDAY), score: 0.8, mod: true, key: K_WEEKDAY, reach: 6 },
  // Vague references.
  { re: P(`${cap('recently')}|${cap('nowadays')}|${cap('currently')}|${cap('now')}`), score: 0.5, accept: acceptNow, key: K_NOW, reach: 1 },
  { re: P(`${cap('recent')} (?:years|months|weeks|decades)`), score: 0.6, key: K_NOW, reach: 1 },
  // "in the past", not "in the past five days" (a duration).
  { re: new RegExp(`(?<=\\b[Ii]n the )(?:past|future)${E}(?! (?:${NUM_WORDS}|\\d|days?|weeks?|months?|years?|decades?|hours?|centur|generation|half|quarter))`, 'gu'), score: 0.55, key: /past|future/g, reach: 0 },
];

const YEAR_PREFIX = /(?:\b(?:in|since|by|from|until|till|of|during|before|after|around|circa|between|and|to|through|throughout|early|late|mid|year|summer|spring|autumn|winter|fall|January|February|March|April|May|June|July|August|September|October|November|December|born|died|the|The|In|By|Since|until|or|than|for|post|pre|her|his|their|its|our|Her|His|Their|Its)\s*-?\s*|[(–-])$/;

function acceptYear(text: string, start: number, end: number, m: RegExpExecArray): boolean {
  if (/^(?:early|late|mid|the)/i.test(m[0])) return true;
  const before = text.slice(Math.max(0, start - 16), start);
  const after = text.slice(end, end + 16);
  if (/[$€£¥#]\s*$|\d[.,]?$|No\.\s*$/.test(before)) return false;
  if (/^(?:[.,]\d|%|\s*(?:percent|per cent|km|kilometers|kilometres|miles|meters|metres|feet|kg|tons|tonnes|votes|people|troops|soldiers|residents|students|cases|deaths|points|dollars|euros|pounds|units|hours|GMT|BST|UTC))/i.test(after)) return false;
  if (/^[-–]\d/.test(after)) return true; // "1914-18"
  if (YEAR_PREFIX.test(before)) return true;
  // At a clause edge ("...fired in 2019.", "2019 was").
  if (/^\s*(?:[.,;:)!?”"]|$)/.test(after)) return true;
  if (/(?:^|[.!?]\s+|\n)$/.test(before)) return true; // sentence start: "2019 was a hard year"
  if (/^\s+(?:and|or|to|–|-)\s+\d{4}/.test(after)) return true;
  return /^['’]s\b/.test(after);
}

/** Only "early", "late", "mid-" before relative dates ("late last year"); "the start of this month" keeps "this month". */
const MOD_WORD_BEFORE = new RegExp(`(?:^|[^\\p{L}\\p{N}])((?:${cap('early')}|${cap('late')}|${cap('mid')}-?) ?)$`, 'u');
const MOD_BEFORE = new RegExp(`(?:^|[^\\p{L}\\p{N}])(${MOD} ?)$`, 'u');

/** Start of a modifier directly before `start` ("early ", "the late ", "mid-"), or `start`. */
function extendModifier(text: string, start: number, wordOnly = false): number {
  const before = text.slice(Math.max(0, start - 24), start);
  const m = (wordOnly ? MOD_WORD_BEFORE : MOD_BEFORE).exec(before);
  return m ? start - m[1].length : start;
}

const NUM_BEFORE = new RegExp(`(?:^|[^\\p{L}\\p{N}])(${NUM}) $`, 'u');

/** "55 years ago": the number before the unit belongs to the date. */
function extendNumber(text: string, start: number): number {
  const m = NUM_BEFORE.exec(text.slice(Math.max(0, start - 16), start));
  return m ? start - m[1].length - 1 : start;
}

function acceptRelativeUnit(text: string, start: number, _end: number, m: RegExpExecArray): boolean {
  // A bare singular unit needs a number ("a year ago"); plural units stand alone ("years later").
  return /^\p{Lu}?[a-z]*s /u.test(m[0]) || NUM_BEFORE.test(text.slice(Math.max(0, start - 16), start));
}

/** "first half" is a date in business text ("first-half profit", "the second half of 2024"), not in sport ("scored in the second half"). */
const PERIOD_CONTEXT = /\b(?:profits?|revenues?|sales|earnings|results|loss(?:es)?|growth|economy|GDP|output|inflation|fiscal|quarter|year|percent|per cent|shares|demand|prices|orders|margins?|dividends?|forecast|guidance|outlook)\b|%/i;

function acceptHalf(text: string, start: number, end: number, m: RegExpExecArray): boolean {
  if (/\d/.test(m[0].slice(2)) || / of /.test(m[0])) return true;
  return PERIOD_CONTEXT.test(text.slice(Math.max(0, start - 80), Math.min(text.length, end + 60)));
}

function notDuration(text: string, start: number): boolean {
  // "for the past year", "over the last decade" are durations.
  return !/\b(?:for|over|during|in|throughout|within)\s+the\s+$/i.test(text.slice(Math.max(0, start - 20), start));
}

function acceptNow(text: string, start: number, end: number, m: RegExpExecArray): boolean {
  const w = m[0].toLowerCase();
  if (w !== 'now') return true;
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 12);
  // "now" as a discourse marker or in fixed phrases is not a time reference.
  if (/^\s*(?:that|on|,\s*(?:I|we|you|he|she|it|they)\b)/.test(after) && /^(?:\s*that)/.test(after)) return false;
  if (/\b(?:until|by|from|till|right|just|even)\s+$/i.test(before)) return /\b(?:until|by|from|till)\s+$/i.test(before);
  if (/^\s*(?:on|and then)\b/.test(after)) return false;
  return true;
}

/** What `patternMatches` runs for a pattern: a sticky copy, and whether it checks the start boundary itself. */
const STICKY = new Map<PatternSource, { re: RegExp; boundary: boolean }>();

/**
 * The sticky copy of a pattern. A Unicode lookbehind boundary at its start is left out and checked
 * in code (`letterOrDigitBefore`), with the same result: the copy is only tried at chosen positions,
 * and the lookbehind depends on the position alone. V8 compiles each `[\p{L}\p{N}]` class at a
 * regex's first use, about half a millisecond each, half of the date stage's start-up.
 */
function stickyCopy(p: Pattern): { re: RegExp; boundary: boolean } {
  let s = STICKY.get(p.re);
  if (!s) {
    const boundary = p.re.source.startsWith(B);
    const source = boundary ? p.re.source.slice(B.length) : p.re.source;
    STICKY.set(p.re, (s = { re: new RegExp(source, p.re.flags.replace('g', '') + 'y'), boundary }));
  }
  return s;
}

const ASCII_WORD = /[A-Za-z0-9]/;
/** The boundary alone, for the rare non-ASCII character before a position (V8 then reads surrogate pairs as the full pattern would). */
const UNICODE_BOUNDARY = new RegExp(B, 'uy');

/** Is the character just before `pos` a letter or digit (what `(?<![\p{L}\p{N}])` rejects)? */
function letterOrDigitBefore(text: string, pos: number): boolean {
  if (pos === 0) return false;
  const c = text.charCodeAt(pos - 1);
  if (c < 0x80) return ASCII_WORD.test(text[pos - 1]);
  UNICODE_BOUNDARY.lastIndex = pos;
  return !UNICODE_BOUNDARY.test(text);
}

/** Every position where `key` matches, overlapping hits included. */
function hitsOf(key: RegExp, text: string): number[] {
  const out: number[] = [];
  key.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = key.exec(text)) !== null) {
    out.push(m.index);
    key.lastIndex = m.index + 1;
  }
  return out;
}

/**
 * The matches of `p` a scan of the whole text would find, trying only the positions a match can
 * start at: at most `reach` characters before a hit of its key; after a match, the scan goes on
 * from its end. `hits` caches the keys' hits for this text.
 */
export function patternMatches(p: Pattern, text: string, hits: Map<RegExp, number[]> = new Map()): RegExpExecArray[] {
  let keyHits = hits.get(p.key);
  if (!keyHits) hits.set(p.key, (keyHits = hitsOf(p.key, text)));
  const out: RegExpExecArray[] = [];
  if (keyHits.length === 0) return out;
  const { re, boundary } = stickyCopy(p);
  let next = 0;
  for (const k of keyHits) {
    let pos = Math.max(next, k - p.reach);
    while (pos <= k) {
      if (boundary && letterOrDigitBefore(text, pos)) {
        pos++;
        continue;
      }
      re.lastIndex = pos;
      const m = re.exec(text);
      if (m === null) {
        pos++;
        continue;
      }
      out.push(m);
      pos = next = m.index + m[0].length;
    }
    if (next <= k) next = k + 1;
  }
  return out;
}

/** Find DATE candidates in a text (UTF-16 offsets). */
export function findDates(text: string): Candidate[] {
  const raw: Candidate[] = [];
  const hits = new Map<RegExp, number[]>();
  for (const p of PATTERNS) {
    for (const m of patternMatches(p, text, hits)) {
      const start = m.index;
      const end = start + m[0].length;
      if (p.accept && !p.accept(text, start, end, m)) continue;
      let from = start;
      if (p.extend) from = p.extend(text, from);
      if (p.mod) from = extendModifier(text, from, p.mod === 'word');
      raw.push({ start: from, end, type: 'DATE', source: 'dates', score: p.score });
    }
  }
  // Longest match wins among overlapping date readings.
  const out = keepLongest(raw);
  // Spans never include a leading "the" (guidelines: "the 1960s" -> "1960s").
  for (const c of out) {
    const s = text.slice(c.start, c.end);
    const m = /^[Tt]he /.exec(s);
    if (m && !/^[Tt]he (?:(?:following|previous|preceding|next|same) |(?:day|week|month|year) (?:before|after)$)/.test(s)) c.start += 4;
  }
  return out;
}

export const dateRecognizer: Recognizer = {
  name: 'dates',
  recognize: (input: AnalyzedText) => findDates(input.text),
};
