// DATE surface -> TIMEX3-style value. All resolution happens here, in one place:
// - absolute dates are read as written ("May 2017", "the fourth quarter of 2022");
// - dates without a year, weekdays, quarters and halves take it from the tense
//   of their clause (src/dates/tense.ts) and the publication date (dct): past ->
//   the most recent one on or before the dct, future -> the next one on or
//   after it, no marker -> the nearest one (a weekday: the most recent);
// - deictic dates ("last February", "June last year", "next week") count from the dct;
// - anchored dates ("the following month", "the previous Friday", "two years
//   later") count from the last dated mention of the text (normalizeDates
//   tracks it), or from the dct when there is none.
// Without a dct, relative expressions get an empty value and needsAnchor=true,
// never a guess from the clock.

import type { DateValue } from '../types.js';
import { dateTense, type Tense } from '../dates/tense.js';
import { dateWords } from '../dates/words.js';

const MONTH_INDEX: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };
/** First month of each season; winter Y runs from December Y to February Y+1. */
const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

export interface DateContext {
  /** Document creation date, YYYY-MM-DD ('' if unknown). */
  dct: string;
  /** Document text and the mention's UTF-16 start (and end), for tense. */
  text?: string;
  start?: number;
  end?: number;
  /** The last dated mention before this one, for anchored expressions. */
  anchor?: Anchor | null;
}

/** A calendar value written earlier in the text, and where. */
export interface Anchor {
  value: string;
  /** The last day-precise value up to here ("the previous Friday" counts from it). */
  day?: string;
  /** UTF-16 offset of the end of the anchoring mention. */
  end: number;
  /** The last quarter or half up to here ("2023-Q3", "FY2024-H1"): "the same period last year" counts from it. */
  period?: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (d: Date) => d.toISOString().slice(0, 10);
const DAY_MS = 86400000;
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthOf(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (!/^[a-z]+$/.test(w)) return 0;
  const key = w.startsWith('sept') ? 'sept' : w.slice(0, 3);
  const full = MONTH_NAMES;
  const i = MONTH_INDEX[key];
  // The word is the month's name or a prefix of it ("Dec", "Sept"), never another word ("Mayor").
  return i && full[i - 1].startsWith(w === 'sept' ? 'sept' : w) ? i : 0;
}

/** First and last ISO day covered by a TIMEX3 value ('' where it is not a calendar range). */
export function rangeOf(value: string): { dateStart: string; dateEnd: string } {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value))) return { dateStart: value, dateEnd: value };
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
    const y = +m[1];
    const mo = +m[2];
    return { dateStart: `${m[1]}-${m[2]}-01`, dateEnd: `${m[1]}-${m[2]}-${pad(daysIn(y, mo))}` };
  }
  if ((m = /^(\d{4})$/.exec(value))) return { dateStart: `${value}-01-01`, dateEnd: `${value}-12-31` };
  if ((m = /^(\d{3})X$/.exec(value))) return { dateStart: `${m[1]}0-01-01`, dateEnd: `${m[1]}9-12-31` };
  if ((m = /^(\d{2})XX$/.exec(value))) return { dateStart: `${m[1]}00-01-01`, dateEnd: `${m[1]}99-12-31` };
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) {
    const monday = isoWeekMonday(+m[1], +m[2]);
    const sunday = new Date(monday.getTime() + 6 * DAY_MS);
    return { dateStart: iso(monday), dateEnd: iso(sunday) };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) {
    const first = (+m[2] - 1) * 3 + 1;
    return { dateStart: `${m[1]}-${pad(first)}-01`, dateEnd: `${m[1]}-${pad(first + 2)}-${pad(daysIn(+m[1], first + 2))}` };
  }
  if ((m = /^(\d{4})-H([12])$/.exec(value))) {
    return m[2] === '1' ? { dateStart: `${m[1]}-01-01`, dateEnd: `${m[1]}-06-30` } : { dateStart: `${m[1]}-07-01`, dateEnd: `${m[1]}-12-31` };
  }
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) {
    const y = +m[1];
    const r: Record<string, [string, string]> = {
      SP: [`${y}-03-01`, `${y}-05-31`],
      SU: [`${y}-06-01`, `${y}-08-31`],
      FA: [`${y}-09-01`, `${y}-11-30`],
      WI: [`${y}-12-01`, `${y + 1}-02-${pad(daysIn(y + 1, 2))}`],
    };
    return { dateStart: r[m[2]][0], dateEnd: r[m[2]][1] };
  }
  return { dateStart: '', dateEnd: '' };
}

