// Gazetteer lookup keys: folding rules, and the shortcut for plain ASCII words
// agrees with the full folding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldKey } from '../../src/data/gazetteer.js';

test('foldKey: case, diacritics, apostrophes, hyphens, spaces, St./Mt.', () => {
  assert.equal(foldKey('Berlin'), 'berlin');
  assert.equal(foldKey('Łódź'), 'lodz');
  assert.equal(foldKey('Côte d’Ivoire'), 'cote divoire');
  assert.equal(foldKey('Stratford-upon-Avon'), 'stratford upon avon');
  assert.equal(foldKey('  New   York '), 'new york');
  assert.equal(foldKey('St. Petersburg'), 'saint petersburg');
  assert.equal(foldKey('Mt Hood'), 'mount hood');
  assert.equal(foldKey('Boston'), 'boston');
});

test('foldKey: a plain ASCII word gets the key the full folding gives it', () => {
  // Surrounding spaces send the same word through the full folding (then trimmed away).
  fc.assert(
    fc.property(fc.stringMatching(/^[A-Za-z]{1,8}( [A-Za-z]{1,8}){0,3}$/), (w) => assert.equal(foldKey(w), foldKey(` ${w} `))),
    { numRuns: 3000, seed: 7 },
  );
  for (const w of ['St', 'Mt', 'st', 'MT', 'Stmt', 'St Albans', 'Mt Hood', 'Fort Worth', 'East St Louis']) assert.equal(foldKey(w), foldKey(` ${w} `));
  assert.equal(foldKey('East St Louis'), 'east saint louis');
});
