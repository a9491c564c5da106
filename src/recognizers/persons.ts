// PERSON candidates from runs of capitalized tokens, scored by evidence:
// a known first name, a preceding title or role noun, a following speech verb,
// a byline. Titles are cut off the span (GUIDELINES: "President Donald Trump"
// -> "Donald Trump"); possessive 's is a separate token and never included.
// Document-level propagation (a surname alone after a full name) is the
// resolver's job, because it needs every recognizer's output.

import type { AnalyzedText, Candidate, Recognizer, Token } from '../types.js';
import { lexicon } from './lexicon.js';
import { isAllCaps, isLetter, isUpperChar } from '../util/text.js';

const PARTICLES = new Set([
  'de', 'da', 'di', 'du', 'del', 'della', 'der', 'den', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'dos', 'das', 'ter', 'zu', 'y',
]);
const PARTICLE_PREFIX = /^(?:al|el|bin|ibn|abu|ben|de|da|di|van|von|d|o|mc|mac)[-‐'’]\p{Lu}/u;
const SPEECH_VERBS = new Set([
  'said', 'says', 'told', 'tells', 'added', 'adds', 'wrote', 'writes', 'asked', 'asks', 'argued', 'argues', 'noted',
  'explained', 'recalled', 'insisted', 'warned', 'claimed', 'stated', 'testified', 'announced', 'replied', 'denied',
  'admitted', 'confirmed', 'believes', 'believed', 'thinks', 'thought', 'stressed', 'acknowledged', 'described', 'who',
]);
// Auxiliaries and a possessive follow any subject ("Zorblax is expanding", "Quentary's shares"): evidence for a
// name that is already a name, never enough to make an unknown single word a person.
const AUXILIARIES = new Set(['has', 'had', 'was', 'is', 'will', 'would', '’s', "'s"]);
const BYLINE_WORDS = new Set(['by', 'photo', 'photograph', 'credit', 'reporting', 'editing', 'writing', 'contact']);

interface LineMode {
  caps: boolean; // ALL CAPS line (bylines, datelines)
  headline: boolean; // Title Case line
}

function lineMode(tokens: Token[], from: number, to: number): LineMode {
  let words = 0;
  let caps = 0;
  let upperAll = 0;
  let lowerFunc = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i].text;
    if (!isLetter(t[0])) continue;
    words++;
    if (isUpperChar(t[0])) caps++;
    if (isAllCaps(t)) upperAll++;
    else if (t.length <= 4 && !isUpperChar(t[0])) lowerFunc++;
  }
  return {
    // ALL CAPS lines, allowing one lower-case lead-in word ("By JANE DOE").
    caps: upperAll >= 1 && upperAll >= words - 1 && (upperAll >= 2 || words === 1) && words <= 12,
    headline: words >= 4 && caps >= words - lowerFunc && caps / words >= 0.6 && to - from < 25,
  };
}

/** Find PERSON candidates in an analyzed text. */
export function findPersons(input: AnalyzedText): Candidate[] {
  const lex = lexicon();
  const { tokens, text } = input;
  const out: Candidate[] = [];
  let sentStart = 0;
  while (sentStart < tokens.length) {
    const si = tokens[sentStart].sentence;
    let sentEnd = sentStart;
    while (sentEnd < tokens.length && tokens[sentEnd].sentence === si) sentEnd++;
    const mode = lineMode(tokens, sentStart, sentEnd);
    let i = sentStart;
    while (i < sentEnd) {
      if (!isNameToken(tokens, i, sentEnd, mode)) {
        i++;
        continue;
      }
      let j = i;
      while (j < sentEnd && (isNameToken(tokens, j, sentEnd, mode) || isInnerParticle(tokens, j, sentEnd, mode) || isInitialDot(tokens, j) || isInnerInitials(tokens, j, sentEnd, mode))) j++;
      // Trailing dots belong to initials only when followed by more name.
      while (j > i && tokens[j - 1].text === '.') j--;
      scoreRun(input, i, j, sentStart, sentEnd, mode, lex, out);
      i = j;
    }
    sentStart = sentEnd;
  }
  return out;

  function isInitialDot(toks: Token[], k: number): boolean {
    return toks[k].text === '.' && k > 0 && toks[k - 1].text.length === 1 && isUpperChar(toks[k - 1].text) && toks[k - 1].end === toks[k].start;
  }
  function isInnerParticle(toks: Token[], k: number, end: number, mode: LineMode): boolean {
    if (!PARTICLES.has(toks[k].text) || text[toks[k].end] !== ' ' || k + 1 >= end) return false;
    // "von der Leyen": a particle may follow another one.
    if (PARTICLES.has(toks[k + 1].text)) return k + 2 < end && text[toks[k + 1].end] === ' ' && isNameToken(toks, k + 2, end, mode);
    return isNameToken(toks, k + 1, end, mode);
  }
  /** Dotted initials inside a name ("George H.W. Bush"), never opening one ("U.S. envoy"). */
  function isInnerInitials(toks: Token[], k: number, end: number, mode: LineMode): boolean {
    return k > 0 && /^(?:\p{Lu}\.){2,3}$/u.test(toks[k].text) && isNameToken(toks, k - 1, end, mode) && k + 1 < end && isNameToken(toks, k + 1, end, mode);
  }
}

