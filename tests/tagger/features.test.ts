// The tagger's features: look-ahead evidence of a capitalized run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/analyze.js';
import { evidenceSpans } from '../../src/pipeline/extract.js';
import { sentenceInputs } from '../../src/tagger/features.js';

const runs = (text: string) => {
  const input = analyze({ id: 't', source: '', title: '', date: '', text });
  const { inputs } = sentenceInputs(input, evidenceSpans(input));
  return inputs.flatMap((s) => s.views.map((v, i) => `${v.text}:${s.run[i]}`));
};

test('the first words of a capitalized run know that an organization head word ends it', () => {
  const got = runs('Staff of Glasgow City Council met Priya Anand and the Society for the Study of Tidal Marshes on Friday.');
  // "Council" two words on from "Glasgow" (a gazetteer city), the next word after "City".
  assert.ok(got.includes('Glasgow:f|gaz'), got.join(' '));
  assert.ok(got.some((g) => /^City:n/.test(g)), got.join(' '));
  // The head itself, a person's name and lower-case words get nothing.
  for (const w of ['Council:', 'Priya:', 'Anand:', 'met:', 'Friday:']) assert.ok(got.includes(w), `${w} in ${got.join(' ')}`);
  // The run stops at a lower-case word that does not join a name ("met"), so "Staff" looks only as far as "of Glasgow City Council".
  assert.ok(got.includes('Staff:f'), got.join(' '));
});

test('a run joined by "of the" still reaches its head; a run with no head word gets nothing', () => {
  const got = runs('Members of the Friends of the Kestrel Trust visited Tromso Harbour Pier yesterday.');
  assert.ok(got.includes('Friends:f'), got.join(' '));
  assert.ok(got.includes('Kestrel:n'), got.join(' '));
  for (const w of ['Tromso:', 'Harbour:', 'Pier:']) assert.ok(got.includes(w), `${w} in ${got.join(' ')}`);
});