function isoWeekMonday(year: number, week: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const dow = (jan4.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(jan4.getTime() - dow * DAY_MS + (week - 1) * 7 * DAY_MS);
}

function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dayNum = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dayNum); // the Thursday of this ISO week decides its year
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${t.getUTCFullYear()}-W${pad(week)}`;
}

function result(value: string, needsAnchor = false): DateValue {
  return { value, ...rangeOf(value), needsAnchor };
}

// ---------------------------------------------------------------------------
// Periods of a year (months, quarters, halves, seasons) placed by tense.

/** A recurring period: which one of the year, its [start, end] days for a given year. */
type Period = (y: number) => [Date, Date];

const monthPeriod = (m: number): Period => (y) => [utc(y, m, 1), utc(y, m, daysIn(y, m))];
const dayPeriod = (m: number, d: number): Period => (y) => [utc(y, m, Math.min(d, daysIn(y, m))), utc(y, m, Math.min(d, daysIn(y, m)))];
const quarterPeriod = (q: number): Period => (y) => [utc(y, q * 3 - 2, 1), utc(y, q * 3, daysIn(y, q * 3))];
const halfPeriod = (h: number): Period => (y) => (h === 1 ? [utc(y, 1, 1), utc(y, 6, 30)] : [utc(y, 7, 1), utc(y, 12, 31)]);
const seasonPeriod = (s: string): Period => (y) => {
  const m = SEASON_START[s];
  return [utc(y, m, 1), utc(m === 12 ? y + 1 : y, m === 12 ? 2 : m + 2, m === 12 ? daysIn(y + 1, 2) : daysIn(y, m + 2))];
};

/**
 * The year of a period the text names without one. Past: the latest one that
 * has begun by the dct (for quarters and halves, that has ended: results are
 * reported after the period closes). Future: the first one not yet over.
 * No marker: the one nearest to the dct.
 */
function yearOf(period: Period, dct: Date, tense: Tense, closed = false): number {
  const y = dct.getUTCFullYear();
  const t = dct.getTime();
  const years = [y - 1, y, y + 1];
  if (tense === 'past') {
    for (let i = years.length - 1; i >= 0; i--) {
      const [s, e] = period(years[i]);
      if ((closed ? e.getTime() : s.getTime()) <= t) return years[i];
    }
    return y - 1;
  }
  if (tense === 'future') {
    for (const yy of years) if (period(yy)[1].getTime() >= t) return yy;
    return y + 1;
  }
  let best = y;
  let bestDist = Infinity;
  for (const yy of years) {
    const [s, e] = period(yy);
    const dist = t < s.getTime() ? s.getTime() - t : t > e.getTime() ? t - e.getTime() : 0;
    if (dist < bestDist) {
      best = yy;
      bestDist = dist;
    }
  }
  return best;
}

/** The most recent period strictly before the one holding the dct ("last February"), or the next after it. */
function yearOfRelative(period: Period, dct: Date, dir: -1 | 1): number {
  const y = dct.getUTCFullYear();
  const t = dct.getTime();
  if (dir < 0) {
    for (let yy = y + 1; yy >= y - 2; yy--) if (period(yy)[1].getTime() < t) return yy;
    return y - 1;
  }
  for (let yy = y - 1; yy <= y + 2; yy++) if (period(yy)[0].getTime() > t) return yy;
  return y + 1;
}

function currentSeason(dct: Date): { y: number; s: string } {
  const m = dct.getUTCMonth() + 1;
  const y = dct.getUTCFullYear();
  if (m === 12) return { y, s: 'WI' };
  if (m <= 2) return { y: y - 1, s: 'WI' };
  return { y, s: m <= 5 ? 'SP' : m <= 8 ? 'SU' : 'FA' };
}

// ---------------------------------------------------------------------------
// Anchors: calendar values and arithmetic on them.

interface Cal {
  y: number;
  m?: number;
  d?: number;
  q?: number;
  h?: number;
  s?: string;
}

function parseCal(v: string): Cal | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v))) return { y: +m[1], m: +m[2], d: +m[3] };
  if ((m = /^(\d{4})-(\d{2})$/.exec(v))) return { y: +m[1], m: +m[2] };
  if ((m = /^(\d{4})-Q([1-4])$/.exec(v))) return { y: +m[1], q: +m[2] };
  if ((m = /^(\d{4})-H([12])$/.exec(v))) return { y: +m[1], h: +m[2] };
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(v))) return { y: +m[1], s: m[2] };
  if ((m = /^(\d{4})-W(\d{2})$/.exec(v))) {
    const d = isoWeekMonday(+m[1], +m[2]);
    return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
  }
  if ((m = /^(\d{4})$/.exec(v))) return { y: +m[1] };
  return null;
}

function calOfDate(d: Date): Cal {
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

/** `n` units after (before, n < 0) the anchor, at the unit's granularity; null if the anchor is too coarse. */
function shiftCal(a: Cal, unit: string, n: number): string | null {
  switch (unit) {
    case 'day':
    case 'morning':
    case 'afternoon':
    case 'evening':
    case 'night':
      return a.d ? iso(new Date(utc(a.y, a.m!, a.d).getTime() + n * DAY_MS)) : null;
    case 'week':
    case 'weekend':
      return a.d ? isoWeek(new Date(utc(a.y, a.m!, a.d).getTime() + n * 7 * DAY_MS)) : null;
    case 'month': {
      if (!a.m) return null;
      const t = utc(a.y, a.m + n, 1);
      return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`;
    }
    case 'quarter': {
      const q = a.q ?? (a.m ? Math.ceil(a.m / 3) : 0);
      if (!q) return null;
      const k = a.y * 4 + (q - 1) + n;
      return `${Math.floor(k / 4)}-Q${(k % 4) + 1}`;
    }
    case 'year':
      return String(a.y + n);
    case 'decade':
      return `${String(a.y + 10 * n).slice(0, 3)}X`;
    default: {
      const s = SEASONS[unit];
      if (!s) return null;
      // "the following spring": the first spring that starts after the anchor; "that spring": the anchor's year.
      const at = a.d ? utc(a.y, a.m!, a.d) : a.m ? utc(a.y, a.m, 1) : null;
      if (n === 0 || !at) return `${a.y + n}-${s}`;
      const period = seasonPeriod(s);
      if (n > 0) {
        for (let yy = a.y - 1; yy <= a.y + 2; yy++) if (period(yy)[0].getTime() > at.getTime()) return `${yy}-${s}`;
      } else {
        for (let yy = a.y + 1; yy >= a.y - 2; yy--) if (period(yy)[1].getTime() < at.getTime()) return `${yy}-${s}`;
      }
      return `${a.y + n}-${s}`;
    }
  }
}

