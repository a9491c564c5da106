// The clause tense that places year-less dates: one case a sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clauseTense } from '../../src/dates/tense.js';

function tense(sentence: string, date: string): string {
  const i = sentence.indexOf(date);
  return clauseTense(sentence, i, i + date.length);
}

test('the nearest marker before the date decides', () => {
  assert.equal(tense('The bank raised rates on Thursday.', 'Thursday'), 'past');
  assert.equal(tense('The bank will raise rates on Thursday.', 'Thursday'), 'future');
  assert.equal(tense('The bank said on Monday it would raise rates.', 'Monday'), 'past');
  assert.equal(tense("The bank said it'll raise rates on Monday.", 'Monday'), 'future');
});

test('a fronted date reads the verb after it', () => {
  assert.equal(tense('On Tuesday, the board will vote.', 'Tuesday'), 'future');
  assert.equal(tense('On Tuesday, the board voted.', 'Tuesday'), 'past');
});

test('a clause break stops the search', () => {
  assert.equal(tense('Officials will decide whether the plant, which closed in June, reopens.', 'June'), 'past');
  assert.equal(tense('The mill employs 300 people in June.', 'June'), 'none');
});
