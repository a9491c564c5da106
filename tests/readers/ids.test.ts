// The id registry keeps fingerprints, not strings: check it against an exact
// model (a Set of every id given out) on random ids with many repeats, and that
// it grows past its first table without losing ids.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { IdRegistry } from '../../src/readers/ids.js';

/** The exact behaviour, with every id kept as a string. */
function model(ids: string[]): string[] {
  const given = new Set<string>();
  const counts = new Map<string, number>();
  return ids.map((id) => {
    if (!given.has(id)) {
      given.add(id);
      return id;
    }
    let n = counts.get(id) ?? 1;
    let c: string;
    do c = `${id}#${++n}`;
    while (given.has(c));
    counts.set(id, n);
    given.add(c);
    return c;
  });
}

test('repeated ids get #2, #3, ...; a literal id that clashes with a suffixed one is suffixed again', () => {
  const r = new IdRegistry();
  assert.deepEqual(['a', 'a', 'b', 'a#2', 'a', ''].map((id) => r.unique(id)), ['a', 'a#2', 'b', 'a#2#2', 'a#3', '']);
});

test('random ids with many repeats: same as the exact model, every id given out is unique', () => {
  const id = fc.oneof(fc.constantFrom('a', 'a#2', 'b', '7', '7#2', 'é', '🚀'), fc.string({ maxLength: 6, unit: 'binary' }));
  fc.assert(
    fc.property(fc.array(id, { maxLength: 200 }), (ids) => {
      const r = new IdRegistry();
      const got = ids.map((x) => r.unique(x));
      assert.deepEqual(got, model(ids));
      assert.equal(new Set(got).size, got.length);
    }),
    { numRuns: 500, seed: 11 },
  );
});

test('300,000 distinct ids (several table growths) all come back unchanged, then all repeat as #2', () => {
  const r = new IdRegistry();
  const n = 300_000;
  for (let i = 0; i < n; i++) assert.equal(r.unique(`doc-${i}`), `doc-${i}`);
  for (let i = 0; i < n; i += 997) assert.equal(r.unique(`doc-${i}`), `doc-${i}#2`);
});
