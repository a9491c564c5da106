// One case per family: a sentence, its DATE spans and their TIMEX3 values (readable as documentation).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates } from '../../src/recognizers/dates.js';
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
