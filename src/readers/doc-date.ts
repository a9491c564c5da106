// A document's publication date as ISO YYYY-MM-DD, from whatever the input
// carries: ISO timestamps, "20150212" (the compact form of some meta tags),
// "2015/02/12", "Feb 12, 2015".

function validDay(y: string, m: string, d: string): string {
  const mo = Number(m);
  const da = Number(d);
  if (mo < 1 || mo > 12 || da < 1 || da > 31) return '';
  return `${y}-${m}-${d}`;
}

/** ISO date cut to the day; '' for anything that is not a date. */
export function normalizeDocDate(v: unknown): string {
  if (typeof v !== 'string' && typeof v !== 'number') return '';
  const s = String(v).trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  if (/^\d{4}-\d{2}$/.test(s) || /^\d{4}$/.test(s)) return '';
  const compact = /^((?:19|20)\d{2})(\d{2})(\d{2})(?:$|[T\s])/.exec(s);
  if (compact) return validDay(compact[1], compact[2], compact[3]);
  const slashed = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:$|[T\s])/.exec(s);
  if (slashed) return validDay(slashed[1], slashed[2].padStart(2, '0'), slashed[3].padStart(2, '0'));
  const t = Date.parse(s);
  if (!Number.isNaN(t) && /[a-z]/i.test(s)) return new Date(t).toISOString().slice(0, 10);
  return '';
}
