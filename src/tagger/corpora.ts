// Converters: the allow-listed NER corpora (../shared/design/TRAINING-DATA.md)
// into documents in the gold format of ../shared/corpus/GUIDELINES.md, so that
// training, model selection and `dossier eval` all read one format and the
// tagger is trained on exactly the tokenization it sees at run time.
//
// Differences from our guidelines handled here, by rule (never by hand edits):
// - types: each corpus's labels map to PERSON / ORG / PLACE, the rest to O
//   (nationalities, MISC, events: O);
// - a leading "the"/"The" stays outside every span (the corpora differ; the
//   few registered names that keep it are the alias table's business);
// - titles and ranks stay outside PERSON spans; a
//   trailing possessive 's stays outside any span;
// - handles and hashtags (@CNN, #Brexit) are not entities;
// - UNER and wikigold tag countries and cities acting as governments as ORG;
//   our guidelines make them PLACE unless the sentence is about sport (a named
//   team is ORG): a corpus ORG whose text is a known country or large city is
//   relabelled PLACE outside sports sentences;
// - GUM annotates whole noun phrases, named or not ("the agency", "Professor
//   Cres Eastman", "the University of Chicago"): an entity is kept only when
//   its head is a proper noun, and only the proper-name run around the head.

import type { CorpusDocument, CorpusEntity, EntityType } from '../types.js';
import { lookupEntries } from '../data/gazetteer.js';
import { lexicon } from '../recognizers/lexicon.js';

export interface ConvertedToken {
  text: string;
  /** Our type, or '' for outside. */
  type: EntityType | '';
  /** True when this token starts an entity (B-), so that adjacent entities stay apart. */
  begin: boolean;
}

export interface ConvertedSentence {
  tokens: ConvertedToken[];
  /** The original sentence text when the corpus gives it (`# text = ...`). */
  text?: string;
}

