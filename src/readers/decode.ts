// Bytes -> text: BOMs, UTF-16, invalid UTF-8 as Windows-1252, binary detection.

const MAGIC: [string, number[]][] = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['gzip archive', [0x1f, 0x8b]],
  ['zip archive', [0x50, 0x4b, 0x03, 0x04]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
];

export class DecodeError extends Error {}

/** Decode a file's bytes to text, or throw DecodeError for binary content. */
export function decodeText(buf: Buffer): string {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  for (const [name, sig] of MAGIC) {
    if (buf.length >= sig.length && sig.every((b, i) => buf[i] === b)) throw new DecodeError(`binary file (${name}), skipped`);
  }
  const head = buf.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) throw new DecodeError('binary file (contains NUL bytes), skipped');
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (head.length > 0 && control / head.length > 0.1) throw new DecodeError('binary file (mostly control bytes), skipped');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    // Not UTF-8: legacy single-byte text (Latin-1 / Windows-1252) is the common case in archives.
    text = new TextDecoder('windows-1252').decode(buf);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
