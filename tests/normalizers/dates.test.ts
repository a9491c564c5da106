// Date values by expression class, chrono-node style: one case a sentence, its
// publication date, and the DATE spans with their values. The sentences are
// written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDocument } from '../../src/pipeline/extract.js';
import { normalizeDate, rangeOf } from '../../src/normalizers/dates.js';

/** [surface, value] of every DATE the whole pipeline finds in `text` published on `dct`. */
function dates(text: string, dct: string): [string, string][] {
  return extractDocument({ id: 't', source: 't', title: '', date: dct, text })
    .filter((m) => m.type === 'DATE')
    .map((m) => [m.text, m.value]);
}

// 2024-03-14 is a Thursday.
test('weekdays: past tense -> the most recent one, on or before the publication day', () => {
  assert.deepEqual(dates('The council approved the budget on Tuesday.', '2024-03-14'), [['Tuesday', '2024-03-12']]);
  assert.deepEqual(dates('Shares of the brewer fell 4 percent on Friday.', '2024-03-14'), [['Friday', '2024-03-08']]);
  // A present-tense clause without a future marker is not future either.
  assert.deepEqual(dates('The strike is the first since the union walked out on Monday.', '2024-03-14'), [['Monday', '2024-03-11']]);
});

test('weekdays: the publication day itself', () => {
  assert.deepEqual(dates('The mayor resigned on Thursday.', '2024-03-14'), [['Thursday', '2024-03-14']]);
  assert.deepEqual(dates('The court will rule on Thursday.', '2024-03-14'), [['Thursday', '2024-03-14']]);
});

test('weekdays: future only with a clear marker in the clause', () => {
  assert.deepEqual(dates('The minister will resign on Tuesday.', '2024-03-14'), [['Tuesday', '2024-03-19']]);
  assert.deepEqual(dates('The union is to meet employers on Monday.', '2024-03-14'), [['Monday', '2024-03-18']]);
  assert.deepEqual(dates('The firm plans to publish its accounts on Friday.', '2024-03-14'), [['Friday', '2024-03-15']]);
  assert.deepEqual(dates('The vote is scheduled for Wednesday.', '2024-03-14'), [['Wednesday', '2024-03-20']]);
  // The marker must govern the date's clause: "said on Monday" is past even if the report is about the future.
  assert.deepEqual(dates('The company said on Monday that it will close two plants.', '2024-03-14'), [['Monday', '2024-03-11']]);
  assert.deepEqual(dates('The company said it will report results on Monday.', '2024-03-14'), [['Monday', '2024-03-18']]);
  // "failed to agree" is no intention; a deadline lies ahead.
  assert.deepEqual(dates('Ministers failed to agree on Tuesday on a new deal.', '2024-03-14'), [['Tuesday', '2024-03-12']]);
  assert.deepEqual(dates('Lenders gave the city until Sunday to find a buyer.', '2024-03-14'), [['Sunday', '2024-03-17']]);
});

test('months and month-days without a year take it from the tense', () => {
  // Past: the most recent one on or before the publication date.
  assert.deepEqual(dates('The plant closed in November.', '2024-03-14'), [['November', '2023-11']]);
  assert.deepEqual(dates('The plant closed in March.', '2024-03-14'), [['March', '2024-03']]);
  assert.deepEqual(dates('Inspectors visited the site on December 4.', '2024-03-14'), [['December 4', '2023-12-04']]);
  // Future: the next one.
  assert.deepEqual(dates('The plant will close in January.', '2024-03-14'), [['January', '2025-01']]);
  assert.deepEqual(dates('Analysts expected a rate rise in May.', '2024-03-14'), [['May', '2024-05']]);
  assert.deepEqual(dates('Nurses voted on Monday to strike in January.', '2024-12-12'), [['Monday', '2024-12-09'], ['January', '2025-01']]);
  // No marker: the nearest one.
  assert.deepEqual(dates('Relief is unlikely before the rains reach the coast in early July.', '2024-06-19'), [['early July', '2024-07']]);
  // A modal perfect looks back.
  assert.deepEqual(dates('The August mutiny may have failed.', '2024-03-14'), [['August', '2023-08']]);
});

