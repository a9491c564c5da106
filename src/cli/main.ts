// The command line: parses options and wires stages together, nothing else.
// Exit codes: 0 all documents processed, 1 some documents failed (the rest
// written), 2 usage error, 130 interrupted.

import { Command, CommanderError, Option, InvalidArgumentError } from 'commander';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RunTables } from '../writers/load.js';
import { runExtract, FORMATS, OutputExistsError, RunSetupError, type Format } from '../pipeline/run.js';
import { parseShard, readManifest, type Shard } from '../pipeline/manifest.js';
import { Progress, plural } from './progress.js';
import { describeUnreadable } from '../readers/index.js';

export const EXIT = { OK: 0, SOME_FAILED: 1, USAGE: 2, INTERRUPTED: 130 } as const;

class UsageError extends Error {}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1, e.g. --jobs 2');
  return n;
}

function shardArg(value: string): Shard {
  try {
    return parseShard(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD, e.g. --date 2023-07-19');
  }
  return value;
}

const EXTRACT_HELP = `
Input formats (by extension, or --input-format for stdin):
  .txt            plain text (UTF-8; a BOM or UTF-16 with BOM is handled)
  .md             Markdown; a leading "# heading" is the title
  .html/.htm      article body via readability; title, date, url, byline, site name, language from page metadata
  .jsonl/.ndjson  one document per line: {"id": ..., "date": ..., "title": ..., "text": ...}
  .csv            one document per row, with a header naming the columns
  -               standard input (format sniffed: "{" JSON Lines, "<" HTML, else text)

Output:
  Without --out-dir, mention rows go to stdout in --format.
  With --out-dir DIR: documents, mentions, entities and cooccurrences tables in DIR.
  Offsets (start, end) count Unicode code points, end exclusive.

Exit codes:
  0 all documents processed   1 some documents failed (the rest were written)
  2 usage error               130 interrupted

Examples:
  $ dossier extract fixtures/articles --out-dir out
  $ dossier extract archive.jsonl --text-field body --date-field published --format jsonl > mentions.jsonl
  $ cat story.txt | dossier extract - --date 2023-07-19
  $ dossier extract fixtures/articles --check snapshots/fixtures`;

export async function main(argv: string[]): Promise<void> {
  // `dossier extract ... | head`: the reader went away; stop quietly.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT.OK);
    throw err;
  });
  const program = new Command();
  let exitCode: number = EXIT.OK;
  program
    .name('dossier')
    .description('Extract people, organizations, places and dates from news articles into tidy tables.')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({ outputError: () => {} });

  program
    .command('extract')
    .description('read articles and write every PERSON, ORG, PLACE and DATE mention')
    .argument('[paths...]', "files, folders (walked recursively; a folder holding an earlier run's dossier-run.json is left out) or - for standard input")
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS as string[]).default('csv'))
    .option('-o, --out-dir <dir>', 'write documents, mentions, entities and cooccurrences files into this folder')
    .option('--sqlite <file>', 'write one SQLite database (documents, mentions, entities, cooccurrences, full-text index) to this file')
    .option('--date <YYYY-MM-DD>', 'publication date for documents whose input has none (resolves "last year")', isoDate)
    .option('--id-field <name>', 'JSONL/CSV field holding the document id', 'id')
    .option('--text-field <name>', 'JSONL/CSV field holding the article text', 'text')
    .option('--date-field <name>', 'JSONL/CSV field holding the publication date', 'date')
    .option('--title-field <name>', 'JSONL/CSV field holding the title', 'title')
    .option('--url-field <name>', 'JSONL/CSV field holding the article URL', 'url')
    .option('--byline-field <name>', 'JSONL/CSV field holding the author(s)', 'byline')
    .option('--site-name-field <name>', 'JSONL/CSV field holding the publication name', 'site_name')
    .option('--language-field <name>', 'JSONL/CSV field holding the language code (else it is detected from the text)', 'language')
    .option('--all-languages', 'run documents in other languages than English through the (English) recognizers too; by default they get status skipped', false)
    .addOption(new Option('--input-format <format>', 'read every input as this format (needed only for stdin)').choices(['auto', 'txt', 'md', 'html', 'jsonl', 'csv']).default('auto'))
    .option('-j, --jobs <n>', 'worker threads for extraction (default: 1 for inputs under 4 MiB, else one per 2 MiB up to the number of cores); output is identical for any value', positiveInt)
    .option('--aliases <file>', 'extra organization aliases (JSON, same shape as data/orgs.json): [{"canonical": ..., "aliases": [...], "kind": ..., "country": ...}]')
    .option('--check <snapshot-dir>', 'compare this run with a saved --out-dir run; exit 1 with a diff when they differ')
    .option('--shard <K/N>', 'process only the documents whose id hashes to shard K of N (split an archive across machines; combine with `dossier merge`)', shardArg)
    .option('--resume', 'continue an interrupted --out-dir run from the documents it had finished (same inputs and options)', false)
    .option('--raw-csv', 'do not neutralize free-text CSV cells (text, context, title, canonical, aliases, error) starting with = + - @', false)
    .option('--bom', 'start CSV files with a UTF-8 byte order mark, so Excel reads accents right', false)
    .option('--excel', 'the same as --bom', false)
    .option('--force', 'overwrite output files already in --out-dir', false)
    .option('-q, --quiet', 'no progress or per-document messages on stderr', false)
    .option('-v, --verbose', 'print each document with the time its extraction took, and the total, on stderr', false)
    .addHelpText('after', EXTRACT_HELP)
    .action(async (paths: string[], o) => {
      exitCode = await extractCommand(paths, o);
    });

  program
    .command('merge')
    .description('combine the --out-dir folders of several runs or --shard runs into the folder one run would have written')
    .argument('<dirs...>', 'output folders written by dossier extract --out-dir (all csv, all json or all jsonl)')
    .requiredOption('-o, --out-dir <dir>', 'folder for the merged tables')
    .option('--force', 'overwrite output files already in --out-dir', false)
    .option('-q, --quiet', 'no messages on stderr', false)
    .addHelpText('after', `
Shards (dossier extract --shard K/N) are interleaved back into input order; whole
runs are concatenated in the order given. Entities and co-occurrences are
re-aggregated, so the result is byte for byte what one run over all documents
writes.

Examples:
  $ dossier extract archive.jsonl --shard 1/2 --out-dir part1
  $ dossier extract archive.jsonl --shard 2/2 --out-dir part2
  $ dossier merge part1 part2 --out-dir all`)
    .action(async (dirs: string[], o: { outDir: string; force: boolean; quiet: boolean }) => {
      const { runMerge } = await import('../pipeline/merge.js');
      const summary = await runMerge({
        dirs,
        outDir: o.outDir,
        force: o.force,
        onWarning: (m) => process.stderr.write(`dossier: warning: ${m}\n`),
      });
      if (!o.quiet) process.stderr.write(`dossier: merged ${plural(summary.documents, 'document')} and ${plural(summary.mentions, 'mention')} into ${o.outDir}\n`);
    });

  program
    .command('report')
    .description('write one self-contained HTML report (top entities, timelines, map, network, searchable table, documents) from a run')
    .argument('<run>', 'a folder written by dossier extract --out-dir (csv, json, jsonl or sqlite), or a --sqlite database file')
    .option('--html <file>', 'the HTML file to write (default: report.html in the run folder)')
    .option('--title <text>', 'heading of the report', 'dossier report')
    .option('--top <n>', 'entities in the searchable table (the most mentioned)', positiveInt, 2000)
    .option('--force', 'overwrite the HTML file', false)
    .addHelpText('after', `
The page needs no network: styles, script, data and a world outline are inline.
It embeds aggregates, not every mention (up to 5 mentions in context per entity),
so it stays a few MB for archives of tens of thousands of documents.

Example:
  $ dossier extract fixtures/articles --out-dir out
  $ dossier report out                      # writes out/report.html`)
    .action(async (runPath: string, o: { html?: string; title: string; top: number; force: boolean }) => {
      const { writeReport } = await import('../report/index.js');
      const html = o.html ?? defaultBeside(runPath, 'report.html');
      try {
        const data = await writeReport(runPath, html, { title: o.title, tableCap: o.top, force: o.force });
        process.stderr.write(`dossier: wrote ${html} (${plural(data.documents, 'document')}, ${data.entities.length} of ${plural(data.entityCount, 'entity', 'entities')})\n`);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
    });

  program
    .command('network')
    .description('export the co-occurrence network of a run for Gephi, networkx or a spreadsheet')
    .argument('<run>', 'a folder written by dossier extract --out-dir (any --format), or a --sqlite database file')
    .option('--gexf <file>', 'GEXF 1.3 graph (Gephi: File > Open; networkx.read_gexf)')
    .option('--edges-csv <file>', "Gephi edge table: Source,Target,Weight,Type,Sentences (Weight: documents naming both)")
    .option('--nodes-csv <file>', 'Gephi node table: Id,Label,Type,Mentions,Documents')
    .option('--min-documents <n>', 'keep pairs named together in at least this many documents', positiveInt, 1)
    .option('--force', 'overwrite the files', false)
    .addHelpText('after', `
Nodes are people, organizations and places (entity_id as Id); an edge joins two
named in the same document.

Example:
  $ dossier network out --gexf out/network.gexf
  $ dossier network out --edges-csv edges.csv --nodes-csv nodes.csv --min-documents 2`)
    .action(async (runPath: string, o: { gexf?: string; edgesCsv?: string; nodesCsv?: string; minDocuments: number; force: boolean }) => {
      if (!o.gexf && !o.edgesCsv && !o.nodesCsv) throw new UsageError('say what to write: --gexf FILE, --edges-csv FILE and/or --nodes-csv FILE');
      const run = await openRunOrFail(runPath);
      const { writeNetwork } = await import('../writers/exports.js');
      try {
        const r = await writeNetwork(run, { gexf: o.gexf, edgesCsv: o.edgesCsv, nodesCsv: o.nodesCsv, minDocuments: o.minDocuments, force: o.force });
        process.stderr.write(`dossier: wrote ${[o.gexf, o.edgesCsv, o.nodesCsv].filter(Boolean).join(', ')} (${r.nodes} nodes, ${r.edges} edges)\n`);
      } catch (err) {
        throw new UsageError((err as Error).message);
      } finally {
        run.close();
      }
    });

  program
    .command('displacy')
    .description("write each document with its entities in displaCy's format, one JSON per line")
    .argument('<run>', 'a folder written by dossier extract --out-dir (any --format), or a --sqlite database file')
    .option('--out <file>', 'the JSON Lines file to write (default: displacy.jsonl in the run folder)')
    .option('--force', 'overwrite the file', false)
    .addHelpText('after', `
Each line is {"text", "ents": [{"start", "end", "label"}], "title", "doc_id"}, with
offsets in code points (Python string indexes). In Python:
  spacy.displacy.render(json.loads(line), style="ent", manual=True)
A CSV run keeps no texts; they are read again from the inputs named in its
dossier-run.json.

Example:
  $ dossier displacy out --out out/displacy.jsonl`)
    .action(async (runPath: string, o: { out?: string; force: boolean }) => {
      const out = o.out ?? defaultBeside(runPath, 'displacy.jsonl');
      const run = await openRunOrFail(runPath);
      const { writeDisplacy } = await import('../writers/exports.js');
      try {
        const r = await writeDisplacy(run, out, { force: o.force, runDir: runPath });
        process.stderr.write(`dossier: wrote ${out} (${plural(r.documents, 'document')})\n`);
      } catch (err) {
        throw new UsageError((err as Error).message);
      } finally {
        run.close();
      }
    });

  program
    .command('eval')
    .description('score extraction against gold files in the corpus format (shared/corpus/GUIDELINES.md)')
    .argument('<gold...>', 'gold .jsonl / .json files or folders')
    .option('--pred <file>', 'score these predictions (corpus-format .jsonl) instead of running dossier')
    .option('--json', 'print the scores as JSON', false)
    .option('--errors', 'list false positives, false negatives, wrong types and boundaries', false)
    .addHelpText('after', `
Examples:
  $ dossier eval ../shared/corpus/dev
  $ dossier eval fixtures/gold --errors
  $ dossier eval gold.jsonl --pred predictions.jsonl --json`)
    .action(async (gold: string[], o) => {
      const { runEval } = await import('../eval/index.js');
      const { extractCorpusEntities } = await import('../pipeline/extract.js');
      const { output } = await runEval(gold, { pred: o.pred, json: o.json, errors: o.errors, extract: extractCorpusEntities });
      process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
    });

  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
        process.exitCode = 0;
        return;
      }
      const msg = err.message.replace(/^error: /, '');
      process.stderr.write(`dossier: ${msg} (see 'dossier --help')\n`);
      process.exitCode = EXIT.USAGE;
      return;
    }
    if (err instanceof UsageError || err instanceof OutputExistsError || err instanceof RunSetupError) {
      process.stderr.write(`dossier: ${err.message}\n`);
      process.exitCode = EXIT.USAGE;
      return;
    }
    process.stderr.write(`dossier: ${(err as Error).message}\n`);
    process.exitCode = EXIT.SOME_FAILED;
    return;
  }
  process.exitCode = exitCode;
}

