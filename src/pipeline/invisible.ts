// Characters that do not show but split words for every lookup: the soft
// hyphen (U+00AD, left by hyphenating CMSs: "Ber­lin"), zero-width space,
// non-joiner and joiner (U+200B-U+200D), word joiner (U+2060) and the
// byte-order mark used as a zero-width no-break space (U+FEFF). The pipeline
// runs on the text without them, so tokens, lexicons, gazetteers, the alias
// table and the tagger see whole words; offsets are mapped back so that spans
// cover the original characters (the invisible ones inside included).

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const INVISIBLE_ALL = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

export interface VisibleText {
  /** The text without invisible characters. */
  text: string;
  /** origAt[i] = index in the original text of the visible text's UTF-16 unit i; origAt[text.length] = original length. */
  origAt: Uint32Array;
}

/** The text without invisible characters and the way back to original offsets; null when it has none (the usual case: one native scan). */
export function withoutInvisibles(text: string): VisibleText | null {
  if (!INVISIBLE.test(text)) return null;
  const clean = text.replace(INVISIBLE_ALL, '');
  const origAt = new Uint32Array(clean.length + 1);
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) continue;
    origAt[j++] = i;
  }
  origAt[clean.length] = text.length;
  return { text: clean, origAt };
}

/** A [start, end) span of the visible text as a span of the original: invisible characters inside stay inside, those at its edges outside. */
export function originalSpan(v: VisibleText, start: number, end: number): { start: number; end: number } {
  if (end <= start) return { start: v.origAt[start], end: v.origAt[start] };
  return { start: v.origAt[start], end: v.origAt[end - 1] + 1 };
}
