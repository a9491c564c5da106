// The character tests take an ASCII shortcut: on every UTF-16 unit, and on
// astral letters, they must answer what the case-mapping definitions answer.
import { test } from 'node:test';
import fc from 'fast-check';
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

test('isAllCaps agrees with its definition over code points on random text', () => {
  const reference = (s: string) => {
    let letters = 0;
    for (const c of s) {
      if (!slowLetter(c)) continue;
      if (!slowUpper(c)) return false;
      letters++;
    }
    return letters >= 2;
  };
  const piece = fc.constantFrom('A', 'b', 'É', 'é', '𐐀', '𐐨', '\ud801', '\udc00', '1', '.', ' ', 'ǅ', 'ß', 'İ');
  fc.assert(fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
    const s = parts.join('');
    assert.equal(isAllCaps(s), reference(s), JSON.stringify(s));
  }), { numRuns: 5000, seed: 19 });
  fc.assert(fc.property(fc.string({ maxLength: 12, unit: 'binary' }), (s) => assert.equal(isAllCaps(s), reference(s))), { numRuns: 3000, seed: 23 });
});
