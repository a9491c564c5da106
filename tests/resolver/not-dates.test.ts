import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractMentions } from '../../src/pipeline/extract.js';
import { isNotADate } from '../../src/resolver/not-dates.js';

const dates = (text: string, date = '2024-03-01') =>
  extractMentions({ id: 't', source: 't', title: '', date, text }).mentions.filter((m) => m.type === 'DATE').map((m) => m.text);

test('dimensions are not years: "1800 x 1920 per eye", "1920×1080"', () => {
  assert.deepEqual(dates('Each lens has a resolution of 1800 x 1920 per eye.'), []);
  assert.deepEqual(dates('Dimensions: 1800 x 1920'), []);
  assert.deepEqual(dates('The 2019 model measured 1800 × 1920 pixels.'), ['2019']);
});

test('measurements with a unit are not years', () => {
  assert.deepEqual(dates('The pipes come in 1800 mm lengths.'), []);
  assert.deepEqual(dates('The phone, launched in 2021, has a 2000 mAh battery.'), ['2021']);
});

test('a dotted version number does not run into a date', () => {
  assert.deepEqual(dates('Version 4.3.6 February 2015 fixed the bug.'), ['February 2015']);
  assert.deepEqual(dates('She released v2.2019 in May.'), ['May']);
});

test('copyright years are not dates, a year in running text still is', () => {
  assert.deepEqual(dates('Copyright 2015-2019 Harbour Media Ltd.'), []);
  assert.deepEqual(dates('© 2019 Harbour Media UK Ltd. All rights reserved.'), []);
  assert.deepEqual(dates('The harbour was rebuilt in 2019 after the storm.'), ['2019']);
});

test('only DATE candidates are filtered', () => {
  const text = '© 2019 Harbour Media';
  assert.equal(isNotADate({ start: 2, end: 6, type: 'DATE', source: 'dates', score: 1 }, text), true);
  assert.equal(isNotADate({ start: 2, end: 6, type: 'ORG', source: 'orgs', score: 1 }, text), false);
});
