// DATE surface -> TIMEX3-style value, resolved against the document date (dct)
// or, for anaphoric expressions ("that year", "some months later"), against
// the nearest explicit year before the mention. Without a dct, relative
// expressions get an empty value and needsAnchor=true, never a guess from the clock.

import type { DateValue } from '../types.js';

const MONTH_INDEX: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50,
};
const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11,
  twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18,
  nineteenth: 19, twentieth: 20, 'twenty-first': 21,
};

export interface DateContext {
  /** Document creation date, YYYY-MM-DD ('' if unknown). */
  dct: string;
  /** Document text and the mention's UTF-16 start, for tense and anchors. */
  text?: string;
  start?: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (d: Date) => d.toISOString().slice(0, 10);

function monthOf(word: string): number {
  return MONTH_INDEX[word.toLowerCase().replace(/\.$/, '').slice(0, word.toLowerCase().startsWith('sept') ? 4 : 3)] ?? 0;
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
    const sunday = new Date(monday.getTime() + 6 * 86400000);
    return { dateStart: iso(monday), dateEnd: iso(sunday) };
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
  return new Date(jan4.getTime() - dow * 86400000 + (week - 1) * 7 * 86400000);
}

function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dayNum = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dayNum); // the Thursday of this ISO week decides its year
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${pad(week)}`;
}

const PAST_VERBS = new Set([
  'said', 'told', 'met', 'won', 'lost', 'took', 'made', 'gave', 'went', 'came', 'left', 'held', 'began', 'fell', 'rose',
  'was', 'were', 'had', 'did', 'saw', 'found', 'led', 'ran', 'wrote', 'spoke', 'sent', 'paid', 'sold', 'brought', 'thought',
]);

/** Present-tense verbs of schedules: "the race resumes on Friday". */
const SCHEDULE_VERBS = new Set(['resumes', 'starts', 'begins', 'opens', 'meets', 'faces', 'plays', 'returns', 'arrives', 'travels', 'hosts', 'visits', 'closes', 'ends', 'reopens', 'launches', 'kicks', 'takes']);

/**
 * Where the sentence holding `start` begins: after the last period or line
 * break, looking back at most `max` characters (then `start - max`). Bounded,
 * so that a text without periods does not make every date rescan it.
 */
function sentenceStartNear(text: string, start: number, max: number): number {
  const lo = Math.max(0, start - max);
  for (let i = start - 1; i >= lo; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x2e || c === 0x0a) return i + 1;
  }
  return lo;
}

/** Is the sentence around the mention about the future? */
function futureTense(ctx: DateContext): boolean {
  if (ctx.text === undefined || ctx.start === undefined) return false;
  // The sentence up to its next period, at most 400 characters.
  const from = sentenceStartNear(ctx.text, ctx.start, 400);
  const dot = ctx.text.slice(ctx.start, from + 400).indexOf('.');
  const sentence = ctx.text.slice(from, dot < 0 ? from + 400 : ctx.start + dot);
  // The verb governing the date decides first: "confirmed on Monday" is past, "will meet on Monday" future.
  const before = ctx.text.slice(Math.max(from, ctx.start - 60), ctx.start).toLowerCase();
  const words = before.split(/[^a-z'’]+/).filter(Boolean);
  // A deadline ("until Sunday", "by Thursday") lies ahead.
  if (/^(?:until|till|by|before)$/.test(words[words.length - 1] ?? '') || /^(?:until|till)$/.test(words[words.length - 2] ?? '')) return true;
  // Otherwise the nearest verb before the date, within a few words, decides.
  for (let k = words.length - 1; k >= Math.max(0, words.length - 6); k--) {
    const w = words[k];
    if (PAST_VERBS.has(w) || (/ed$/.test(w) && w.length > 3)) return false;
    if (w === 'will' || w === 'shall' || SCHEDULE_VERBS.has(w)) return true;
  }
  if (/\b(?:will|due|to)$/.test(words.slice(-2).join(' '))) return true;
  return /\b(?:will|won['’]t|shall|(?:is|are|was) (?:due|scheduled|set|expected) to|due (?:in|on|to)|plans to|next|upcoming|going to)\b|['’]ll\b/.test(sentence);
}

/** Does the sentence report a dated event (a past-tense verb of saying or doing, or "later/earlier today")? */
function reportsEvent(ctx: DateContext): boolean {
  if (ctx.text === undefined || ctx.start === undefined) return false;
  const before = ctx.text.slice(sentenceStartNear(ctx.text, ctx.start, 120), ctx.start).toLowerCase();
  if (/\b(?:later|earlier)\s+$/.test(before)) return true;
  return before.split(/[^a-z'’]+/).some((w) => PAST_VERBS.has(w) || (/ed$/.test(w) && w.length > 4 && !ADJECTIVES_IN_ED.has(w)));
}

const ADJECTIVES_IN_ED = new Set(['interested', 'concerned', 'worried', 'tired', 'pleased', 'scared', 'supposed', 'used', 'needed', 'shared', 'limited', 'based', 'related', 'advanced', 'detailed', 'united']);

/** The nearest explicit year written before the mention, for "that year" and "some months later". */
function anchorYear(ctx: DateContext): number | null {
  if (ctx.text === undefined || ctx.start === undefined) return null;
  const before = ctx.text.slice(Math.max(0, ctx.start - 3000), ctx.start);
  const re = /(?<![\p{L}\p{N}$€£])(1[5-9]\d\d|20\d\d)(?![\p{L}\p{N}%])/gu;
  let m: RegExpExecArray | null;
  let last: number | null = null;
  while ((m = re.exec(before)) !== null) last = +m[1];
  return last;
}

function result(value: string, needsAnchor = false): DateValue {
  return { value, ...rangeOf(value), needsAnchor };
}

export function normalizeDate(surface: string, ctx: DateContext): DateValue {
  // "the 1960s" and "1960s" mean the same; "the following year" keeps its article.
  const s = surface.replace(/\s+/g, ' ').trim().replace(/^the (?!following |previous |next |same )/i, '');
  const l = s.toLowerCase();
  const dct = /^\d{4}-\d{2}-\d{2}/.test(ctx.dct) ? new Date(`${ctx.dct.slice(0, 10)}T00:00:00Z`) : null;
  const dy = dct ? dct.getUTCFullYear() : 0;
  const dm = dct ? dct.getUTCMonth() + 1 : 0;
  const relative = (f: () => string): DateValue => (dct ? result(f()) : result('', true));
  let m: RegExpExecArray | null;

  // Vague references.
  if (/^(?:recently|recent (?:years|months|weeks|decades)|in the past|past)$/.test(l)) return result('PAST_REF');
  if (/^(?:now|nowadays|currently)$/.test(l)) return result('PRESENT_REF');
  // "today" is this very day when the sentence reports an event, "nowadays" otherwise.
  if (l === 'today') return dct && reportsEvent(ctx) ? result(iso(dct)) : result('PRESENT_REF');
  if (/^(?:future|in the future)$/.test(l)) return result('FUTURE_REF');

  // ISO date.
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) return result(s);

  // Full date: "Tuesday, March 3, 2024", "Dec. 11, 2023", "March 3", "3 March 2024".
  const md = /^(?:[A-Za-z]+,? )?([A-Za-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$/.exec(s) ?? null;
  const dm2 = /^(\d{1,2})(?:st|nd|rd|th)? (?:of )?([A-Za-z]+\.?)(?:,? (\d{4}))?$/.exec(s);
  if ((md && monthOf(md[1])) || (dm2 && monthOf(dm2[2]))) {
    const month = md && monthOf(md[1]) ? monthOf(md[1]) : monthOf(dm2![2]);
    const day = md && monthOf(md[1]) ? +md[2] : +dm2![1];
    const yearStr = md && monthOf(md[1]) ? md[3] : dm2![3];
    if (yearStr) return result(`${yearStr}-${pad(month)}-${pad(day)}`);
    return relative(() => `${yearForMonth(month, day, dy, dm, dct!, ctx)}-${pad(month)}-${pad(day)}`);
  }

  // Month and year, with modifiers: "May 2017", "early March 2019".
  if ((m = /^(?:(?:the )?(?:early|late|mid-?|start of|end of|beginning of|middle of) ?)?([A-Za-z]+\.?),? (?:of )?(\d{4})$/i.exec(s)) && monthOf(m[1])) {
    return result(`${m[2]}-${pad(monthOf(m[1]))}`);
  }
  // Month alone: "February", "late May".
  if ((m = /^(?:(?:the )?(?:early|late|mid-?|start of|end of|beginning of|middle of) ?)?([A-Za-z]+\.?)$/i.exec(s)) && monthOf(m[1]) && !WEEKDAYS.includes(l)) {
    const month = monthOf(m[1]);
    return relative(() => `${yearForMonth(month, 1, dy, dm, dct!, ctx)}-${pad(month)}`);
  }

  // Decades: "1960s", "late 1960s", "’90s".
  if ((m = /^(?:(?:the )?(?:early|late|mid-?|start of|end of) ?)?(\d{3})0s$/i.exec(s))) return result(`${m[1]}X`);
  if ((m = /^['’](\d)0s$/.exec(s))) return result(`19${m[1]}X`);
  // Centuries: "the 19th century" -> 18XX.
  if ((m = /^(?:(?:the )?(?:early|late|mid-?) ?)?(\d{1,2}|[a-z-]+?)(?:st|nd|rd|th)? century$/i.exec(s))) {
    const n = /^\d+$/.test(m[1]) ? +m[1] : ORDINALS[m[1].toLowerCase()] ?? ORDINALS[`${m[1].toLowerCase()}`];
    if (n) return result(`${pad(n - 1)}XX`);
  }
  // Year, possibly modified: "2019", "early 2019", "mid-1990".
  if ((m = /^(?:(?:the )?(?:early|late|mid-?|start of|end of|beginning of|middle of) ?)?(\d{4})$/i.exec(s))) return result(m[1]);

  // Weekdays: the most recent one on or before the dct, or the next one in future contexts.
  const wd = WEEKDAYS.indexOf(l);
  if (wd >= 0) {
    return relative(() => {
      const cur = dct!.getUTCDay();
      let diff = (cur - wd + 7) % 7;
      let d: Date;
      if (futureTense(ctx)) {
        diff = (wd - cur + 7) % 7 || 7;
        d = new Date(dct!.getTime() + diff * 86400000);
      } else d = new Date(dct!.getTime() - diff * 86400000);
      return iso(d);
    });
  }

  // Deictic days.
  if (l === 'yesterday') return relative(() => iso(new Date(dct!.getTime() - 86400000)));
  if (l === 'tomorrow') return relative(() => iso(new Date(dct!.getTime() + 86400000)));
  if (l === 'tonight') return relative(() => iso(dct!));

  // "this/last/next/earlier this/later this" + unit or season.
  if ((m = /^(?:(earlier|later) )?(this|last|next|past|coming) (week|weekend|month|year|decade|century|spring|summer|autumn|fall|winter|morning|afternoon|evening)$/.exec(l))) {
    const rel = m[2];
    const unit = m[3];
    const shift = rel === 'last' || rel === 'past' ? -1 : rel === 'next' || rel === 'coming' ? 1 : 0;
    return relative(() => unitValue(unit, shift, dct!));
  }
  // "the following year", "the previous month", "the same year", "that year": relative to the anchor.
  if ((m = /^(?:the (following|previous|next|same)|(that)) (day|week|month|year|spring|summer|autumn|fall|winter|decade)$/.exec(l))) {
    const rel = m[1] ?? 'same';
    const unit = m[3];
    const ay = anchorYear(ctx);
    const shift = rel === 'previous' ? -1 : rel === 'following' || rel === 'next' ? 1 : 0;
    if ((unit === 'year' || unit in SEASONS) && ay !== null) {
      const y = ay + shift;
      return result(unit === 'year' ? String(y) : `${y}-${SEASONS[unit]}`);
    }
    return result('PAST_REF');
  }
  // Seasons with a determiner: "summer" (of the dct's year), "the fall".
  if (l in SEASONS) {
    return relative(() => `${dy}-${SEASONS[l]}`);
  }

  // "N units ago" -> dct minus N units, at the unit's granularity.
  if ((m = /^([a-z]+|\d+) (day|week|month|year|decade)s? ago$/.exec(l)) || (m = /^()(day|week|month|year|decade)s ago$/.exec(l))) {
    const n = m[1] === '' ? NaN : /^\d+$/.test(m[1]) ? +m[1] : NUMBER_WORDS[m[1]];
    if (!n) return result('PAST_REF');
    return relative(() => {
      const d = new Date(dct!.getTime());
      if (m![2] === 'day') return iso(new Date(d.getTime() - n * 86400000));
      if (m![2] === 'week') return isoWeek(new Date(d.getTime() - n * 7 * 86400000));
      if (m![2] === 'month') {
        const t = new Date(Date.UTC(dy, dm - 1 - n, 1));
        return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`;
      }
      if (m![2] === 'decade') return `${String(dy - 10 * n).slice(0, 3)}X`;
      return String(dy - n);
    });
  }
  // "two years earlier", "some months later": anchored narrative time.
  if ((m = /^(?:([a-z]+|\d+) )?(day|week|month|year|decade)s? (earlier|later|before)$/.exec(l))) {
    const unit = m[2];
    const ay = anchorYear(ctx);
    if ((unit === 'month' || unit === 'week' || unit === 'day') && m[3] === 'later' && ay !== null) return result(String(ay));
    return result('PAST_REF');
  }
  return result('', !dct);
}

