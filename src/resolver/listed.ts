// Names the open lists hold that no step tagged: the tagger reads list
// membership as evidence only, and leaves a company it never saw in training
// untagged ("The company sued Uber last month"). Here an untagged,
// capitalized, mid-sentence run that a list of organizations holds in full
// (S&P 500 companies, news outlets, universities, parties: data/generated/gazetteers.pack)
// becomes an ORG, unless its word is an ordinary word or a person's name in the
// lexicon ("Target", "Ford"), a legal-form suffix, or written in capitals.
// The long, noisy company-name list (@cspell/dict-companies: products, words)
// is left out. Measured with the shipped model (2026-12-02, strict F1): pooled
// unseen dev 0.7464 -> 0.7477 (ORG 0.7215 -> 0.7247), mean of the four splits
// 0.7294 -> 0.7298, UNER English-PUD 0.7638 -> 0.7639; with the cspell list
// too the pool rose less (0.7473) and the splits' mean fell (0.7292).

import type { AnalyzedText, Candidate } from '../types.js';
import { GAZ_CATEGORIES, MAX_PHRASE_TOKENS, phraseMask } from '../tagger/gazetteers.js';
import { lexicon } from '../recognizers/lexicon.js';
import { isUpperChar } from '../util/text.js';
import { companySuffixKind } from '../recognizers/orgs.js';

const ORG_LISTS: (typeof GAZ_CATEGORIES)[number][] = ['company', 'media', 'university', 'party'];
const MASK = ORG_LISTS.reduce((m, c) => m | (1 << GAZ_CATEGORIES.indexOf(c)), 0);

/** ORG spans for the untagged names the organization lists hold in full (see above); `spans` in text order. */
export function uncoveredListedNames(input: AnalyzedText, spans: Candidate[]): Candidate[] {
  const { tokens, text } = input;
  const lex = lexicon();
  const covered = new Uint8Array(tokens.length);
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (s < spans.length && spans[s].end <= tokens[i].start) s++;
    if (s < spans.length && spans[s].start < tokens[i].end) covered[i] = 1;
  }
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (covered[i] || !isUpperChar(t.text[0])) continue;
    // Sentence-initial capitals say nothing; so do lines in capitals.
    if (i === 0 || tokens[i - 1].sentence !== t.sentence || !/[\p{L}\p{N}]/u.test(tokens[i - 1].text) && (i < 2 || tokens[i - 2].sentence !== t.sentence)) continue;
    // The start of a capitalized run only: "Zealand" in an untagged "New Zealand general election" is no name of its own.
    if (isUpperChar(tokens[i - 1].text[0]) && text.slice(tokens[i - 1].end, t.start) === ' ') continue;
    let key = '';
    let best = -1;
    for (let n = i; n < tokens.length && n < i + MAX_PHRASE_TOKENS && !covered[n] && tokens[n].sentence === t.sentence; n++) {
      key = n === i ? tokens[n].text.toLowerCase() : `${key} ${tokens[n].text.toLowerCase()}`;
      if (!isUpperChar(tokens[n].text[0]) && n > i) {
        // Connectors inside a name ("Bank of America") are allowed, a name does not end with one.
        if (!lex.functionWords.has(tokens[n].text.toLowerCase())) break;
        continue;
      }
      if (phraseMask(key) & MASK) best = n;
    }
    if (best < 0) continue;
    // A whole word only; no name in capitals (headlines), no ordinary word or person's name alone.
    if (best + 1 < tokens.length && tokens[best + 1].start === tokens[best].end && /[\p{L}\p{N}]/u.test(tokens[best + 1].text)) continue;
    // The whole capitalized run, or nothing: a listed name that goes on is something else ("the Nasdaq Composite", "a Hyundai Genesis", "Xbox 360").
    const next = tokens[best + 1];
    if (next && next.sentence === t.sentence && text.slice(tokens[best].end, next.start) === ' ' && /^[\p{Lu}\p{N}]/u.test(next.text)) continue;
    const surface = text.slice(t.start, tokens[best].end);
    // Acronyms and codes in capitals ("CST", "CPI", "LLC") are as often no organization at all.
    if (!/\p{Ll}/u.test(surface)) continue;
    if (best === i) {
      const low = t.text.toLowerCase();
      if (low.length < 3 || companySuffixKind(t.text) || companySuffixKind(`${t.text}.`) || lex.common.has(low) || lex.functionWords.has(low) || lex.firstNames.has(low) || lex.lastNames.has(low) || lex.placeWords.has(low) || lex.demonyms.has(low) || lex.titles.has(low)) continue;
    }
    out.push({ start: t.start, end: tokens[best].end, type: 'ORG', source: 'lists', score: 0.5 });
    i = best;
  }
  return out;
}

/**
 * One-word PERSON spans that the same organization lists hold, and that the
 * lexicon knows neither as a given name, a surname nor an ordinary word, are
 * ORG: an unknown word before "said" or "'s" looks like a surname to the
 * tagger ("Meretz said", a party). Shipped model: CrossNER politics dev 0.7551
 * -> 0.7586, pooled unseen dev 0.7479 -> 0.7502, the other splits, the blind
 * set and UNER English-PUD unchanged; over every training and dev split 9
 * mentions right and 4 wrong (surnames the lexicon lacks: "Horton").
 */
export function listedOrgsNotPeople(text: string, spans: Candidate[]): Candidate[] {
  const lex = lexicon();
  return spans.map((c) => {
    if (c.type !== 'PERSON') return c;
    const s = text.slice(c.start, c.end);
    // One word with a lower-case letter: initials in capitals ("DF", "SD") are a person's more often than a listed acronym.
    if (!/^\p{Lu}[\p{L}\p{N}&'.-]*$/u.test(s) || !/\p{Ll}/u.test(s)) return c;
    const low = s.toLowerCase();
    if (lex.firstNames.has(low) || lex.lastNames.has(low) || lex.common.has(low)) return c;
    if (!(phraseMask(low) & MASK)) return c;
    return { ...c, type: 'ORG' };
  });
}
