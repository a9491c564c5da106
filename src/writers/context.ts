// The sentence around a mention, whitespace collapsed, for the context column.
export function contextFor(text: string, sentStart: number, sentEnd: number, maxLen = 400): string {
  let s = text.slice(sentStart, sentEnd).replace(/\s+/g, ' ').trim();
  if (s.length > maxLen) s = `${s.slice(0, maxLen - 1)}…`;
  return s;
}