/** Year of a month mentioned without one: the dct's year, unless that would put a past event after the dct. */
function yearForMonth(month: number, day: number, dy: number, dm: number, dct: Date, ctx: DateContext): number {
  const candidate = Date.UTC(dy, month - 1, day);
  const future = futureTense(ctx);
  if (candidate > dct.getTime() + 86400000 * 2 && !future && month - dm > 1) return dy - 1;
  // A month well before the dct's month in a sentence about the future is next year's.
  if (future && dm - month > 2) return dy + 1;
  return dy;
}

function unitValue(unit: string, shift: number, dct: Date): string {
  const y = dct.getUTCFullYear();
  const mo = dct.getUTCMonth();
  switch (unit) {
    case 'year':
      return String(y + shift);
    case 'month': {
      const t = new Date(Date.UTC(y, mo + shift, 1));
      return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`;
    }
    case 'week':
    case 'weekend':
      return isoWeek(new Date(dct.getTime() + shift * 7 * 86400000));
    case 'decade':
      return `${String(y + 10 * shift).slice(0, 3)}X`;
    case 'century':
      return `${pad(Math.floor(y / 100) + shift)}XX`;
    case 'morning':
    case 'afternoon':
    case 'evening':
      return iso(dct);
    default: {
      const season = SEASONS[unit];
      return `${y + shift}-${season}`;
    }
  }
}
