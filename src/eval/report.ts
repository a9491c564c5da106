// Readable tables and error lists for `dossier eval`.

import type { EvalError, EvalReport, ErrorKind } from './score.js';

const f3 = (x: number) => x.toFixed(3);
const ROWS = ['PERSON', 'ORG', 'PLACE', 'DATE', 'ALL'] as const;

export function formatTable(r: EvalReport, label = 'dossier'): string {
  const lines = [
    `${label}: ${r.documents} documents, ${r.support.ALL} gold mentions`,
    '',
    'type      strict P  strict R  strict F1 | lenient P lenient R lenient F1 | support',
  ];
  for (const t of ROWS) {
    const s = r.strict[t];
    const l = r.lenient[t];
    lines.push(
      `${t.padEnd(8)}  ${f3(s.precision).padStart(8)}  ${f3(s.recall).padStart(8)}  ${f3(s.f1).padStart(9)} | ${f3(l.precision).padStart(9)} ${f3(l.recall).padStart(9)} ${f3(l.f1).padStart(10)} | ${String(r.support[t]).padStart(7)}`,
    );
  }
  lines.push('');
  lines.push(`DATE value accuracy:  ${f3(r.dateValue.accuracy)} (${r.dateValue.correct}/${r.dateValue.total} strictly matched dates)`);
  lines.push(
    `canonical accuracy:   ${f3(r.canonical.ALL.accuracy)} (${r.canonical.ALL.correct}/${r.canonical.ALL.total}; PERSON ${f3(r.canonical.PERSON.accuracy)}, ORG ${f3(r.canonical.ORG.accuracy)}, PLACE ${f3(r.canonical.PLACE.accuracy)})`,
  );
  return lines.join('\n');
}

const KIND_TITLES: Record<ErrorKind, string> = {
  false_positive: 'False positives (predicted, not in gold)',
  false_negative: 'False negatives (in gold, not predicted)',
  wrong_type: 'Wrong type (same span)',
  wrong_boundary: 'Wrong boundary (overlapping span, same type)',
  wrong_value: 'Wrong DATE value',
  wrong_canonical: 'Wrong canonical name',
};

function describe(e: EvalError): string {
  const g = e.gold;
  const p = e.pred;
  switch (e.kind) {
    case 'false_positive':
      return `${p!.type} "${p!.text}"`;
    case 'false_negative':
      return `${g!.type} "${g!.text}"`;
    case 'wrong_type':
      return `"${g!.text}" gold ${g!.type}, predicted ${p!.type}`;
    case 'wrong_boundary':
      return `${g!.type} gold "${g!.text}", predicted "${p!.text}"`;
    case 'wrong_value':
      return `"${g!.text}" gold ${g!.value}, predicted ${p!.value || '(empty)'}`;
    case 'wrong_canonical':
      return `${g!.type} "${g!.text}" gold "${g!.canonical}", predicted "${p!.canonical}"`;
  }
}

export function formatErrors(r: EvalReport): string {
  const out: string[] = [];
  for (const kind of Object.keys(KIND_TITLES) as ErrorKind[]) {
    const errs = r.errors.filter((e) => e.kind === kind);
    if (errs.length === 0) continue;
    out.push('', `== ${KIND_TITLES[kind]}: ${errs.length}`);
    const groups = new Map<string, EvalError[]>();
    for (const e of errs) {
      const k = describe(e);
      const g = groups.get(k);
      if (g) g.push(e);
      else groups.set(k, [e]);
    }
    const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
    for (const [k, list] of sorted) {
      out.push(`${String(list.length).padStart(4)}  ${k}`);
      for (const e of list.slice(0, 3)) out.push(`        ${e.doc_id}: …${e.context}…`);
    }
  }
  return out.join('\n');
}
