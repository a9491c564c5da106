// Document-level consistency (src/resolver/consistency.ts), through the whole pipeline on original text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDocument } from '../../src/pipeline/extract.js';

const rows = (text: string) => extractDocument({ id: 'c', source: 't', title: '', date: '2014-05-21', text });

test('a name in a headline in capitals takes the type the story gives it in normal case', () => {
  const got = rows('NORVALE ENERGY SIGNS GAS DEAL WITH HALDEN\nOSLO 2014-05-21\nNorvale Energy signed a 30-year gas deal with the city of Halden on Wednesday, its chief executive said.');
  const head = got.filter((m) => m.sentence === 0 && m.type !== 'DATE').map((m) => `${m.type}:${m.text}:${m.canonical}`);
  assert.ok(head.includes('ORG:NORVALE ENERGY:Norvale Energy'), JSON.stringify(head));
  // A short word in capitals is left alone: "DEAL" or "WITH" never become names because a story uses them.
  assert.ok(!got.some((m) => /^(?:SIGNS|GAS|DEAL|WITH)$/.test(m.text)));
});