test('quarters, halves and fiscal years', () => {
  assert.deepEqual(dates('Profit rose 5 percent in the third quarter.', '2023-10-25'), [['third quarter', '2023-Q3']]);
  assert.deepEqual(dates('Sales rose in the second quarter, the company said.', '2023-07-19'), [['second quarter', '2023-Q2']]);
  // Past tense reports a quarter that has closed; the future one that has not.
  assert.deepEqual(dates('Profit rose in the third quarter.', '2023-07-19'), [['third quarter', '2022-Q3']]);
  assert.deepEqual(dates('The group expects a recovery in the first quarter.', '2023-07-19'), [['first quarter', '2024-Q1']]);
  assert.deepEqual(dates('Revenue for the fourth quarter of 2022 fell.', '2023-07-19'), [['fourth quarter of 2022', '2022-Q4']]);
  assert.deepEqual(dates('Fourth-quarter earnings beat forecasts.', '2024-01-30'), [['Fourth-quarter', '2023-Q4']]);
  assert.deepEqual(dates('Orders fell in Q3 2023 and rose in H1 2024.', '2024-08-01'), [['Q3 2023', '2023-Q3'], ['H1 2024', '2024-H1']]);
  assert.deepEqual(dates('First-half profit rose 4 percent.', '2023-08-02'), [['First-half', '2023-H1']]);
  assert.deepEqual(dates('The deal closed in the second half of last year.', '2023-08-02'), [['second half of last year', '2022-H2']]);
  assert.deepEqual(dates('The airline lost money in fiscal 1989 and expects a profit in FY24.', '2023-08-02'), [['fiscal 1989', 'FY1989'], ['FY24', 'FY2024']]);
  assert.deepEqual(dates('Margins narrowed in the first quarter of fiscal 2024.', '2023-08-02'), [['first quarter of fiscal 2024', 'FY2024-Q1']]);
  assert.deepEqual(dates('Sales grew faster than in the last quarter.', '2023-08-02'), [['last quarter', '2023-Q2']]);
  // Sport: "the second half" of a match is no date.
  assert.deepEqual(dates('The visitors scored twice in the second half.', '2023-08-02'), []);
});

test('compounds are one span, resolved as a whole', () => {
  assert.deepEqual(dates('Prices peaked last February.', '2023-07-19'), [['last February', '2023-02']]);
  assert.deepEqual(dates('Prices peaked last February.', '2023-02-10'), [['last February', '2022-02']]);
  assert.deepEqual(dates('The mine reopened in June last year.', '2023-07-19'), [['June last year', '2022-06']]);
  assert.deepEqual(dates('The river flooded this past spring.', '2023-07-19'), [['this past spring', '2023-SP']]);
  assert.deepEqual(dates('The board met last Wednesday.', '2023-07-19'), [['last Wednesday', '2023-07-12']]);
  assert.deepEqual(dates('The board meets next Wednesday.', '2023-07-19'), [['next Wednesday', '2023-07-26']]);
  assert.deepEqual(dates('The fund was audited on Tuesday last week.', '2023-07-19'), [['Tuesday last week', '2023-07-11']]);
  // early/late/mid- stay inside.
  assert.deepEqual(dates('The plant will close late next year.', '2023-07-19'), [['late next year', '2024']]);
  assert.deepEqual(dates('Rebels attacked late Tuesday.', '2023-07-19'), [['late Tuesday', '2023-07-18']]);
});

