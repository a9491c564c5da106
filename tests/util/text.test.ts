// The character tests take an ASCII shortcut: on every UTF-16 unit, and on
// astral letters, they must answer what the case-mapping definitions answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAllCaps, isLetter, isUpperChar } from '../../src/util/text.js';

const slowLetter = (c: string) => c.toLowerCase() !== c.toUpperCase();
const slowUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();

test('isLetter and isUpperChar agree with the case mappings on all 65,536 UTF-16 units and on astral characters', () => {
  for (let code = 0; code < 0x10000; code++) {
    const c = String.fromCharCode(code);
    if (isLetter(c) !== slowLetter(c)) assert.fail(`isLetter(U+${code.toString(16)})`);
    if (isUpperChar(c) !== slowUpper(c)) assert.fail(`isUpperChar(U+${code.toString(16)})`);
  }
  for (const c of ['𐐀', '𐐨', '🚀', '𝐀']) {
    assert.equal(isLetter(c), slowLetter(c), c);
    assert.equal(isUpperChar(c), slowUpper(c), c);
  }
  assert.ok(isUpperChar('A') && !isUpperChar('a') && isLetter('z') && !isLetter('1') && isUpperChar('É') && !isLetter('@'));
});

test('isAllCaps: at least two letters, none lower case', () => {
  assert.deepEqual(['CIA', 'NEW YORK', 'A', 'U.s.', 'ÉTÉ', 'G7', 'Ab', '𐐀𐐀'].map(isAllCaps), [true, true, false, false, true, false, false, true]);
});
