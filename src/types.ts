// The typed contract between the pipeline's stages.
//
// readers -> recognizers -> resolver -> normalizers -> linker -> writers
//
// Inside the pipeline every offset is a JavaScript string index (UTF-16 code
// units), because that is what every library and RegExp gives. Offsets are
// converted to Unicode code points exactly once, when mentions leave the
// pipeline (see src/pipeline/offsets.ts), so writers and eval see code points.

export type EntityType = 'PERSON' | 'ORG' | 'PLACE' | 'DATE';
export const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'PLACE', 'DATE'];

/** One article, as a reader produced it. */
export interface Document {
  /** Stable document id: the input's id field, else the path relative to the argument. */
  id: string;
  /** Where it came from: a file path, with `:line` / `:row` for JSONL and CSV records, or `-` for stdin. */
  source: string;
  title: string;
  /** Publication date, ISO `YYYY-MM-DD` (or a longer ISO timestamp cut to the day); '' when unknown. */
  date: string;
  /** The plain text that offsets refer to. */
  text: string;
  /** Page metadata (empty or absent when the input has none): canonical URL, author(s), publication, language. */
  url?: string;
  byline?: string;
  site_name?: string;
  /** ISO 639-1 code ("en", "es"): the page's or record's own, else detected from the text; '' when unknown. */
  language?: string;
  /** Where `date` came from: "json-ld datePublished", "meta article:published_time", "--date", ... */
  date_source?: string;
  /** Something the reader doubts: a fallback extraction, a short article. */
  warning?: string;
}

/** A document that could not be read or parsed; it still gets a row in documents with status=error. */
export interface ReadFailure {
  id: string;
  source: string;
  error: string;
}

export type ReadResult = { ok: true; doc: Document } | { ok: false; failure: ReadFailure };

/** A candidate span proposed by a recognizer (UTF-16 offsets into Document.text). */
export interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  /** Name of the recognizer that proposed it ("gazetteer", "dates", ...). */
  source: string;
  /** Higher wins in overlap resolution; gazetteer/definition matches are strong, guesses weak. */
  score: number;
  /** Optional canonical name known at recognition time (e.g. from the alias table). */
  canonical?: string;
}

/** The normalized meaning of a DATE mention. */
export interface DateValue {
  /** TIMEX3-style value: 2023, 2023-07, 2023-07-19, 196X, 2023-SU, 2015-W12, PAST_REF ... ('' if unknown). */
  value: string;
  /** First and last ISO day covered ('' when not a calendar range, e.g. PAST_REF). */
  dateStart: string;
  dateEnd: string;
  /** True when the expression is relative and the document has no date to resolve it against. */
  needsAnchor: boolean;
}

/** Where a PLACE mention was resolved in the gazetteer. */
export interface PlaceInfo {
  placeKind: 'country' | 'region' | 'city' | 'other' | '';
  countryCode: string;
  latitude: number | null;
  longitude: number | null;
  geonamesId: string;
  /** Canonical place name from the gazetteer (e.g. "United States" for "U.S."). */
  name: string;
}

/** A resolved mention inside the pipeline (UTF-16 offsets). */
export interface Mention {
  start: number;
  end: number;
  type: EntityType;
  text: string;
  canonical: string;
  /** Name the cross-document entity id derives from (the alias table's or gazetteer's name when known). */
  key?: string;
  date?: DateValue;
  place?: PlaceInfo;
  /** ORG with a generic name: the place the text ties it to ("U.S." Supreme Court -> "United States"); written in `value`. */
  qualifier?: string;
  /** Index of the sentence (0-based) that holds the mention. */
  sentence: number;
}

/** A sentence as [start, end) UTF-16 offsets. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/** What the recognizers see: the document plus shared analysis computed once. */
export interface AnalyzedText {
  doc: Document;
  text: string;
  sentences: SentenceSpan[];
  tokens: Token[];
}

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Index of the sentence that holds the token. */
  sentence: number;
}

/** A stage that proposes spans. Recognizers never see each other's output. */
export interface Recognizer {
  readonly name: string;
  recognize(input: AnalyzedText): Candidate[];
}

/** A mention as it leaves the pipeline: code-point offsets, ids, context. */
export interface OutputMention {
  doc_id: string;
  mention_id: string;
  entity_id: string;
  type: EntityType;
  text: string;
  start: number;
  end: number;
  canonical: string;
  value: string;
  date_start: string;
  date_end: string;
  needs_anchor: boolean;
  place_kind: string;
  country_code: string;
  latitude: number | null;
  longitude: number | null;
  geonames_id: string;
  sentence: number;
  context: string;
}

export interface OutputDocument {
  doc_id: string;
  source: string;
  title: string;
  date: string;
  chars: number;
  persons: number;
  orgs: number;
  dates: number;
  places: number;
  /** `skipped`: not run through the recognizers (a language other than English); the reason is in `warning`. */
  status: 'ok' | 'error' | 'skipped';
  error: string;
  warning: string;
  url: string;
  byline: string;
  site_name: string;
  language: string;
  date_source: string;
  /** Only in documents.jsonl / documents.json. */
  text?: string;
}

export interface OutputEntity {
  entity_id: string;
  type: EntityType;
  canonical: string;
  aliases: string;
  mention_count: number;
  document_count: number;
  first_date: string;
  last_date: string;
  place_kind: string;
  country_code: string;
  latitude: number | null;
  longitude: number | null;
  geonames_id: string;
  /** Document-local names linked into this entity, each with the rule that linked it: "Clinton (surname)". */
  merged_from: string;
  /** Other entities a name of this one could also refer to (a surname two full names share), joined with ` | `. */
  ambiguous_with: string;
}

/** A gold or predicted entity in the corpus format of shared/corpus/GUIDELINES.md (code points). */
export interface CorpusEntity {
  start: number;
  end: number;
  type: EntityType;
  text: string;
  canonical?: string;
  value?: string;
  /** Gold only: the archive referent the mention belongs to, for scoring cross-document linking (fixtures/linking). */
  link?: string;
}

/** A document in the corpus format (one line of a gold .jsonl file). */
export interface CorpusDocument {
  id: string;
  dct?: string;
  title?: string;
  source?: string;
  text: string;
  entities: CorpusEntity[];
  layers?: EntityType[];
}