test('the same period a year before is one span with one value', () => {
  // 2023-10-25: third-quarter results season.
  assert.deepEqual(dates('Third-quarter profit rose 12 percent from the same quarter last year.', '2023-10-25'), [
    ['Third-quarter', '2023-Q3'],
    ['the same quarter last year', '2022-Q3'],
  ]);
  assert.deepEqual(dates('Sales in the third quarter rose 8 percent from the same period a year earlier.', '2023-10-25'), [
    ['third quarter', '2023-Q3'],
    ['the same period a year earlier', '2022-Q3'],
  ]);
  // "the same period" is the last quarter or half the text named, even with a weekday in between.
  assert.deepEqual(dates('The brewer said on Tuesday that first-half sales fell, against a rise in the same period last year.', '2023-08-02'), [
    ['Tuesday', '2023-08-01'],
    ['first-half', '2023-H1'],
    ['the same period last year', '2022-H1'],
  ]);
  assert.deepEqual(dates('Margins narrowed in the first quarter of fiscal 2024, against the same quarter a year earlier.', '2023-08-02'), [
    ['first quarter of fiscal 2024', 'FY2024-Q1'],
    ['the same quarter a year earlier', 'FY2023-Q1'],
  ]);
  assert.deepEqual(dates('Exports hit a record in March 2020, twice the same month a year earlier.', '2023-08-02'), [
    ['March 2020', '2020-03'],
    ['the same month a year earlier', '2019-03'],
  ]);
  // A written year replaces the anchor's; "last year" counts from the publication date, "a year earlier" from the period.
  assert.deepEqual(dates('Profit fell in the second quarter of 2021, after a gain in the same quarter of 2019.', '2023-08-02'), [
    ['second quarter of 2021', '2021-Q2'],
    ['the same quarter of 2019', '2019-Q2'],
  ]);
  assert.deepEqual(dates('Profit fell in the second quarter of 2021 and rose in the same quarter last year.', '2023-08-02'), [
    ['second quarter of 2021', '2021-Q2'],
    ['the same quarter last year', '2022-Q2'],
  ]);
  // Without a period in the text: the publication date's quarter; "the year-earlier period" stays vague.
  assert.deepEqual(dates('The fund lost money in the same quarter last year.', '2023-07-19'), [['the same quarter last year', '2022-Q3']]);
  assert.deepEqual(dates('Costs were lower in the year-earlier period.', '2023-07-19'), [['year-earlier period', 'PAST_REF']]);
  // Without a publication date, the deictic reading waits for an anchor.
  assert.equal(normalizeDate('the same quarter last year', { dct: '' }).needsAnchor, true);
});

test('compound relatives, expression by expression', () => {
  const cases: [string, string, [string, string][]][] = [
    ['Prices peaked last February.', '2023-07-19', [['last February', '2023-02']]],
    ['Prices peaked last February.', '2023-02-10', [['last February', '2022-02']]],
    ['Prices will peak next February.', '2023-01-10', [['next February', '2023-02']]],
    ['The dam burst on June 3 last year.', '2023-07-19', [['June 3 last year', '2022-06-03']]],
    ['The dam burst in June last year.', '2023-01-19', [['June last year', '2022-06']]],
    ['The river flooded this past spring.', '2023-02-10', [['this past spring', '2022-SP']]],
    ['The river flooded last summer.', '2023-07-19', [['last summer', '2022-SU']]],
    // early / late / mid- stay inside the span and do not change the value.
    ['Rents rose late last year.', '2023-07-19', [['late last year', '2022']]],
    ['Rents will rise again early next month.', '2023-07-19', [['early next month', '2023-08']]],
    ['Output peaked in mid-June.', '2023-07-19', [['mid-June', '2023-06']]],
    ['The plant opened in early 2019.', '2023-07-19', [['early 2019', '2019']]],
    ['The mine shut in the late 1980s.', '2023-07-19', [['late 1980s', '198X']]],
    ["The mine shut in the late '80s.", '2023-07-19', [["late '80s", '198X']]],
    // Durations with a count are not dates.
    ['Sales fell over the last three years.', '2023-07-19', []],
    ['In the past 24 hours, 30 people died.', '2023-07-19', []],
    ['Prices rose in the past few weeks.', '2023-07-19', []],
    // A vague count before "ago" is a vague past, and all of it is in the span.
    ['The factory closed several months ago.', '2023-07-19', [['several months ago', 'PAST_REF']]],
    ['He left the firm a couple of years ago.', '2023-07-19', [['a couple of years ago', 'PAST_REF']]],
    ['She joined two years ago.', '2023-07-19', [['two years ago', '2021']]],
    // "today": an event of the publication day, unless the sentence speaks of nowadays.
    ['Protesters gathered in the capital today.', '2023-07-19', [['today', '2023-07-19']]],
    ['Today the court ruled against the firm.', '2023-07-19', [['Today', '2023-07-19']]],
    ["The minister said today's decision was final.", '2023-07-19', [['today', '2023-07-19']]],
    ['Today, most people shop online.', '2023-07-19', [['Today', 'PRESENT_REF']]],
  ];
  for (const [text, dct, want] of cases) assert.deepEqual(dates(text, dct), want, `${text} (${dct})`);
});

