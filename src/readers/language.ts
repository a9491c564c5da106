// The language of a document: its own declaration (a page's lang attribute, a
// record's language field) when it has one, else a guess from the text by
// franc-min (trigram profiles, 82 languages). Codes are ISO 639-1 ("en", "es")
// where one exists, else ISO 639-3. The recognizers are English-only, so
// documents in another language are skipped unless asked otherwise.

import { readFileSync } from 'node:fs';
import { dataPath } from '../util/paths.js';

type FrancAll = (typeof import('franc-min'))['francAll'];
/** franc-min, loaded the first time a text needs its guess: most English text never does (7 ms of start-up saved). */
let francAll: FrancAll | null = null;

interface LanguageFile {
  codes: Record<string, [string, string]>;
  englishFunctionWords: string[];
}

let table: { toShort: Map<string, string>; names: Map<string, string>; english: Set<string> } | null = null;

function load() {
  if (table) return table;
  const data = JSON.parse(readFileSync(dataPath('languages.json'), 'utf8')) as LanguageFile;
  const toShort = new Map<string, string>();
  const names = new Map<string, string>();
  for (const [long, [short, name]] of Object.entries(data.codes)) {
    toShort.set(long, short || long);
    names.set(short || long, name);
    names.set(long, name);
  }
  table = { toShort, names, english: new Set(data.englishFunctionWords) };
  return table;
}

/** "en-GB", "EN_us", "spa" -> "en", "en", "es"; '' for anything that is not a language tag. */
export function normalizeLanguage(tag: unknown): string {
  if (typeof tag !== 'string') return '';
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*\s*$/i.exec(tag);
  if (!m) return '';
  const code = m[1].toLowerCase();
  if (code === 'und' || code === 'zxx' || code === 'mul') return '';
  return code.length === 3 ? load().toShort.get(code) ?? code : code;
}

/** English name of a language code, or the code itself. */
export function languageName(code: string): string {
  return load().names.get(code) ?? code;
}

/** Letters needed before a guess is made: trigram guesses on a line or two are noise. */
const MIN_LETTERS = 80;
/** The guess reads this much of the text (a long archive document need not be read whole). */
const SAMPLE = 4000;

const WORD = /\p{L}+/gu;
/** Characters read for the English fast path. */
const FAST_SAMPLE = 1500;

/** Share of English function words above which a text is English with no further question. */
const ENGLISH_SHARE = 0.05;
/** A Latin-script text with fewer lowercase words than this is a list of names or headings, not prose: its language is not guessed. */
const MIN_LOWERCASE = 0.3;
/** English is kept when its trigram score is this close to the best language's (name-heavy English scores near Dutch or Ilocano). */
const ENGLISH_CLOSE = 0.95;

/**
 * The language of a text, '' when it cannot be told (too short, a list of
 * names). English needs no detector when its function words are frequent;
 * otherwise franc-min's trigram guess is taken only from prose, and English
 * keeps the benefit of a close call.
 */
export async function detectLanguage(text: string): Promise<string> {
  const quick = languageWithoutTrigrams(text);
  if (quick !== null) return quick;
  francAll ??= (await import('franc-min')).francAll;
  return trigramGuess(text);
}

/** The language when English function words or the script settle it, '' when the text cannot be told, null when the trigram guess must decide. */
function languageWithoutTrigrams(text: string): string | null {
  const { english: fw } = load();
  // English is usually settled by the first words; the trigram guess reads more.
  const head = text.length > FAST_SAMPLE ? text.slice(0, FAST_SAMPLE) : text;
  const headWords = head.toLowerCase().match(/[a-z]+/g) ?? [];
  let headEnglish = 0;
  for (const w of headWords) if (w.length <= 7 && fw.has(w)) headEnglish++;
  if (headWords.length >= 15 && headEnglish >= ENGLISH_SHARE * headWords.length) return 'en';
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const words = sample.match(WORD) ?? [];
  let letters = 0;
  let latin = 0;
  let english = 0;
  let cased = 0;
  let lower = 0;
  for (const w of words) {
    letters += w.length;
    const c = w.charCodeAt(0);
    if (c < 0x250) {
      latin += w.length;
      if (fw.has(w.toLowerCase())) english++;
      const first = w[0];
      if (first !== first.toUpperCase()) lower++;
      cased++;
    }
  }
  if (letters < MIN_LETTERS) return '';
  const mostlyLatin = latin >= letters / 2;
  if (mostlyLatin && english >= ENGLISH_SHARE * words.length) return 'en';
  if (mostlyLatin && lower < MIN_LOWERCASE * cased) return '';
  return null;
}

function trigramGuess(text: string): string {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const ranked = francAll!(sample, { minLength: 40 });
  const [top, topScore] = ranked[0] ?? ['und', 0];
  if (top === 'und') return '';
  const eng = ranked.find(([l]) => l === 'eng')?.[1] ?? 0;
  if (top === 'eng' || eng >= ENGLISH_CLOSE * topScore) return 'en';
  return normalizeLanguage(top);
}

/** Why a document is not run through the (English) recognizers; '' when it is. Unknown languages are run. */
export function languageSkipReason(language: string | undefined): string {
  if (!language || language === 'en') return '';
  return `language ${language} (${languageName(language)}), not English: not run through the English recognizers (--all-languages runs it)`;
}