/** A file named NAME in the run folder (or next to a database file). */
function defaultBeside(runPath: string, name: string): string {
  return /\.(db|sqlite3?)$/i.test(runPath) ? join(dirname(runPath), name) : join(runPath, name);
}

async function openRunOrFail(runPath: string): Promise<RunTables> {
  // Loaded on demand: reading a run's tables needs the CSV parser, which an extraction does not.
  const { openRun } = await import('../writers/load.js');
  const run = await openRun(runPath);
  if (!run) throw new UsageError(`${runPath} holds no dossier output (documents/mentions .csv, .json, .jsonl or dossier.db); run dossier extract --out-dir ${runPath} first`);
  return run;
}

interface ExtractFlags {
  format: Format;
  outDir?: string;
  sqlite?: string;
  date?: string;
  idField: string;
  textField: string;
  dateField: string;
  titleField: string;
  urlField: string;
  bylineField: string;
  siteNameField: string;
  languageField: string;
  allLanguages: boolean;
  inputFormat: 'auto' | 'txt' | 'md' | 'html' | 'jsonl' | 'csv';
  check?: string;
  aliases?: string;
  shard?: Shard;
  resume: boolean;
  rawCsv: boolean;
  bom: boolean;
  excel: boolean;
  force: boolean;
  quiet: boolean;
  verbose: boolean;
  jobs?: number;
}