function isNameToken(tokens: Token[], k: number, end: number, mode: LineMode): boolean {
  const t = tokens[k].text;
  if (!isLetter(t[0])) return false;
  if (PARTICLE_PREFIX.test(t)) return true;
  if (!isUpperChar(t[0])) return false;
  if (t.length === 1) return k + 1 < end && tokens[k + 1].text === '.'; // initial
  // ALL CAPS words inside mixed-case text are acronyms (CIA), not names.
  if (isAllCaps(t) && !mode.caps) return false;
  return /^[\p{L}\p{M}'’\-‐]+$/u.test(t);
}

function titleCase(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}

function scoreRun(
  input: AnalyzedText,
  from: number,
  to: number,
  sentStart: number,
  sentEnd: number,
  mode: LineMode,
  lex: ReturnType<typeof lexicon>,
  out: Candidate[],
): void {
  const { tokens } = input;
  // A name is a few words; long capitalized runs (tables, headlines in capitals) are not scanned word by word.
  if (to - from > 12) return;
  const lower = (k: number) => tokens[k].text.toLowerCase();
  let a = from;
  let hadTitle = false;
  // Cut everything up to the last title word: "KGB Colonel Vitaly Yurchenko", "Russian President Vladimir Putin".
  for (let k = from; k < to; k++) {
    const w = lower(k).replace(/\.$/, '');
    // A title word that ends the run is a surname ("Martin Luther King"), not a title.
    if (k < to - 1 && lex.titles.has(w) && !(lex.firstNames.has(w) && k > from)) {
      a = k + 1;
      hadTitle = true;
      if (a < to && tokens[a].text === '.') a++;
    }
  }
  // A title just before the run: "said Gen. Ivanov", "by coach Smith".
  if (!hadTitle && from > sentStart) {
    let p = from - 1;
    if (tokens[p].text === '.' && p > sentStart) p--;
    const w = lower(p);
    if (lex.titles.has(w) || lex.roleNouns.has(w)) hadTitle = true;
  }
  // Sentence-initial ordinary words are capitalized for grammar, not names.
  while (a < to && (a === sentStart || isAfterOpener(tokens, a, sentStart)) && isOrdinary(lower(a), lex) && !lex.firstNames.has(lower(a))) a++;
  // Function words ("But", "In") open the run only by grammar; a capitalized particle
  // before a name ("De Smet", "Van Dyck") belongs to it.
  while (a < to && lex.functionWords.has(lower(a)) && !(PARTICLES.has(lower(a)) && a + 1 < to && a > sentStart)) a++;
  // Nationality adjectives before a name ("Russian Boris Bondarev").
  while (a < to - 1 && lex.demonyms.has(lower(a))) a++;
  let b = to;
  while (b > a && (tokens[b - 1].text === '.' || PARTICLES.has(tokens[b - 1].text))) b--;
  // A name glued to a preceding capitalized phrase ("Central Intelligence Richard
  // Helms", "Wagner Group Yevgeny Prigozhin"): start at the first known first
  // name when the words before it are ordinary words or places.
  for (let k = a + 1; k < b - 1; k++) {
    if (!lex.firstNames.has(lower(k))) continue;
    let glue = false;
    for (let q = a; q < k; q++) {
      const w = lower(q);
      if ((isOrdinary(w, lex) || lex.placeWords.has(w)) && !lex.firstNames.has(w)) glue = true;
    }
    if (glue) {
      a = k;
      break;
    }
  }
  const n = b - a;
  if (n <= 0 || n > 5) return;

  const words: string[] = [];
  for (let k = a; k < b; k++) if (tokens[k].text !== '.' && !PARTICLES.has(tokens[k].text)) words.push(tokens[k].text);
  if (words.length === 0) return;
  const lw = words.map((w) => (mode.caps ? w.toLowerCase() : w.toLowerCase()));
  const first = lw[0];
  const last = lw[lw.length - 1];
  const firstIsName = lex.firstNames.has(first) || (lex.personWords.has(first) && words.length > 1);
  const lastIsSurname = lex.lastNames.has(last) || lex.personWords.has(last);
  let ordinary = 0;
  let places = 0;
  for (const w of lw) {
    if (isOrdinary(w, lex) && !lex.firstNames.has(w) && !lex.lastNames.has(w)) ordinary++;
    if (lex.placeWords.has(w) || lex.demonyms.has(w)) places++;
  }
  const next = b < sentEnd ? lower(b) : '';
  const next2 = b + 1 < sentEnd ? lower(b + 1) : '';
  const speech = SPEECH_VERBS.has(next) || (next === ',' && (next2 === 'who' || SPEECH_VERBS.has(next2)));
  const aux = speech || AUXILIARIES.has(next) || (next === ',' && AUXILIARIES.has(next2));
  const prev = a > sentStart ? lower(a - 1) : '';
  const byline = BYLINE_WORDS.has(prev) || (prev === ':' && a >= 2 && BYLINE_WORDS.has(lower(a - 2)));
  const multi = words.length >= 2;
  // A nationality or place word alone is never a person ("former Russian double agent").
  if (!multi && places > 0) return;
  let score = 0;
  if (multi && firstIsName && ordinary === 0) score = 0.75;
  else if (multi && firstIsName && ordinary < words.length - 1) score = 0.55;
  else if (multi && hadTitle && ordinary === 0) score = 0.7;
  else if (multi && (byline || aux) && ordinary === 0 && places === 0) score = 0.6;
  else if (multi && lastIsSurname && ordinary === 0 && places === 0) score = 0.55;
  else if (multi && ordinary === 0 && places === 0 && !mode.headline) score = 0.35;
  else if (!multi && hadTitle && ordinary === 0) score = 0.6;
  else if (!multi && (lex.personWords.has(first) || lex.knownSurnames.has(first)) && ordinary === 0 && places === 0 && (aux || !mode.headline)) score = 0.45;
  else if (!multi && speech && ordinary === 0 && places === 0 && !mode.headline && a !== sentStart) score = 0.4;
  else if (!multi && firstIsName && ordinary === 0 && places === 0 && aux) score = 0.4;
  if (score === 0) return;
  if (mode.caps) score = Math.min(score, firstIsName ? 0.6 : 0.3);
  const start = tokens[a].start;
  const end = tokens[b - 1].end;
  const cand: Candidate = { start, end, type: 'PERSON', source: 'persons', score };
  if (mode.caps) cand.canonical = words.map(titleCase).join(' ');
  out.push(cand);
}

function isAfterOpener(tokens: Token[], k: number, sentStart: number): boolean {
  if (k === sentStart) return true;
  const p = tokens[k - 1].text;
  return k - 1 === sentStart && /^["“‘'(\[—–-]$/.test(p);
}

function isOrdinary(w: string, lex: ReturnType<typeof lexicon>): boolean {
  return lex.common.has(w) || lex.functionWords.has(w);
}

export const personRecognizer: Recognizer = {
  name: 'persons',
  recognize: findPersons,
};
