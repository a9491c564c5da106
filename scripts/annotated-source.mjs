// Parser for the annotated article sources (fixtures/annotated/, fixtures/blind/annotated/).
// Format: header lines (id, dct, title, format, genre), a --- line, then the body with inline
// annotations [[surface|TYPE]], [[surface|TYPE|canonical]], [[surface|DATE|value]].
// parse() returns { header, text, entities } with code-point offsets, checked against the text.

const TYPES = new Set(['PERSON', 'ORG', 'PLACE', 'DATE']);
const MARK = /\[\[([^\]|]+)\|([A-Z]+)(?:\|([^\]]*))?\]\]/g;

export function normalizeCase(s) {
  if (s !== s.toUpperCase() || s === s.toLowerCase()) return s;
  const multi = /\s/.test(s.trim());
  return s.replace(/\p{L}+/gu, (w) => (!multi && w.length <= 3 ? w : w[0] + w.slice(1).toLowerCase()));
}

export function parse(raw, file) {
  const sep = raw.indexOf('\n---\n');
  if (sep < 0) throw new Error(`${file}: missing the --- line between header and body`);
  const header = Object.fromEntries(
    raw
      .slice(0, sep)
      .split('\n')
      .map((l) => l.match(/^(\w+):\s*(.*)$/))
      .filter(Boolean)
      .map((m) => [m[1], m[2].trim()]),
  );
  for (const k of ['id', 'dct', 'title', 'format']) if (!header[k]) throw new Error(`${file}: header needs "${k}:"`);
  const body = raw.slice(sep + 5).replace(/\s+$/, '');
  let text = '';
  let cp = 0;
  let last = 0;
  const entities = [];
  for (const m of body.matchAll(MARK)) {
    const before = body.slice(last, m.index);
    text += before;
    cp += Array.from(before).length;
    const [, surface, type, extra] = m;
    if (!TYPES.has(type)) throw new Error(`${file}: unknown type ${type} in ${m[0]}`);
    const len = Array.from(surface).length;
    const e = { start: cp, end: cp + len, type, text: surface };
    if (type === 'DATE') {
      if (!extra) throw new Error(`${file}: DATE ${m[0]} needs a value`);
      e.value = extra;
    } else e.canonical = extra || (type === 'ORG' ? surface : normalizeCase(surface));
    entities.push(e);
    text += surface;
    cp += len;
    last = m.index + m[0].length;
  }
  text += body.slice(last);
  if (text.includes('[[') || text.includes(']]')) throw new Error(`${file}: malformed annotation near "${text.slice(text.indexOf('[['), text.indexOf('[[') + 40)}"`);
  const cps = Array.from(text);
  for (const e of entities) if (cps.slice(e.start, e.end).join('') !== e.text) throw new Error(`${file}: offset mismatch for ${e.text}`);
  return { header, text, entities };
}