async function extractCommand(paths: string[], o: ExtractFlags): Promise<number> {
  if (paths.length === 0) {
    if (process.stdin.isTTY) throw new UsageError("no input: give files or folders, or - for standard input (see 'dossier extract --help')");
    paths = ['-'];
  }
  // A mistyped path is a usage error, found before anything is written.
  for (const p of paths) {
    if (p === '-') continue;
    try {
      statSync(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' || code === 'ENOTDIR' ? `no such file or directory: ${p}` : `cannot read ${p}: ${(err as Error).message}`);
    }
  }
  if (o.check && o.outDir) throw new UsageError('use either --check or --out-dir, not both');
  if (o.resume && !o.outDir) throw new UsageError('--resume needs the --out-dir of the interrupted run');
  if (o.resume && o.force) throw new UsageError('use either --resume (continue the run in --out-dir) or --force (start it over), not both');
  if (o.check && (o.format === 'sqlite' || o.sqlite)) throw new UsageError('--check compares csv, json or jsonl tables; drop --sqlite / --format sqlite');
  if (o.format === 'sqlite' && !o.outDir && !o.sqlite) throw new UsageError('--format sqlite writes a database file: give --out-dir DIR (writes DIR/dossier.db) or --sqlite FILE.db');
  if (o.aliases) {
    if (!existsSync(o.aliases)) throw new UsageError(`alias file not found: ${o.aliases}`);
    process.env.DOSSIER_ALIASES = o.aliases; // worker threads read it at start
    const { loadAliasTable } = await import('../normalizers/aliases.js');
    try {
      loadAliasTable(o.aliases);
    } catch (err) {
      throw new UsageError(`cannot read alias file ${o.aliases}: ${(err as Error).message}`);
    }
  }
  if (o.resume && o.outDir && readManifest(o.outDir)?.status === 'complete') {
    if (!o.quiet) process.stderr.write(`dossier: the run in ${o.outDir} is already complete; nothing to resume\n`);
    return EXIT.OK;
  }
  const outDir = o.check ? mkdtempSync(join(tmpdir(), 'dossier-check-')) : o.outDir;
  const progress = new Progress({ enabled: !o.quiet && process.stderr.isTTY === true, verbose: o.verbose && !o.quiet });
  let stop = false;
  const onSigint = () => {
    if (stop) process.exit(EXIT.INTERRUPTED);
    stop = true;
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  try {
    await progress.start(paths);
    const summary = await runExtract({
      paths,
      reader: {
        idField: o.idField,
        textField: o.textField,
        dateField: o.dateField,
        titleField: o.titleField,
        urlField: o.urlField,
        bylineField: o.bylineField,
        siteNameField: o.siteNameField,
        languageField: o.languageField,
        ...(o.allLanguages ? { allLanguages: true } : {}),
        date: o.date ?? '',
        inputFormat: o.inputFormat,
        onWarning: (message) => progress.message(`dossier: warning: ${message}`, o.quiet),
      },
      format: o.format,
      outDir,
      sqlitePath: o.sqlite,
      shard: o.shard,
      resume: o.resume,
      rawCsv: o.rawCsv,
      bom: o.bom || o.excel,
      force: o.force || Boolean(o.check),
      jobs: o.jobs,
      onUnreadable: (files) => {
        progress.message(`dossier: skipped ${describeUnreadable(files)} (no reader for them${o.verbose ? '' : '; --verbose names each'})`, o.quiet);
        if (o.verbose) for (const f of files) progress.message(`dossier: skipped ${f}`, o.quiet);
      },
      onOutputDirs: (dirs) => {
        for (const d of dirs) progress.message(`dossier: skipped ${d}: it holds an earlier run's tables (dossier-run.json), not articles`, o.quiet);
      },
      onDocument: (info) => progress.document(info),
      onPartial: (info) => progress.partialDocument(info),
      onError: (message) => progress.message(`dossier: ${message}`, o.quiet),
      shouldStop: () => stop,
    });
    progress.finish(summary);
    const langs = Object.entries(summary.skippedLanguages).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (langs.length > 0 && !o.quiet) {
      const n = langs.reduce((t, [, k]) => t + k, 0);
      process.stderr.write(
        `dossier: skipped ${n} ${n === 1 ? 'document' : 'documents'} not in English (${langs.map(([l, k]) => `${l} x${k}`).join(', ')}): status skipped in documents; --all-languages runs them\n`,
      );
    }
    if (summary.resumed > 0 && !o.quiet) process.stderr.write(`dossier: resumed: ${summary.resumed} documents were already written by the interrupted run\n`);
    if (summary.interrupted) {
      const resumable = outDir && !o.check && o.format !== 'sqlite' && !o.sqlite;
      process.stderr.write(
        resumable
          ? `dossier: interrupted after ${summary.documents} documents; no output file was left looking complete (partial files end in .partial); continue with the same command plus --resume\n`
          : `dossier: interrupted after ${summary.documents} documents; no output files were left half-written\n`,
      );
      return EXIT.INTERRUPTED;
    }
    if (o.check && outDir) {
      const { compareSnapshot } = await import('../writers/snapshot.js');
      const { same, report } = await compareSnapshot(outDir, o.check, o.format as 'csv' | 'json' | 'jsonl');
      if (!same) {
        process.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
        return EXIT.SOME_FAILED;
      }
      if (!o.quiet) process.stderr.write(`dossier: output matches the snapshot in ${o.check}\n`);
    }
    return summary.failed > 0 ? EXIT.SOME_FAILED : EXIT.OK;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
    if (o.check && outDir) rmSync(outDir, { recursive: true, force: true });
  }
}
