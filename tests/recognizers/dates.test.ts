// One case per family: a sentence, its DATE spans and their TIMEX3 values (readable as documentation).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates, patternMatches, PATTERNS } from '../../src/recognizers/dates.js';
import { normalizeDate } from '../../src/normalizers/dates.js';

function dates(text: string, dct = '2023-07-19'): [string, string][] {
  return findDates(text).map((c) => {
    const surface = text.slice(c.start, c.end);
    return [surface, normalizeDate(surface, { dct, text, start: c.start }).value];
  });
}

test('full dates, with and without a year', () => {
  assert.deepEqual(dates('He was arrested on December 11, 2023 in Kyiv.'), [['December 11, 2023', '2023-12-11']]);
  assert.deepEqual(dates('The talks opened on 3 March 2024.'), [['3 March 2024', '2024-03-03']]);
  assert.deepEqual(dates('On July 19, the chief spoke.'), [['July 19', '2023-07-19']]);
  assert.deepEqual(dates('He left on Dec. 11, 2023.'), [['Dec. 11, 2023', '2023-12-11']]);
});

test('months and years: the preposition stays outside', () => {
  assert.deepEqual(dates('The invasion began in February.', '2022-06-06'), [['February', '2022-02']]);
  assert.deepEqual(dates('He defected in May 2017 and again in 1985.'), [['May 2017', '2017-05'], ['1985', '1985']]);
  assert.deepEqual(dates('She may leave soon.'), []);
});

test('decades and centuries keep early/late inside and drop "the"', () => {
  assert.deepEqual(dates('In the late 1960s the service grew.'), [['late 1960s', '196X']]);
  assert.deepEqual(dates('It was built in the 19th century.'), [['19th century', '18XX']]);
});

test('relative dates resolve against the publication date', () => {
  assert.deepEqual(dates('Sales fell last year but rose this month.'), [['last year', '2022'], ['this month', '2023-07']]);
  assert.deepEqual(dates('The plan was drafted 55 years ago.'), [['55 years ago', '1968']]);
  assert.deepEqual(dates('Talks resume next week.', '2015-03-18'), [['next week', '2015-W13']]);
  assert.deepEqual(dates('Counteroffensives peaked in the summer.'), [['summer', '2023-SU']]);
});

test('weekdays: the most recent one in past-tense news, the next one in future tense', () => {
  assert.deepEqual(dates('The minister resigned on Tuesday night.', '2024-03-14'), [['Tuesday', '2024-03-12']]);
  assert.deepEqual(dates('The minister will resign on Tuesday.', '2024-03-14'), [['Tuesday', '2024-03-19']]);
});

test('vague references', () => {
  assert.deepEqual(dates('The agency has recently changed, and now it recruits openly.'), [['recently', 'PAST_REF'], ['now', 'PRESENT_REF']]);
  assert.deepEqual(dates('In recent years defections rose.'), [['recent years', 'PAST_REF']]);
});

test('anaphoric dates take the last explicit year', () => {
  assert.deepEqual(dates('He moved to Montenegro in June 2017. Later that year he vanished.', '2024-12-12'), [['June 2017', '2017-06'], ['that year', '2017']]);
});

test('durations, ages, quantities and clock times are not dates', () => {
  assert.deepEqual(dates('He served 18 months, three decades after the war, aged 45, at 3 p.m.'), []);
  assert.deepEqual(dates('Police counted 2019 votes and 1500 troops.'), []);
});

test('without a publication date, relative dates need an anchor', () => {
  const v = normalizeDate('last year', { dct: '' });
  assert.equal(v.value, '');
  assert.equal(v.needsAnchor, true);
  assert.equal(normalizeDate('May 2017', { dct: '' }).value, '2017-05');
});

test('date ranges for plotting', () => {
  const v = normalizeDate('May 2017', { dct: '2020-01-01' });
  assert.equal(v.dateStart, '2017-05-01');
  assert.equal(v.dateEnd, '2017-05-31');
  assert.deepEqual([normalizeDate('the 1960s', { dct: '' }).dateStart, normalizeDate('the 1960s', { dct: '' }).dateEnd], ['1960-01-01', '1969-12-31']);
  const w = normalizeDate('this week', { dct: '2015-03-18' });
  assert.equal(w.value, '2015-W12');
  assert.equal(w.dateStart, '2015-03-16');
  assert.equal(w.dateEnd, '2015-03-22');
});

test('pathological inputs stay linear', () => {
  for (const text of ['1'.repeat(100_000), 'May '.repeat(25_000), 'the late early mid '.repeat(5000), `${'January '.repeat(10_000)}2020`]) {
    const t0 = performance.now();
    findDates(text);
    assert.ok(performance.now() - t0 < 2000, text.slice(0, 20));
  }
});

test('each pattern, tried only near its key, finds what a scan of the whole text finds', () => {
  // The longest forms of every pattern, so that a key's reach too short for one of them shows.
  const text = [
    'Wednesday, September 30th, 2024 and Wednesday September 3; 30th of September, 2019; 1st of Sept. 2020; Sept. 2021; late May 2022; in May.',
    "The 1960s, the late '70s and the twenty-first century; the 19th century. In 2019-05-01, 1999 and 2020.",
    'Earlier this week, Later this month, this year; Coming weekend, next decade; The following Wednesday, the preceding afternoon; That same quarter.',
    'The same quarter of the previous year, the same period a year earlier, The same half in 2019; the month before.',
    'This coming Wednesday, this past spring, last February; September 30th, of last year; Autumn of next year; Wednesday, of last week.',
    'Financial Second financial quarter of fiscal 2024, the fourth-quarter, the 3rd quarter, 2024; Q3 2023, 4Q \u201923, Q1-24.',
    'Second-half, the 2nd half of 2023; H1 2024, H2-\u201925. Fiscal year 2024, FY \u201924, the 2024 financial year, Previous fiscal year.',
    'Year-before quarter, most recent quarter, the year-earlier quarter, the year-earlier period, the year-ago period.',
    'Today, yesterday, Tomorrow, tonight. Centuries ago, Decades later, 55 years ago, a few weeks earlier, a couple of days later.',
    'In the summer, their winter offensive; on Saturday, on Thursday night. Recently, Nowadays, currently, now; Recent decades; in the past, In the future.',
    'éMay 2019, x1999y, _2019_, 😀June 3, 2019😀, May-June, mid-Sept., the 80s, 1980s\u2019.',
  ].join('\n');
  for (const p of PATTERNS) {
    const whole: string[] = [];
    const re = new RegExp(p.re.source, p.re.flags);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) whole.push(`${m.index}:${m[0]}`);
    assert.deepEqual(patternMatches(p, text).map((x) => `${x.index}:${x[0]}`), whole, p.re.source.slice(0, 80));
  }
});