const NO_SPACE_BEFORE = /^(?:[.,:;!?%)\]}]|'s|'S|’s|n't|'re|'ve|'ll|'d|'m)$/;
const NO_SPACE_AFTER = /^[(\[{$]$/;

/** Joins sentences into one document text, placing each token; sentences end with a line break. */
export function buildDocument(id: string, sentences: ConvertedSentence[]): CorpusDocument {
  let text = '';
  const entities: CorpusEntity[] = [];
  for (const s of sentences) {
    const offsets: [number, number][] = [];
    if (s.text !== undefined && alignable(s)) {
      let at = 0;
      const base = text.length;
      for (const t of s.tokens) {
        const i = s.text.indexOf(t.text, at);
        offsets.push([base + i, base + i + t.text.length]);
        at = i + t.text.length;
      }
      text += s.text;
    } else {
      s.tokens.forEach((t, i) => {
        if (i > 0 && !NO_SPACE_BEFORE.test(t.text) && !NO_SPACE_AFTER.test(s.tokens[i - 1].text)) text += ' ';
        offsets.push([text.length, text.length + t.text.length]);
        text += t.text;
      });
    }
    text += '\n';
    // Spans from the token labels.
    let i = 0;
    while (i < s.tokens.length) {
      const type = s.tokens[i].type;
      if (!type) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < s.tokens.length && s.tokens[j].type === type && !s.tokens[j].begin) j++;
      entities.push({ start: offsets[i][0], end: offsets[j - 1][1], type, text: '' });
      i = j;
    }
  }
  // Code-point offsets (the gold format) from the UTF-16 ones.
  const cp = codePointIndex(text);
  for (const e of entities) {
    e.text = text.slice(e.start, e.end);
    e.start = cp[e.start];
    e.end = cp[e.end];
  }
  // The corpora annotate people, organizations and places only: DATE is not scored on them.
  return { id, dct: '', text, entities, layers: ['PERSON', 'ORG', 'PLACE'] };
}

function alignable(s: ConvertedSentence): boolean {
  let at = 0;
  for (const t of s.tokens) {
    const i = s.text!.indexOf(t.text, at);
    if (i < 0) return false;
    at = i + t.text.length;
  }
  return true;
}

function codePointIndex(text: string): Uint32Array {
  const out = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    out[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      out[i + 1] = cp;
      i++;
    }
    cp++;
  }
  out[text.length] = cp;
  return out;
}

// ---- label mapping -------------------------------------------------------

const LABELS: Record<string, EntityType | ''> = {
  PER: 'PERSON', PERSON: 'PERSON', person: 'PERSON', politician: 'PERSON',
  ORG: 'ORG', organisation: 'ORG', organization: 'ORG', politicalparty: 'ORG',
  LOC: 'PLACE', GPE: 'PLACE', location: 'PLACE', country: 'PLACE', place: 'PLACE',
};

/** Maps a corpus label (without B-/I-) to our type, '' for everything else. */
export function mapLabel(label: string): EntityType | '' {
  return LABELS[label] ?? '';
}

// ---- guideline fixes on token sequences ----------------------------------

const SPORT_WORDS = new Set(
  ('match matches game games beat beats beaten defeat defeated defeats win wins won draw drew drawn score scored goal goals ' +
    'league cup season coach striker midfielder defender goalkeeper qualifier qualifiers tournament final semifinal ' +
    'quarterfinal championship team teams squad fixture innings wicket inning nba nfl nhl mlb fifa uefa olympic olympics ' +
    'playoff playoffs title victory vs v. points half-time halftime club clubs').split(' '),
);

function isSportSentence(tokens: ConvertedToken[]): boolean {
  return tokens.some((t) => SPORT_WORDS.has(t.text.toLowerCase()));
}

/** A country or a city large enough to be known by name alone. */
function isKnownPlace(name: string): boolean {
  return lookupEntries(name).some((e) => e.kind === 'country' || e.cls === 'state' || (e.kind === 'city' && e.population >= 500000));
}

/** Applies the guideline fixes listed at the top of this file to one sentence, in place. */
export function applyGuidelines(s: ConvertedSentence, opts: { orgPlaces: boolean }): void {
  const toks = s.tokens;
  const sport = opts.orgPlaces && isSportSentence(toks);
  let i = 0;
  while (i < toks.length) {
    const type = toks[i].type;
    if (!type) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < toks.length && toks[j].type === type && !toks[j].begin) j++;
    const clear = (a: number, b: number) => {
      for (let k = a; k < b; k++) toks[k] = { ...toks[k], type: '', begin: false };
    };
    // Handles and hashtags.
    if (/^[@#]/.test(toks[i].text) || (i > 0 && /^[@#]$/.test(toks[i - 1].text))) {
      clear(i, j);
      i = j;
      continue;
    }
    // Possessive 's at the end.
    let end = j;
    while (end > i && /^['’][sS]?$/.test(toks[end - 1].text)) end--;
    clear(end, j);
    // Leading determiner (lower case) and, for people, titles.
    let start = i;
    while (start < end && (toks[start].text === 'the' || toks[start].text === 'The' || (type === 'PERSON' && lexicon().titles.has(toks[start].text.toLowerCase().replace(/\.$/, ''))))) start++;
    if (start < end && /^[.,]$/.test(toks[start].text)) start++;
    clear(i, start);
    if (start < end) {
      toks[start] = { ...toks[start], begin: true };
      if (type === 'ORG' && opts.orgPlaces && !sport) {
        const name = toks.slice(start, end).map((t) => t.text).join(' ');
        if (isKnownPlace(name)) for (let k = start; k < end; k++) toks[k] = { ...toks[k], type: 'PLACE' };
      }
    }
    i = j;
  }
}

// ---- readers --------------------------------------------------------------

/**
 * CoNLL-style token-per-line files: UNER .iob2 (`# newdoc id`, `# text =`, columns
 * id, token, label), BTC and CrossNER (token, label), wikigold (token label, IOB1,
 * `-DOCSTART-`). Returns documents of sentences.
 */
export function readConll(
  raw: string,
  opts: { tokenCol: number; labelCol: number; sep: RegExp; docPerSentence?: boolean; iob1?: boolean },
): ConvertedSentence[][] {
  const docs: ConvertedSentence[][] = [];
  let doc: ConvertedSentence[] = [];
  let sent: ConvertedSentence = { tokens: [] };
  let prevLabel = 'O';
  const endSentence = () => {
    if (sent.tokens.length) {
      doc.push(sent);
      if (opts.docPerSentence) endDoc();
    }
    sent = { tokens: [] };
    prevLabel = 'O';
  };
  const endDoc = () => {
    if (doc.length) docs.push(doc);
    doc = [];
  };
  for (const line of raw.split('\n')) {
    const l = line.replace(/\r$/, '');
    if (l.startsWith('# newdoc')) {
      endSentence();
      endDoc();
      continue;
    }
    if (l.startsWith('# text = ')) {
      sent.text = l.slice(9);
      continue;
    }
    if (l.startsWith('#')) continue;
    if (!l.trim()) {
      endSentence();
      continue;
    }
    const cols = l.split(opts.sep);
    const token = cols[opts.tokenCol];
    const label = cols[opts.labelCol] ?? 'O';
    if (token === '-DOCSTART-') {
      endSentence();
      endDoc();
      continue;
    }
    if (token === undefined || token === '') continue;
    const m = /^([BIE])-(.+)$/.exec(label);
    const type = m ? mapLabel(m[2]) : '';
    const begin = !!m && (m[1] === 'B' || (opts.iob1 === true && prevLabel.slice(2) !== m[2]) || (!opts.iob1 && prevLabel.slice(2) !== m[2]));
    sent.tokens.push({ text: token, type, begin });
    prevLabel = m ? label : 'O';
  }
  endSentence();
  endDoc();
  return docs;
}

interface GumEntity {
  type: string;
  first: number;
  last: number;
  /** Minimal span (head) token positions, 1-based within the entity. */
  minspan: number[];
}

/**
 * GUM .conllu: entities from the MISC column's `Entity=` brackets. Returns the
 * documents as sentences with our labels on proper-name runs.
 */
export function readGum(raw: string): ConvertedSentence[] {
  const out: ConvertedSentence[] = [];
  let rows: string[][] = [];
  let text: string | undefined;
  const stack = new Map<string, { type: string; first: number; minspan: number[] }[]>();
  const flush = () => {
    if (!rows.length) return;
    const ents: GumEntity[] = [];
    rows.forEach((cols, idx) => {
      const misc = cols[9] ?? '_';
      const m = /(?:^|\|)Entity=([^|]*)/.exec(misc);
      if (!m) return;
      const spec = m[1];
      // Openings "(id-type-...-minspan-..." and closings "id)".
      const re = /\((\d+)-([a-z]+)-[^()]*?(?=\(|\)|$)|(?<!\d)(\d+)\)/g;
      let mm: RegExpExecArray | null;
      while ((mm = re.exec(spec)) !== null) {
        if (mm[1]) {
          const fields = mm[0].slice(1).split('-');
          const minspan = (fields[5] ?? '').split(',').map(Number).filter((n) => n > 0);
          const entry = { type: mm[2], first: idx, minspan };
          // A single-token entity closes in the same spec: "(3-...-Iodine)".
          const after = spec.slice(re.lastIndex);
          if (after.startsWith(')')) {
            ents.push({ ...entry, last: idx });
            re.lastIndex++;
          } else {
            if (!stack.has(mm[1])) stack.set(mm[1], []);
            stack.get(mm[1])!.push(entry);
          }
        } else if (mm[3]) {
          const open = stack.get(mm[3])?.pop();
          if (open) ents.push({ ...open, last: idx });
        }
      }
    });
    const tokens: ConvertedToken[] = rows.map((c) => ({ text: c[1], type: '', begin: false }));
    const upos = rows.map((c) => c[3]);
    // Longest first, so that nested names inside a name are not tagged.
    const named: { s: number; e: number; type: EntityType }[] = [];
    // Tokens that open an entity of their own: "and" never joins two of them ("Poland and Sweden" are two places).
    const opens = new Set(ents.filter((x) => mapLabel(x.type)).map((x) => x.first));
    const joins = (at: number, word: number) => !/^(?:and|&)$/.test(tokens[at].text) || !opens.has(word);
    for (const en of ents) {
      const type = mapLabel(en.type);
      if (!type) continue;
      // The head: GUM's minimal span lists every content word of the name ("University_of_Paris": 2,4); the head
      // is the one whose governor lies outside the entity ("University", not "Paris"), else the last of them.
      const mins = en.minspan.map((m) => en.first + m - 1);
      const outside = mins.filter((k) => {
        const g = Number(rows[k]?.[6]) - 1;
        return g < en.first || g > en.last;
      });
      const head = outside.length === 1 && type !== 'PERSON' ? outside[0] : en.first + (mins.length ? en.minspan[en.minspan.length - 1] - 1 : en.last - en.first);
      // An organization or place may have a capitalized common-noun head inside the name ("Andy Warhol Photographic Legacy Program").
      const capHead = type !== 'PERSON' && head > 0 && upos[head] === 'NOUN' && /^\p{Lu}/u.test(tokens[head].text) && head > en.first && /^\p{Lu}/u.test(tokens[head - 1].text);
      if (head < en.first || head > en.last || (upos[head] !== 'PROPN' && !capHead)) continue;
      // Groups of people ("Tatars", "Russians") are not names of a person.
      if (type === 'PERSON' && /(?:^|\|)Number=Plur/.test(rows[head][5] ?? '')) continue;
      if (lexicon().demonyms.has(tokens[head].text.toLowerCase())) continue;
      // The proper-name run around the head: PROPN (and NUM), joined by of/and/&/de/the inside.
      // Backwards over capitalized words ("United Kingdom": GUM tags "United" ADJ), never
      // over a determiner, and for people never over a title ("President Donald Trump").
      const capital = (k: number) => /^[\p{Lu}\p{N}]/u.test(tokens[k].text) && upos[k] !== 'DET' && upos[k] !== 'PRON';
      let s = head;
      for (;;) {
        if (s > en.first && capital(s - 1) && !(type === 'PERSON' && lexicon().titles.has(tokens[s - 1].text.toLowerCase().replace(/\.$/, '')))) s--;
        // Back over a joining word to the name's first part ("Association for | Computational Linguistics").
        else if (type !== 'PERSON' && s - 2 >= en.first && /^(?:of|and|&|for|on)$/.test(tokens[s - 1].text) && upos[s - 2] === 'PROPN' && joins(s - 1, s)) s -= 2;
        else if (type !== 'PERSON' && s - 3 >= en.first && tokens[s - 1].text === 'the' && /^(?:of|for|on)$/.test(tokens[s - 2].text) && upos[s - 3] === 'PROPN') s -= 3;
        else break;
      }
      let e = head;
      for (;;) {
        // Inside the entity, capitalized words continue an organization or place ("Center for Advanced Study": GUM tags "Advanced" ADJ).
        const word = (k: number) => upos[k] === 'PROPN' || (type !== 'PERSON' && capital(k));
        if (e + 1 <= en.last && (word(e + 1) || upos[e + 1] === 'NUM')) e++;
        else if (type === 'PERSON') break;
        else if (e + 2 <= en.last && /^(?:of|and|&|de|du|del|des|la|for|on)$/.test(tokens[e + 1].text) && word(e + 2) && joins(e + 1, e + 2)) e += 2;
        else if (e + 3 <= en.last && /^(?:of|for|on)$/.test(tokens[e + 1].text) && tokens[e + 2].text === 'the' && word(e + 3)) e += 3;
        else break;
      }
      named.push({ s, e, type });
    }
    named.sort((a, b) => b.e - b.s - (a.e - a.s) || a.s - b.s);
    const taken = new Uint8Array(tokens.length);
    for (const n of named) {
      let free = true;
      for (let k = n.s; k <= n.e; k++) if (taken[k]) free = false;
      if (!free) continue;
      for (let k = n.s; k <= n.e; k++) {
        taken[k] = 1;
        tokens[k] = { ...tokens[k], type: n.type, begin: k === n.s };
      }
    }
    out.push({ tokens, text });
    rows = [];
    text = undefined;
  };
  for (const line of raw.split('\n')) {
    if (line.startsWith('# text = ')) text = line.slice(9);
    else if (line.startsWith('#')) continue;
    else if (!line.trim()) flush();
    else {
      const cols = line.split('\t');
      if (/^\d+$/.test(cols[0])) rows.push(cols);
    }
  }
  flush();
  return out;
}
