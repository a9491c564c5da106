// SQLite sink: one database file with documents, mentions, entities and
// cooccurrences, keys, indexes, and a full-text index over the articles, for
// Datasette, DB Browser or sqlite3. Written under a temporary name, in one
// transaction per batch, and renamed into place only when complete.

import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import type { OutputDocument, OutputMention } from '../types.js';
import type { EntityTable } from '../linker/aggregate.js';
import { Relinker } from '../linker/relink.js';
import { typedValue, type TableWriter } from './index.js';
import { OutputExistsError, type OutputSink } from './sink.js';

const SCHEMA = `
CREATE TABLE documents (
  doc_seq INTEGER PRIMARY KEY,          -- input order
  doc_id TEXT NOT NULL UNIQUE,
  source TEXT, title TEXT, date TEXT, chars INTEGER,
  persons INTEGER, orgs INTEGER, dates INTEGER, places INTEGER,
  status TEXT, error TEXT, warning TEXT,
  url TEXT, byline TEXT, site_name TEXT, language TEXT, date_source TEXT, text TEXT
);
CREATE TABLE entities (
  entity_id TEXT PRIMARY KEY,
  type TEXT NOT NULL, canonical TEXT, aliases TEXT,
  mention_count INTEGER, document_count INTEGER, first_date TEXT, last_date TEXT,
  place_kind TEXT, country_code TEXT, latitude REAL, longitude REAL, geonames_id INTEGER,
  merged_from TEXT, ambiguous_with TEXT
);
CREATE TABLE mentions (
  mention_id TEXT PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(doc_id),
  entity_id TEXT REFERENCES entities(entity_id),  -- NULL for vague dates (PAST_REF, PRESENT_REF, FUTURE_REF)
  type TEXT NOT NULL, text TEXT, start INTEGER, "end" INTEGER, canonical TEXT,
  value TEXT, date_start TEXT, date_end TEXT, needs_anchor INTEGER,
  place_kind TEXT, country_code TEXT, latitude REAL, longitude REAL, geonames_id INTEGER,
  sentence INTEGER, context TEXT
);
CREATE TABLE cooccurrences (
  entity_a TEXT NOT NULL REFERENCES entities(entity_id),
  entity_b TEXT NOT NULL REFERENCES entities(entity_id),
  documents INTEGER, sentences INTEGER,
  PRIMARY KEY (entity_a, entity_b)
);
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='doc_seq');
`;

const INDEXES = `
CREATE INDEX mentions_entity_id ON mentions(entity_id);
CREATE INDEX mentions_doc_id ON mentions(doc_id);
CREATE INDEX mentions_type ON mentions(type);
CREATE INDEX mentions_value ON mentions(value);
CREATE INDEX entities_type ON entities(type);
CREATE INDEX cooccurrences_entity_b ON cooccurrences(entity_b);
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
`;

const BATCH = 2000;

/** Bind parameters for a row: missing values (undefined, '') are NULL, integer columns integers, booleans 0/1. */
function params(row: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'boolean' ? (v ? 1 : 0) : typedValue(k, v);
  return out;
}

export function createSqliteSink(path: string, opts: { force: boolean }): OutputSink {
  if (existsSync(path) && !opts.force) {
    throw new OutputExistsError(`${path} already exists; use --force to overwrite it or choose another file`);
  }
  const tmp = `${path}.tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  const db = new Database(tmp);
  // The file is renamed into place only when complete, so durability of the temporary file does not matter.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  // Mentions arrive before the entities they point to (those are aggregated at the end); the keys are checked by the tests.
  db.pragma('foreign_keys = OFF');
  db.exec(SCHEMA);
  const insertDoc = db.prepare(
    `INSERT INTO documents (doc_id, source, title, date, chars, persons, orgs, dates, places, status, error, warning,
       url, byline, site_name, language, date_source, text)
     VALUES (@doc_id, @source, @title, @date, @chars, @persons, @orgs, @dates, @places, @status, @error, @warning,
       @url, @byline, @site_name, @language, @date_source, @text)`,
  );
  const insertMention = db.prepare(
    `INSERT INTO mentions VALUES (@mention_id, @doc_id, @entity_id, @type, @text, @start, @end, @canonical, @value, @date_start,
     @date_end, @needs_anchor, @place_kind, @country_code, @latitude, @longitude, @geonames_id, @sentence, @context)`,
  );
  let pending: (() => void)[] = [];
  const flush = db.transaction(() => {
    for (const f of pending) f();
  });
  const commit = () => {
    if (pending.length === 0) return;
    flush();
    pending = [];
  };
  const writer = <T>(insert: (row: T) => void): TableWriter<T> => ({
    write(row: T) {
      pending.push(() => insert(row));
      if (pending.length >= BATCH) commit();
    },
    async ready() {},
    async end() {
      commit();
    },
    async abort() {},
    async suspend() {},
    flush: commit,
  });
  let closed = false;
  const drop = () => {
    if (!closed) db.close();
    closed = true;
    rmSync(tmp, { force: true });
  };
  return {
    documents: writer<OutputDocument>((d) => insertDoc.run(params({ ...d, text: d.text ?? '' }))),
    mentions: writer<OutputMention>((m) => insertMention.run(params(m))),
    async finish(table: EntityTable) {
      commit();
      // Archive ids for the rows as extracted: one UPDATE through a table of the links.
      const relinker = new Relinker(table);
      db.exec('CREATE TEMP TABLE linkmap (type TEXT, canonical TEXT, gid TEXT, id TEXT, PRIMARY KEY (type, canonical, gid))');
      const insertLink = db.prepare('INSERT OR REPLACE INTO linkmap VALUES (?, ?, ?, ?)');
      db.transaction(() => {
        for (const [key, link] of relinker.linking.links) {
          const parts = key.split('\u0000');
          if (parts.length === 3) insertLink.run(parts[0], parts[1], parts[2], link.id);
        }
      })();
      db.exec(`UPDATE mentions SET entity_id = COALESCE((SELECT l.id FROM linkmap l WHERE l.type = mentions.type AND l.canonical = mentions.canonical
               AND l.gid = CASE mentions.type WHEN 'PLACE' THEN COALESCE(mentions.geonames_id, '') WHEN 'ORG' THEN COALESCE(mentions.value, '') ELSE '' END), entity_id)
               WHERE type <> 'DATE'`);
      db.exec('DROP TABLE linkmap');
      for (const m of db.prepare('SELECT doc_id, entity_id, type, canonical, geonames_id, value, sentence FROM mentions ORDER BY rowid').iterate()) {
        relinker.map(m as OutputMention);
      }
      const { entities, cooccurrences } = relinker.finish();
      const insertEntity = db.prepare(
        `INSERT INTO entities VALUES (@entity_id, @type, @canonical, @aliases, @mention_count, @document_count, @first_date,
         @last_date, @place_kind, @country_code, @latitude, @longitude, @geonames_id, @merged_from, @ambiguous_with)`,
      );
      const insertPair = db.prepare('INSERT INTO cooccurrences VALUES (@entity_a, @entity_b, @documents, @sentences)');
      db.transaction(() => {
        for (const e of entities) insertEntity.run(params(e));
        for (const c of cooccurrences) insertPair.run(params(c));
      })();
      db.exec(INDEXES);
      db.close();
      closed = true;
      renameSync(tmp, path);
    },
    async abort() {
      drop();
    },
    async suspend() {
      drop();
    },
  };
}
