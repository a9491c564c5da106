// Progress on stderr: a single updating line on a terminal (documents, MB,
// docs/s, ETA), nothing when stderr is not a terminal; --verbose adds a
// timing line per document.

import { listInputs } from '../readers/index.js';

export interface ProgressOptions {
  enabled: boolean;
  verbose: boolean;
}

export class Progress {
  private totalBytes = 0;
  private totalKnown = false;
  private docs = 0;
  private bytes = 0;
  private failed = 0;
  private started = 0;
  private lastDraw = 0;
  private drawn = false;

  constructor(private readonly opts: ProgressOptions) {}

  async start(paths: string[]): Promise<void> {
    this.started = performance.now();
    if (!this.opts.enabled) return;
    if (!paths.includes('-')) {
      const listing = await listInputs(paths);
      this.totalBytes = listing.totalBytes;
      this.totalKnown = this.totalBytes > 0;
    }
  }

  document(info: { doc_id: string; source: string; bytes: number; ms: number; status: 'ok' | 'error' }): void {
    this.docs++;
    this.bytes += info.bytes;
    if (info.status === 'error') this.failed++;
    if (this.opts.verbose) {
      this.clear();
      process.stderr.write(`${info.source}\t${info.status}\t${info.ms.toFixed(1)} ms\n`);
    }
    const now = performance.now();
    if (this.opts.enabled && now - this.lastDraw > 200) {
      this.lastDraw = now;
      this.draw(now);
    }
  }

  message(line: string, quiet: boolean): void {
    if (quiet) return;
    this.clear();
    process.stderr.write(`${line}\n`);
  }

  finish(summary: { documents: number; failed: number; mentions: number }): void {
    if (!this.opts.enabled) return;
    this.clear();
    const secs = (performance.now() - this.started) / 1000;
    process.stderr.write(
      `dossier: ${summary.documents} documents (${summary.failed} failed), ${summary.mentions} mentions in ${secs.toFixed(1)} s\n`,
    );
  }

  private draw(now: number): void {
    const secs = Math.max((now - this.started) / 1000, 1e-3);
    const mb = this.bytes / 1e6;
    let line = `${this.docs} docs, ${mb.toFixed(1)} MB, ${(this.docs / secs).toFixed(1)} docs/s`;
    if (this.totalKnown) {
      const frac = Math.min(this.bytes / this.totalBytes, 1);
      const eta = frac > 0 ? secs * (1 - frac) / frac : 0;
      line += `, ${(frac * 100).toFixed(0)}%, ETA ${formatSecs(eta)}`;
    }
    if (this.failed) line += `, ${this.failed} failed`;
    process.stderr.write(`\r${line}\x1b[K`);
    this.drawn = true;
  }

  private clear(): void {
    if (this.drawn) {
      process.stderr.write('\r\x1b[K');
      this.drawn = false;
    }
  }
}

function formatSecs(s: number): string {
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
