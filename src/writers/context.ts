// The sentence around a mention, whitespace collapsed, for the context column.
export function contextFor(text: string, sentStart: number, sentEnd: number, maxLen = 400): string {
  // A long sentence: collapse only a window that yields more than maxLen characters (whitespace runs shrink).
  const window = sentEnd - sentStart > maxLen * 8 ? text.slice(sentStart, sentStart + maxLen * 8).replace(/\s+/g, ' ').trimStart() : '';
  let s = window.length > maxLen ? window : text.slice(sentStart, sentEnd).replace(/\s+/g, ' ').trim();
  if (s.length > maxLen) s = `${s.slice(0, maxLen - 1)}…`;
  return s;
}
