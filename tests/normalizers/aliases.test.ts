// Organization alias lookups: the folding shortcut and the table's matching rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { abbreviates, findAcronymDefinitions, fold, lookupOrg } from '../../src/normalizers/aliases.js';

const reference = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ');

test('fold gives the full folding (case, curly apostrophes, runs of white space) on any text', () => {
  const piece = fc.constantFrom('A', 'b', ' ', '  ', '\t', '\n', '’', "'", '\u00a0', 'É', 'of', 'Ministry');
  fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
    const s = parts.join('');
    assert.equal(fold(s), reference(s));
  }), { numRuns: 3000, seed: 13 });
  fc.assert(fc.property(fc.string({ maxLength: 30, unit: 'binary' }), (s) => assert.equal(fold(s), reference(s))), { numRuns: 2000, seed: 17 });
});

test('lookupOrg: exact acronyms, folded multi-word names, a leading "the", a plural slip', () => {
  const cia = lookupOrg('CIA');
  assert.ok(cia, 'CIA is in the bundled table');
  assert.equal(lookupOrg('Central  Intelligence\nAgency')?.canonical, cia.canonical);
  assert.equal(lookupOrg('the Central Intelligence Agency')?.canonical, cia.canonical);
  assert.equal(lookupOrg('Central Intelligence Agencys')?.canonical, cia.canonical);
  assert.equal(lookupOrg('cia'), null, 'one-word names must match case');
});

test('acronym definitions: a hyphenated word gives the initial of its first part, and of later parts when the acronym has them', () => {
  const text = 'The Organisation for Economic Co-operation and Development (OECD) and the Asia-Pacific Economic Cooperation (APEC) met.';
  assert.deepEqual(
    findAcronymDefinitions(text).map((d) => [d.long, d.short]),
    [
      ['Organisation for Economic Co-operation and Development', 'OECD'],
      ['Asia-Pacific Economic Cooperation', 'APEC'],
    ],
  );
  assert.ok(abbreviates('GCHQ', 'Government Communications HeadQuarters'));
  assert.ok(!abbreviates('OECD', 'Organisation for Economic Co-operation'));
  assert.ok(!abbreviates('NATO', 'North Atlantic Council'));
});
