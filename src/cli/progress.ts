// Progress on stderr: a single updating line on a terminal (documents, MB,
// MB/s, percent and ETA by bytes), nothing when stderr is not a terminal;
// --verbose adds a line per document with the time its extraction took.

import { listInputs } from '../readers/index.js';

export interface ProgressOptions {
  enabled: boolean;
  verbose: boolean;
  /** Where lines go (tests pass a collector); default stderr. */
  write?: (s: string) => void;
  /** Clock in ms (tests pass a fake one); default performance.now. */
  now?: () => number;
}

/** The ETA is shown only once it means something: this share of the bytes done... */
export const ETA_MIN_FRACTION = 0.03;
/** ...or this many seconds of steady work (after the first document, so start-up is not counted; at least 1 s in any case). */
export const ETA_MIN_SECONDS = 3;

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export function formatSecs(s: number): string {
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export class Progress {
  private totalBytes = 0;
  private totalKnown = false;
  private docs = 0;
  private bytes = 0;
  /** Bytes done inside the document being processed (a huge one, piece by piece). */
  private partial = 0;
  private failed = 0;
  private started = 0;
  /** When the first document finished, and the bytes done then: the ETA's rate is measured from there. */
  private steadyAt = -1;
  private steadyBytes = 0;
  private lastDraw = -Infinity;
  private drawn = false;
  private readonly out: (s: string) => void;
  private readonly clock: () => number;

  constructor(private readonly opts: ProgressOptions) {
    this.out = opts.write ?? ((s) => process.stderr.write(s));
    this.clock = opts.now ?? (() => performance.now());
  }

  async start(paths: string[]): Promise<void> {
    this.started = this.clock();
    if (!this.opts.enabled) return;
    if (!paths.includes('-')) {
      const listing = await listInputs(paths);
      this.setTotal(listing.totalBytes);
    }
  }

  setTotal(bytes: number): void {
    this.totalBytes = bytes;
    this.totalKnown = bytes > 0;
  }

  document(info: { doc_id: string; source: string; bytes: number; ms: number; status: 'ok' | 'error' }): void {
    this.docs++;
    this.bytes += info.bytes;
    this.partial = 0;
    if (info.status === 'error') this.failed++;
    const now = this.clock();
    if (this.steadyAt < 0) {
      this.steadyAt = now;
      this.steadyBytes = this.bytes;
    }
    if (this.opts.verbose) {
      this.clear();
      this.out(`${info.source}\t${info.status}\t${info.ms.toFixed(1)} ms\n`);
    }
    this.maybeDraw(now);
  }

  /** Inside a huge document: bytes of it done so far. */
  partialDocument(info: { bytes: number }): void {
    this.partial = info.bytes;
    this.maybeDraw(this.clock());
  }

  message(line: string, quiet: boolean): void {
    if (quiet) return;
    this.clear();
    this.out(`${line}\n`);
  }

  finish(summary: { documents: number; failed: number; mentions: number }): void {
    if (!this.opts.enabled && !this.opts.verbose) return;
    this.clear();
    const secs = (this.clock() - this.started) / 1000;
    this.out(`dossier: ${plural(summary.documents, 'document')} (${summary.failed} failed), ${plural(summary.mentions, 'mention')} in ${secs.toFixed(1)} s\n`);
  }

  /** The progress line for the state at `now` (ms on the progress clock). */
  line(now: number): string {
    const secs = Math.max((now - this.started) / 1000, 1e-3);
    const done = this.bytes + this.partial;
    let line = `${plural(this.docs, 'document')}, ${(done / 1e6).toFixed(1)} MB, ${(done / 1e6 / secs).toFixed(2)} MB/s`;
    if (this.totalKnown) {
      const frac = Math.min(done / this.totalBytes, 1);
      line += `, ${(frac * 100).toFixed(0)}%`;
      const eta = this.eta(now, done);
      if (eta !== null) line += `, ETA ${formatSecs(eta)}`;
    }
    if (this.failed) line += `, ${this.failed} failed`;
    return line;
  }

  /** Seconds left at the rate since the first document, or null while that rate means little. */
  private eta(now: number, done: number): number | null {
    if (this.steadyAt < 0) return null;
    const steadySecs = (now - this.steadyAt) / 1000;
    const steadyDone = done - this.steadyBytes;
    if (steadyDone <= 0 || steadySecs < 1) return null;
    if (done / this.totalBytes < ETA_MIN_FRACTION && steadySecs < ETA_MIN_SECONDS) return null;
    return Math.max(this.totalBytes - done, 0) / (steadyDone / steadySecs);
  }

  private maybeDraw(now: number): void {
    if (!this.opts.enabled || now - this.lastDraw < 200) return;
    this.lastDraw = now;
    this.out(`\r${this.line(now)}\x1b[K`);
    this.drawn = true;
  }

  private clear(): void {
    if (this.drawn) {
      this.out('\r\x1b[K');
      this.drawn = false;
    }
  }
}