/** Anchors further back than one sentence boundary (or across a paragraph) are not used for "two years later". */
function nearAnchor(ctx: DateContext): Cal | null {
  if (!ctx.anchor || ctx.text === undefined || ctx.start === undefined) return null;
  const between = ctx.text.slice(ctx.anchor.end, ctx.start);
  // Two sentence ends are enough to say no: the scan stops there, not at the far anchor.
  SENTENCE_END.lastIndex = 0;
  if (SENTENCE_END.exec(between) && SENTENCE_END.exec(between)) return null;
  if (/\n\s*\n/.test(between)) return null;
  return parseCal(ctx.anchor.value);
}

const SENTENCE_END = /[.!?]["'”’)]?\s/g;

/** The nearest explicit year written before the mention (at most 3000 characters back). */
function writtenYear(ctx: DateContext): number | null {
  if (ctx.text === undefined || ctx.start === undefined) return null;
  const before = ctx.text.slice(Math.max(0, ctx.start - 3000), ctx.start);
  const re = /(?<![\p{L}\p{N}$€£])(1[5-9]\d\d|20\d\d)(?![\p{L}\p{N}%])/gu;
  let m: RegExpExecArray | null;
  let last: number | null = null;
  while ((m = re.exec(before)) !== null) last = +m[1];
  return last;
}

/**
 * A narrative's year: a month written without a year right after a date of
 * another year ("Holt opened 2012 with Altoona. He was promoted on September 1")
 * belongs to that year, unless its clause points ahead.
 */
function narrativeYear(ctx: DateContext, dy: number): number | null {
  const a = nearAnchor(ctx);
  if (!a || a.y === dy || a.y < 1000) return null;
  return tenseOf(ctx) === 'future' ? null : a.y;
}

/** The clause tense, computed once per mention. */
const tenseCache = new WeakMap<DateContext, Tense>();

function tenseOf(ctx: DateContext): Tense {
  if (ctx.text === undefined || ctx.start === undefined) return 'none';
  let t = tenseCache.get(ctx);
  if (t === undefined) {
    t = dateTense(ctx.text, ctx.start, ctx.end ?? ctx.start);
    tenseCache.set(ctx, t);
  }
  return t;
}

/** "today": this very day, unless the sentence speaks of nowadays ("still relevant today", "today's world"). */
function todayValue(ctx: DateContext, dct: Date | null): DateValue {
  if (ctx.text !== undefined && ctx.start !== undefined) {
    const before = ctx.text.slice(Math.max(0, ctx.start - 16), ctx.start);
    if (/\b(?:later|earlier|as of|until|by)\s+$/i.test(before)) return dct ? result(iso(dct)) : result('', true);
    const w = dateWords();
    const end = ctx.end ?? ctx.start + 5;
    const sentence = sentenceAround(ctx.text, ctx.start, end).toLowerCase();
    const words = sentence.match(/[a-z']+/g) ?? [];
    const justBefore = (before.toLowerCase().match(/[a-z']+/g) ?? []).slice(-3);
    if (
      /\b(?:until|till|than|of|up to)\s+$/i.test(before) ||
      justBefore.some((x) => w.nowadaysBefore.has(x)) ||
      words.some((x) => w.nowadaysWords.has(x)) ||
      w.nowadaysPhrases.some((p) => sentence.includes(p)) ||
      /^['’]s\s+(?:world|society|youth|children|generation|economy|standards|challenge|technology|market)s?\b/i.test(ctx.text.slice(end, end + 20))
    ) {
      return result('PRESENT_REF');
    }
    const tense = tenseOf(ctx);
    if (tense !== 'none') return dct ? result(iso(dct)) : result('', true);
    // A present-tense sentence that opens with "Today," describes how things are.
    if (/^,/.test(ctx.text.slice(end, end + 1))) return result('PRESENT_REF');
  }
  return dct ? result(iso(dct)) : result('', true);
}

/** The sentence around [start, end), at most 200 characters each way. */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 200), start);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'));
  const after = text.slice(end, end + 200);
  const stop = after.search(/[.!?](?:\s|$)|\n/);
  return `${before.slice(cut + 1)} ${stop < 0 ? after : after.slice(0, stop)}`;
}

const MOD_PREFIX = /^(?:the )?(?:very )?(?:(?:early|late|start of|end of|beginning of|middle of|first days of|last days of) |mid-|mid )/i;
const REL = '(last|next|this|this past|this coming|past|coming)';

function numberOf(word: string): number {
  const w = dateWords();
  if (/^\d{1,3}(?:,\d{3})*$/.test(word)) return +word.replace(/,/g, '');
  return w.numberWords[word] ?? NaN;
}

function isVague(word: string): boolean {
  return dateWords().vagueNumbers.includes(word) || word === '';
}

/** Two-digit years: "fiscal '24", "FY24" -> the century that keeps them within ten years ahead of the dct. */
function fullYear(yy: string, dy: number): number {
  if (yy.length === 4) return +yy;
  const n = +yy;
  const base = dy ? Math.floor(dy / 100) * 100 : 2000;
  return base + n > (dy || 2000) + 10 ? base - 100 + n : base + n;
}

const QUARTER_WORDS = '(first|second|third|fourth|final|1st|2nd|3rd|4th)';
const REL_NAMED = new RegExp(`^${REL} ([a-z]+\\.?)$`);
const QUARTER_NAMED = new RegExp(`^(?:fiscal |financial )?${QUARTER_WORDS}[- ](?:fiscal |financial )?quarter(?:,? (?:of )?(.+))?$`);

export function normalizeDate(surface: string, ctx: DateContext): DateValue {
  // "the 1960s" and "1960s" mean the same; "the following year" keeps its article.
  const s = surface.replace(/\s+/g, ' ').trim().replace(/^the (?!following |previous |preceding |next |same |(?:day|week|month|year) (?:before|after)$)/i, '');
  const l = s.toLowerCase();
  const dct = /^\d{4}-\d{2}-\d{2}/.test(ctx.dct) ? new Date(`${ctx.dct.slice(0, 10)}T00:00:00Z`) : null;
  const dy = dct ? dct.getUTCFullYear() : 0;
  const relative = (f: () => string): DateValue => (dct ? result(f()) : result('', true));
  // Modifiers change the part of the period, not its value.
  const core = l.replace(MOD_PREFIX, '');
  let m: RegExpExecArray | null;

  // A year, possibly modified ("2019", "early 2019", "mid-1990"): the commonest date, and no other reading below takes it.
  if (YEAR_ONLY.test(core)) return result(core);
  // One word that names a weekday or a month: no other reading takes it either.
  if (ONE_WORD.test(core)) {
    // Weekdays: the most recent one on or before the dct, the next one (or the dct) in future clauses and deadlines.
    const wd = WEEKDAYS.indexOf(core);
    if (wd >= 0) return relative(() => weekdayDate(wd, dct!, tenseOf(ctx) === 'future' ? 'onOrAfter' : 'onOrBefore'));
    // Month alone: "February", "late May".
    const month = monthOf(core);
    if (month) return relative(() => `${narrativeYear(ctx, dy) ?? yearOf(monthPeriod(month), dct!, tenseOf(ctx))}-${pad(month)}`);
  }

  // Vague references.
  if (/^(?:recently|recent (?:years|months|weeks|decades)|in the past|past|lately)$/.test(l)) return result('PAST_REF');
  if (/^(?:now|nowadays|currently|these days)$/.test(l)) return result('PRESENT_REF');
  if (l === 'today') return todayValue(ctx, dct);
  if (/^(?:future|in the future)$/.test(l)) return result('FUTURE_REF');

  // ISO date.
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) return result(s);

  // "the same quarter last year", "the same period a year earlier", "the year-earlier period".
  if ((m = SAME_PERIOD.exec(core))) {
    const v = samePeriodValue(m[1], m[2], ctx, dct);
    if (v) return v;
  }
  if ((m = /^(?:year-earlier|year-ago|year-before) period$/.exec(core))) return samePeriodValue('period', 'a year earlier', ctx, dct)!;

  // "June last year", "June 3 of last year", "the summer of next year".
  if ((m = /^([a-z]+\.?)(?: (\d{1,2})(?:st|nd|rd|th)?)?,? (?:of )?(last|this|next) year$/.exec(core))) {
    const shift = m[3] === 'last' ? -1 : m[3] === 'next' ? 1 : 0;
    const mo = monthOf(m[1]);
    if (mo) return relative(() => `${dy + shift}-${pad(mo)}${m![2] ? `-${pad(+m![2])}` : ''}`);
    if (m[1] in SEASONS && !m[2]) return relative(() => `${dy + shift}-${SEASONS[m![1]]}`);
  }
  // "Tuesday last week", "Friday next week".
  if ((m = /^([a-z]+) (last|this|next) week$/.exec(core)) && WEEKDAYS.includes(m[1])) {
    const wd = WEEKDAYS.indexOf(m[1]);
    const shift = m[2] === 'last' ? -1 : m[2] === 'next' ? 1 : 0;
    return relative(() => {
      const monday = new Date(dct!.getTime() - ((dct!.getUTCDay() + 6) % 7) * DAY_MS + shift * 7 * DAY_MS);
      return iso(new Date(monday.getTime() + ((wd + 6) % 7) * DAY_MS));
    });
  }

  // Full date: "Tuesday, March 3, 2024", "Dec. 11, 2023", "March 3", "3 March 2024".
  const md = /^(?:[a-z]+,? )?([a-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$/.exec(core);
  const dm2 = /^(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+\.?)(?:,? (\d{4}))?$/.exec(core);
  const mdMonth = md ? monthOf(md[1]) : 0;
  const dmMonth = !mdMonth && dm2 ? monthOf(dm2[2]) : 0;
  if (mdMonth || dmMonth) {
    const useMd = mdMonth > 0;
    const month = useMd ? mdMonth : dmMonth;
    const day = useMd ? +md![2] : +dm2![1];
    const yearStr = useMd ? md![3] : dm2![3];
    if (day > 31) return result('', !dct);
    if (yearStr) return result(`${yearStr}-${pad(month)}-${pad(day)}`);
    return relative(() => {
      return `${narrativeYear(ctx, dy) ?? yearOf(dayPeriod(month, day), dct!, tenseOf(ctx))}-${pad(month)}-${pad(day)}`;
    });
  }

  // Month and year: "May 2017", "early March 2019".
  if ((m = /^([a-z]+\.?),? (?:of )?(\d{4})$/.exec(core)) && monthOf(m[1])) return result(`${m[2]}-${pad(monthOf(m[1]))}`);

  // Quarters, halves, fiscal years.
  const q = quarterValue(core, ctx, dct, dy);
  if (q) return q;

  // A month or season with a relative word: "last February", "this past spring", "next June".
  if ((m = REL_NAMED.exec(core))) {
    const rel = m[1];
    const word = m[2];
    const mo = monthOf(word);
    const season = SEASONS[word];
    const wd = WEEKDAYS.indexOf(word);
    const dir = /^(?:last|this past|past)$/.test(rel) ? -1 : /^(?:next|this coming|coming)$/.test(rel) ? 1 : 0;
    if (mo) return relative(() => `${dir ? yearOfRelative(monthPeriod(mo), dct!, dir) : yearOf(monthPeriod(mo), dct!, tenseOf(ctx))}-${pad(mo)}`);
    if (season) {
      return relative(() => {
        if (dir) return `${yearOfRelative(seasonPeriod(season), dct!, dir)}-${season}`;
        const cur = currentSeason(dct!);
        return `${cur.s === season ? cur.y : season === 'WI' ? dy : dy}-${season}`;
      });
    }
    if (wd >= 0) return relative(() => weekdayDate(wd, dct!, dir ? (dir < 0 ? 'before' : 'after') : tenseOf(ctx) === 'future' ? 'onOrAfter' : 'onOrBefore'));
  }

  // Decades: "1960s", "late 1960s", "the ’90s", "mid-'80s".
  if ((m = /^(\d{3})0['’]?s$/.exec(core))) return result(`${m[1]}X`);
  if ((m = /^['’](\d)0s$/.exec(core))) {
    const d = +m[1];
    // "'20s" is the 2020s once they have begun, else the 1920s.
    const century = dct && 2000 + d * 10 <= dy ? '20' : '19';
    return result(`${century}${d}X`);
  }
  // Centuries: "the 19th century" -> 18XX.
  if ((m = /^(\d{1,2}|[a-z-]+?)(?:st|nd|rd|th)? century$/.exec(core))) {
    const n = /^\d+$/.test(m[1]) ? +m[1] : dateWords().ordinals[m[1]];
    if (n) return result(`${pad(n - 1)}XX`);
  }
  // Year, possibly modified: "2019", "early 2019", "mid-1990".
  if ((m = /^(\d{4})$/.exec(core))) return result(m[1]);

  // Deictic days.
  if (core === 'yesterday') return relative(() => iso(new Date(dct!.getTime() - DAY_MS)));
  if (core === 'tomorrow') return relative(() => iso(new Date(dct!.getTime() + DAY_MS)));
  if (core === 'tonight') return relative(() => iso(dct!));

  // "this/last/next/earlier this/later this" + unit or season; "late last year".
  if ((m = /^(?:(earlier|later) )?(this|last|next|past|coming|this past|this coming) (week|weekend|month|year|decade|century|morning|afternoon|evening)$/.exec(core))) {
    const rel = m[2];
    const shift = /^(?:last|past|this past)$/.test(rel) ? -1 : /^(?:next|coming|this coming)$/.test(rel) ? 1 : 0;
    const unit = m[3];
    if (unit === 'century') return relative(() => `${pad(Math.floor(dy / 100) + shift)}XX`);
    return relative(() => shiftCal(calOfDate(dct!), unit, shift)!);
  }
  if ((m = /^(?:(earlier|later) )?this (spring|summer|autumn|fall|winter)$/.exec(core))) {
    const season = SEASONS[m[2]];
    return relative(() => {
      const cur = currentSeason(dct!);
      return `${cur.s === season ? cur.y : dy}-${season}`;
    });
  }

  // Anchored: "the following year", "the previous Friday", "the same day", "that year".
  if ((m = /^(?:the (following|previous|preceding|next|same|very same)|(that)(?: same)?) ([a-z]+)$/.exec(core))) {
    const rel = m[1] ?? 'same';
    const unit = m[3];
    const shift = rel === 'previous' || rel === 'preceding' ? -1 : rel === 'following' || rel === 'next' ? 1 : 0;
    const a = ctx.anchor ? parseCal(ctx.anchor.value) : null;
    const wdA = WEEKDAYS.indexOf(unit);
    if (wdA >= 0) {
      const a = ctx.anchor?.day ? parseCal(ctx.anchor.day) : null;
      const base = a?.d ? utc(a.y, a.m!, a.d) : dct;
      if (!base) return result('', true);
      return result(weekdayDate(wdA, base, shift < 0 ? 'before' : shift > 0 ? 'after' : 'onOrAfter'));
    }
    if (a) {
      const v = shiftCal(a, unit, shift);
      if (v) return result(v);
    }
    // Without a fine enough anchor: a year from the text, else the dct.
    const wy = writtenYear(ctx);
    if ((unit === 'year' || unit in SEASONS) && wy !== null) return result(unit === 'year' ? String(wy + shift) : `${wy + shift}-${SEASONS[unit]}`);
    if (dct && !a) {
      const v = shiftCal(calOfDate(dct), unit, shift);
      if (v) return result(v);
    }
    return result('PAST_REF');
  }
  // Seasons with a determiner: "summer" (the nearest one), "the fall".
  if (core in SEASONS) {
    const season = SEASONS[core];
    return relative(() => {
      const cur = currentSeason(dct!);
      return `${cur.s === season ? cur.y : dy}-${season}`;
    });
  }

  // "N units ago" -> dct minus N units, at the unit's granularity; "a few years ago" is vague.
  if ((m = /^(?:(.+) )?(day|week|month|year|decade|centur)(?:s|ies|y)? ago$/.exec(core))) {
    const n = numberOf(m[1] ?? '');
    if (!n) return result('PAST_REF');
    const unit = m[2] === 'centur' ? 'year' : m[2];
    return relative(() => shiftCal(calOfDate(dct!), unit, -(m![2] === 'centur' ? 100 : 1) * n)!);
  }
  // "two years later", "a week earlier", "three days after": from a date of the sentence or the one before.
  if ((m = /^(?:(.+) )?(day|week|month|quarter|year|decade)(s?) (earlier|later|before|after)$/.exec(core))) {
    // "the day before" is one day; "years later" is vague.
    const n = m[1] === 'the' ? 1 : numberOf(m[1] ?? '');
    const unit = m[2];
    const dir = m[4] === 'earlier' || m[4] === 'before' ? -1 : 1;
    // Narration moves forward from the last date, however far back it was ("A year later, ..."); "two years
    // earlier" written far from any date more often counts from an unstated time ("had been fired two years earlier").
    const a = dir > 0 && ctx.anchor ? parseCal(ctx.anchor.value) : nearAnchor(ctx);
    if (n && a) {
      const v = shiftCal(a, unit, dir * n);
      if (v) return result(v);
    }
    // A vague count of shorter units later stays in the anchor's year ("some months later").
    if (dir > 0 && isVague(m[1] ?? '') && (unit === 'month' || unit === 'week' || unit === 'day') && a) return result(String(a.y));
    return result('PAST_REF');
  }
  return result('', !dct);
}

const YEAR_ONLY = /^\d{4}$/;
const ONE_WORD = /^[a-z]+\.?$/;
const SAME_PERIOD = /^the same (day|week|month|quarter|half|period|spring|summer|autumn|fall|winter) (.+)$/;
/** Deictic ("last year", "a year ago": from the dct), anchored ("a year earlier", "the previous year": from the period) or written ("of 2022"). */
const YEAR_SHIFT = /^(?:(?:of |in )?(last|next) year|(?:a|one) year (ago|earlier|before|later)|(?:of |in )?the (previous|prior|preceding|following) year|the year (before|earlier)|(?:of|in) (\d{4}))$/;

/** The period the text speaks of, at the unit's granularity: the last quarter or half, else the last date, else the dct's. */
function samePeriodBase(unit: string, ctx: DateContext, dct: Date | null): string | null {
  const a = ctx.anchor ? parseCal(ctx.anchor.value) : null;
  const period = ctx.anchor?.period;
  const at = a ?? (dct ? calOfDate(dct) : null);
  switch (unit) {
    case 'quarter':
      if (period && /-Q/.test(period)) return period;
      return (a && shiftCal(a, 'quarter', 0)) || (dct ? shiftCal(calOfDate(dct), 'quarter', 0) : null);
    case 'half': {
      if (period && /-H/.test(period)) return period;
      const c = a && (a.h || a.q || a.m) ? a : dct ? calOfDate(dct) : null;
      if (!c) return null;
      const h = c.h ?? ((c.q ? c.q * 3 : c.m!) <= 6 ? 1 : 2);
      return `${c.y}-H${h}`;
    }
    case 'period':
      return period ?? (a && (a.m || a.q || a.h || a.s) ? ctx.anchor!.value : null);
    case 'day':
      return ctx.anchor?.day ?? (dct ? iso(dct) : null);
    case 'week': {
      const d = ctx.anchor?.day ? parseCal(ctx.anchor.day) : null;
      return d ? isoWeek(utc(d.y, d.m!, d.d!)) : dct ? isoWeek(dct) : null;
    }
    case 'month':
      return at?.m ? `${at.y}-${pad(at.m)}` : null;
    default:
      return at ? `${at.y}-${SEASONS[unit]}` : null;
  }
}

/** "the same quarter last year" -> the quarter spoken of, a year back; one value for the whole span. */
function samePeriodValue(unit: string, phrase: string, ctx: DateContext, dct: Date | null): DateValue | null {
  const y = YEAR_SHIFT.exec(phrase);
  if (!y) return null;
  const base = samePeriodBase(unit, ctx, dct);
  const baseYear = base ? +/^(?:FY)?(\d{4})/.exec(base)![1] : null;
  let year: number;
  if (y[5]) year = +y[5];
  else if (y[1] || y[2] === 'ago') {
    if (!dct) return result('', true);
    year = dct.getUTCFullYear() + (y[1] === 'next' ? 1 : -1);
  } else {
    const word = y[2] ?? y[3] ?? y[4];
    if (baseYear === null) return result('PAST_REF');
    year = baseYear + (word === 'later' || word === 'following' ? 1 : -1);
  }
  if (!base) return result(String(year));
  const v = base.replace(/^(FY)?\d{4}/, (_x, fy: string | undefined) => `${fy ?? ''}${year}`);
  // February 29 of a year that has none.
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return result(d ? `${d[1]}-${d[2]}-${pad(Math.min(+d[3], daysIn(+d[1], +d[2])))}` : v);
}

type WeekdayRule = 'onOrBefore' | 'onOrAfter' | 'before' | 'after';

function weekdayDate(wd: number, base: Date, rule: WeekdayRule): string {
  const cur = base.getUTCDay();
  let diff: number;
  if (rule === 'onOrBefore' || rule === 'before') {
    diff = (cur - wd + 7) % 7;
    if (diff === 0 && rule === 'before') diff = 7;
    return iso(new Date(base.getTime() - diff * DAY_MS));
  }
  diff = (wd - cur + 7) % 7;
  if (diff === 0 && rule === 'after') diff = 7;
  return iso(new Date(base.getTime() + diff * DAY_MS));
}

/** Quarters ("the third quarter", "Q3 2023", "the fourth quarter of fiscal 2022"), halves and fiscal years. */
function quarterValue(core: string, ctx: DateContext, dct: Date | null, dy: number): DateValue | null {
  let m: RegExpExecArray | null;
  const w = dateWords();
  // Fiscal years: "fiscal 2024", "fiscal year 2024", "FY2024", "FY24", "the 2024 fiscal year".
  if ((m = /^(?:fiscal|financial)(?: year)? ['’]?(\d{4}|\d{2})$|^fy ?['’]?(\d{4}|\d{2})$|^(\d{4}) (?:fiscal|financial) year$/.exec(core))) {
    return result(`FY${fullYear(m[1] ?? m[2] ?? m[3], dy)}`);
  }
  if ((m = /^(last|this|next|current|previous|coming) (?:fiscal|financial) year$/.exec(core))) {
    const shift = m[1] === 'last' || m[1] === 'previous' ? -1 : m[1] === 'next' || m[1] === 'coming' ? 1 : 0;
    return dct ? result(`FY${dy + shift}`) : result('', true);
  }
  // A period and what it belongs to: "third quarter of 2022", "first half of fiscal 2024", "second half of next year".
  let unit: 'Q' | 'H' | null = null;
  let n = 0;
  let rest = '';
  if ((m = QUARTER_NAMED.exec(core))) {
    unit = 'Q';
    n = w.ordinals[m[1]] ?? 0;
    rest = m[2] ?? '';
  } else if ((m = /^q([1-4])(?:[ -]?['’]?(\d{4}|\d{2}))?$/.exec(core))) {
    unit = 'Q';
    n = +m[1];
    rest = m[2] ?? '';
  } else if ((m = /^(?:(\d{4}|\d{2}) )?([1-4])q$/.exec(core))) {
    unit = 'Q';
    n = +m[2];
    rest = m[1] ?? '';
  } else if ((m = /^(first|second|1st|2nd)[- ]half(?:,? (?:of )?(.+))?$/.exec(core))) {
    unit = 'H';
    n = m[1].startsWith('f') || m[1] === '1st' ? 1 : 2;
    rest = m[2] ?? '';
  } else if ((m = /^h([12])(?:[ -]?['’]?(\d{4}|\d{2}))?$/.exec(core))) {
    unit = 'H';
    n = +m[1];
    rest = m[2] ?? '';
  }
  if (unit && n >= 1 && n <= (unit === 'Q' ? 4 : 2)) {
    const period = unit === 'Q' ? quarterPeriod(n) : halfPeriod(n);
    rest = rest.replace(/^the /, '');
    let r: RegExpExecArray | null;
    if ((r = /^(?:(?:fiscal|financial)(?: year)? ?|fy ?)['’]?(\d{4}|\d{2})$/.exec(rest))) return result(`FY${fullYear(r[1], dy)}-${unit}${n}`);
    if ((r = /^['’]?(\d{4}|\d{2})$/.exec(rest))) return result(`${fullYear(r[1], dy)}-${unit}${n}`);
    if ((r = /^(last|this|next|the previous|the following|the same) year$/.exec(rest))) {
      const rel = r[1];
      if (/previous|following|same/.test(rel)) {
        const a = ctx.anchor ? parseCal(ctx.anchor.value) : null;
        const base = a ? a.y : dy;
        if (!a && !dct) return result('', true);
        return result(`${base + (rel.includes('previous') ? -1 : rel.includes('following') ? 1 : 0)}-${unit}${n}`);
      }
      const shift = rel === 'last' ? -1 : rel === 'next' ? 1 : 0;
      return dct ? result(`${dy + shift}-${unit}${n}`) : result('', true);
    }
    if (rest === '' || rest === 'year' || rest === 'this year') {
      if (!dct) return result('', true);
      return result(`${yearOf(period, dct, tenseOf(ctx), true)}-${unit}${n}`);
    }
    return null;
  }
  // Quarters named from the dct or the anchor: "last quarter", "the current quarter", "the year-earlier quarter".
  if ((m = /^(last|this|next|past|current|latest|most recent|previous|prior|coming|same|following|year-earlier|year-ago|year-before) (quarter|half)$/.exec(core))) {
    const rel = m[1];
    const half = m[2] === 'half';
    if (rel === 'year-earlier' || rel === 'year-ago' || rel === 'year-before' || rel === 'same' || rel === 'following' || rel === 'previous' || rel === 'prior') {
      const a = ctx.anchor ? parseCal(ctx.anchor.value) : null;
      if (a && !half && (a.q || a.m)) {
        const shift = rel === 'following' ? 1 : rel === 'same' ? 0 : rel === 'previous' || rel === 'prior' ? -1 : -4;
        const v = shiftCal(a, 'quarter', shift);
        if (v) return result(v);
      }
      if (rel === 'year-earlier' || rel === 'year-ago' || rel === 'year-before') return result('PAST_REF');
    }
    if (!dct) return result('', true);
    const cq = Math.ceil((dct.getUTCMonth() + 1) / 3);
    const shift = /^(?:last|past|latest|most recent|previous|prior)$/.test(rel) ? -1 : /^(?:next|coming|following)$/.test(rel) ? 1 : 0;
    if (half) {
      const k = dy * 2 + (dct.getUTCMonth() < 6 ? 0 : 1) + shift;
      return result(`${Math.floor(k / 2)}-H${(k % 2) + 1}`);
    }
    return result(shiftCal({ y: dy, q: cq }, 'quarter', shift)!);
  }
  return null;
}

const PERIOD_VALUE = /^(?:FY)?\d{4}-[QH][1-4]$/;
const ANCHORED = /^(?:the (?:following|previous|preceding|next|same|very same) |that )|\b(?:earlier|later|before|after)$/i;

/**
 * Values of a document's dates, in text order: each anchored expression counts
 * from the last dated mention before it ("In March 2019 ... the following
 * month" -> 2019-04). Mentions must be sorted by start.
 */
export function normalizeDates(mentions: { text: string; start: number; end: number }[], dct: string, text: string): DateValue[] {
  let anchor: Anchor | null = null;
  return mentions.map((mention) => {
    const v = normalizeDate(mention.text, { dct, text, start: mention.start, end: mention.end, anchor });
    // The anchor is the last date that the text fixes on its own or from the dct; a date counted from the
    // anchor ("the day before", "two years later") does not move it.
    if (parseCal(v.value) && !/^(?:today|now|tonight)$/i.test(mention.text) && !ANCHORED.test(mention.text)) {
      anchor = { value: v.value, end: mention.end, day: /^\d{4}-\d{2}-\d{2}$/.test(v.value) ? v.value : anchor?.day, period: anchor?.period };
    }
    if (PERIOD_VALUE.test(v.value) && !ANCHORED.test(mention.text)) {
      anchor = anchor ? { ...anchor, period: v.value } : { value: '', end: mention.end, period: v.value };
    }
    return v;
  });
}
