// Hand-made spans for the resolver steps' tests: each surface at its next occurrence in order.
import assert from 'node:assert/strict';
import type { Candidate, EntityType } from '../../src/types.js';

/** Spans for the given surfaces, each found after the previous one ("Porto" twice: both). */
export function spansOf(text: string, marks: [string, EntityType][], score: number): Candidate[] {
  const out: Candidate[] = [];
  let from = 0;
  for (const [s, type] of marks) {
    const at = text.indexOf(s, from);
    assert.ok(at >= 0, `${s} after ${from}`);
    out.push({ start: at, end: at + s.length, type, source: 'test', score });
    from = at + s.length;
  }
  return out;
}
