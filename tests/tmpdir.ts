// Temporary folders for tests, removed when the test file's process exits
// (DOSSIER_KEEP_TMP=1 keeps them, to look at what a failing test wrote).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

export function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), `dossier-${prefix}-`));
  made.push(d);
  return d;
}

process.on('exit', () => {
  if (process.env.DOSSIER_KEEP_TMP) return;
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
