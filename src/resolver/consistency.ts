// Document-level consistency: one string, one reading, everywhere in the document.

import type { AnalyzedText, Candidate, EntityType } from '../types.js';
import { lexicon } from '../recognizers/lexicon.js';
import { hasCompanyHead } from '../recognizers/orgs.js';
import { isUpperChar } from '../util/text.js';
import { isGivenNameTitle, isNameSuffix } from '../normalizers/names.js';

interface NameParts {
  full: string;
  score: number;
}


/**
 * - Types: a surface string read with several types takes the type with the
 *   most confident support; only weak minority readings are re-typed, so
 *   deliberate metonymy ("the Kremlin said" ORG vs "in the Kremlin" PLACE),
 *   which recognizers mark with high scores, survives.
 * - People: a full name (two or more words) makes its surname and first name
 *   PERSON wherever they recur, including where no recognizer proposed them,
 *   and wins over weak ORG/PLACE readings of the same word.
 * - Repeats: a confident ORG/PLACE/PERSON string recurring where nothing was
 *   proposed is tagged again with the same type.
 */
export function propagate(input: AnalyzedText, chosen: Candidate[]): Candidate[] {
  const text = input.text;
  const out = chosen.map((c) => ({ ...c }));
  // Each candidate's text, cut once: the steps below ask for it several times.
  const surfaces = out.map((c) => text.slice(c.start, c.end));

  // 1. Type voting per surface string.
  const votes = new Map<string, Map<EntityType, number>>();
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (c.type === 'DATE') continue;
    const key = surfaces[i];
    let m = votes.get(key);
    if (!m) votes.set(key, (m = new Map()));
    m.set(c.type, (m.get(c.type) ?? 0) + c.score);
  }
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (c.type === 'DATE' || c.score >= 0.6) continue;
    const m = votes.get(surfaces[i]);
    if (!m || m.size < 2) continue;
    let bestType: EntityType = c.type;
    let bestScore = -1;
    for (const [t, s] of m) if (s > bestScore) (bestType = t), (bestScore = s);
    if (bestType !== c.type) c.type = bestType;
  }

  // 2. Registry of people named in full.
  const parts = new Map<string, NameParts>();
  const fullNames = new Map<string, number>();
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (c.type !== 'PERSON' || c.score < 0.5) continue;
    const name = c.canonical ?? surfaces[i];
    const words = name.split(/\s+/).filter((w) => !/^\p{Lu}\.?$/u.test(w));
    // A generational suffix is never the surname ("Edmund Calloway III" -> "Calloway").
    while (words.length > 1 && isNameSuffix(words[words.length - 1])) words.pop();
    if (words.length < 2) continue;
    fullNames.set(surfaces[i], Math.max(fullNames.get(surfaces[i]) ?? 0, c.score));
    // A given name that is also a title ("Dean Ortiz") is, alone, the title more often than the person.
    for (const w of isGivenNameTitle(words[0]) ? [words[words.length - 1]] : [words[0], words[words.length - 1]]) {
      const prev = parts.get(w);
      if (!prev || prev.score < c.score) parts.set(w, { full: name, score: c.score });
    }
  }
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (c.type === 'PERSON' || c.type === 'DATE' || c.score >= 0.85) continue;
    const s = surfaces[i];
    if (parts.has(s) || fullNames.has(s)) {
      c.type = 'PERSON';
      c.score = Math.max(c.score, 0.6);
    }
  }
  for (let i = 0; i < out.length; i++) if (out[i].type === 'PERSON' && (parts.has(surfaces[i]) || fullNames.has(surfaces[i]))) out[i].score = Math.max(out[i].score, 0.6);

  // 3. Fill uncovered recurrences.
  const covered = new Uint8Array(text.length + 1);
  for (const c of out) covered.fill(1, c.start, c.end);
  const repeatType = new Map<string, EntityType>();
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (c.type === 'DATE' || c.score < 0.6) continue;
    const s = surfaces[i];
    if (s.length < 2 || !isUpperChar(s[0])) continue;
    repeatType.set(s, c.type);
  }
  for (const [s] of parts) if (!repeatType.has(s)) repeatType.set(s, 'PERSON');
  // Companies named in full are later called by their first word ("Veltrix Semiconductor" ...
  // "Veltrix said"), when that word is a name rather than an ordinary word or a place.
  const lex = lexicon();
  const shortOrg = new Map<string, string>();
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (c.type !== 'ORG' || c.score < 0.6) continue;
    const words = surfaces[i].split(/\s+/);
    const first = words[0];
    if (words.length < 2 || !hasCompanyHead(surfaces[i]) || !isUpperChar(first[0]) || isAllCapsWord(first)) continue;
    const low = first.toLowerCase();
    if (lex.common.has(low) || lex.placeWords.has(low) || lex.demonyms.has(low) || lex.functionWords.has(low) || lex.firstNames.has(low)) continue;
    if (!repeatType.has(first)) {
      repeatType.set(first, 'ORG');
      shortOrg.set(first, c.canonical ?? surfaces[i]);
    }
  }
  for (const [s] of fullNames) repeatType.set(s, 'PERSON');
  // A registered string starts with the token it is found at: its first one or two characters are the token's.
  const heads = new Set<string>();
  for (const s of repeatType.keys()) heads.add(s.slice(0, 1)).add(s.slice(0, 2));
  const added: Candidate[] = [];
  const tokens = input.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (covered[tok.start]) continue;
    if (!isUpperChar(tok.text[0])) continue;
    const head = tok.text.slice(0, 2);
    if (!heads.has(head) && !(isAllCapsWord(tok.text) && heads.has(titleCase(head)))) continue;
    // Longest registered string starting at this token (up to 6 tokens).
    let best: { end: number; type: EntityType } | null = null;
    let j = i;
    for (let k = 0; k < 6 && j < tokens.length && tokens[j].sentence === tok.sentence; k++, j++) {
      if (covered[tokens[j].start]) break;
      const span = text.slice(tok.start, tokens[j].end);
      let t = repeatType.get(span);
      // A name written in capitals (a headline, a dateline) that the document names in normal case: "GAZPROM" after "Gazprom".
      if (!t && isAllCapsWord(span)) {
        const known = repeatType.get(titleCase(span));
        if (known === 'PERSON' ? k === 0 : known && span.length >= 4) t = known;
      }
      if (t) best = { end: tokens[j].end, type: t };
    }
    if (!best) continue;
    // Whole-word only.
    const after = text[best.end] ?? ' ';
    if (/[\p{L}\p{N}]/u.test(after)) continue;
    const cand: Candidate = { start: tok.start, end: best.end, type: best.type, source: 'consistency', score: 0.6 };
    const s = text.slice(cand.start, cand.end);
    if (isAllCapsWord(s)) cand.canonical = titleCase(s);
    else if (shortOrg.has(s)) cand.canonical = shortOrg.get(s);
    added.push(cand);
    covered.fill(1, cand.start, cand.end);
  }
  return out.concat(added);
}

function isAllCapsWord(s: string): boolean {
  return s.length > 1 && s === s.toUpperCase() && s !== s.toLowerCase();
}
function titleCase(s: string): string {
  return s.replace(/\p{L}+/gu, (w) => w.charAt(0) + w.slice(1).toLowerCase());
}