test('decades with apostrophes, durations that are not dates, vague pasts', () => {
  assert.deepEqual(dates('The band was famous in the \u201980s and the mid-\u201990s.', '2023-07-19'), [['\u201980s', '198X'], ['mid-\u201990s', '199X']]);
  assert.deepEqual(dates("Rents doubled in the '20s.", '2023-07-19'), [["'20s", '202X']]);
  assert.deepEqual(dates('Sales rose in the past five days.', '2023-07-19'), []);
  assert.deepEqual(dates('Sales rose over the past year.', '2023-07-19'), []);
  assert.deepEqual(dates('The mill shut a few years ago.', '2023-07-19'), [['a few years ago', 'PAST_REF']]);
});

test('anchored dates count from the last dated mention, not from the publication date', () => {
  assert.deepEqual(dates('He was arrested on March 3, 2021. The following month he fled.', '2023-07-19'), [
    ['March 3, 2021', '2021-03-03'],
    ['The following month', '2021-04'],
  ]);
  assert.deepEqual(dates('The ferry sank on May 9, 2019. The previous Friday, it had failed an inspection.', '2023-07-19'), [
    ['May 9, 2019', '2019-05-09'],
    ['The previous Friday', '2019-05-03'],
  ]);
  assert.deepEqual(dates('The firm was founded in 2010. Two years later it listed its shares.', '2023-07-19'), [
    ['2010', '2010'],
    ['Two years later', '2012'],
  ]);
  assert.deepEqual(dates('Profit fell in the third quarter of 2022. Sales in the same quarter rose.', '2023-07-19'), [
    ['third quarter of 2022', '2022-Q3'],
    ['the same quarter', '2022-Q3'],
  ]);
  assert.deepEqual(dates('The polls closed on May 3, 2021. The day before, turnout had been low; the following morning the count began.', '2023-07-19'), [
    ['May 3, 2021', '2021-05-03'],
    ['The day before', '2021-05-02'],
    ['the following morning', '2021-05-04'],
  ]);
  assert.deepEqual(dates('The mill burned down in 1939. That same year the owner died.', '2023-07-19'), [
    ['1939', '1939'],
    ['That same year', '1939'],
  ]);
  // "the day before the vote" counts from an event, not a date: no span.
  assert.deepEqual(dates('The day before the vote, he resigned.', '2023-07-19'), []);
  // Further back than the sentence before, a count of years is only "some time before".
  assert.deepEqual(dates('The bank opened in 1990. It grew fast. A rival said it had been founded two years earlier.', '2023-07-19').slice(1), [['two years earlier', 'PAST_REF']]);
});

test('"today" is the publication day unless it means nowadays', () => {
  assert.deepEqual(dates('The company announced today that it will cut 300 jobs.', '2023-07-19'), [['today', '2023-07-19']]);
  assert.deepEqual(dates('Today the board approved the merger.', '2023-07-19'), [['Today', '2023-07-19']]);
  assert.deepEqual(dates('Children today have more screens than ever.', '2023-07-19'), [['today', 'PRESENT_REF']]);
  assert.deepEqual(dates('The ideas are still relevant today.', '2023-07-19'), [['today', 'PRESENT_REF']]);
});

test('without a publication date, relative values stay empty and ask for an anchor', () => {
  const v = normalizeDate('the third quarter', { dct: '' });
  assert.equal(v.value, '');
  assert.equal(v.needsAnchor, true);
  assert.equal(normalizeDate('the fourth quarter of 2022', { dct: '' }).value, '2022-Q4');
  assert.equal(normalizeDate('fiscal 2024', { dct: '' }).value, 'FY2024');
});

test('quarters and halves cover their days', () => {
  assert.deepEqual(rangeOf('2024-Q1'), { dateStart: '2024-01-01', dateEnd: '2024-03-31' });
  assert.deepEqual(rangeOf('2023-H2'), { dateStart: '2023-07-01', dateEnd: '2023-12-31' });
  assert.deepEqual(rangeOf('FY2024'), { dateStart: '', dateEnd: '' });
});

test('bad input never throws', () => {
  for (const s of ['', ' ', 'the', 'Q9', 'fiscal', 'the following', '99 years later', 'February 45', 'the previous Blursday']) {
    assert.doesNotThrow(() => normalizeDate(s, { dct: '2023-07-19', text: s, start: 0, end: s.length }));
  }
});
