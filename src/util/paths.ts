// Where the package's own files are, wherever it is run from.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The package root: compiled files live in dist/src/util/, sources in src/util/. */
export const PACKAGE_ROOT = (() => {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return join(here, here.includes('/dist/') ? '../../..' : '../..');
})();

/** Path of a bundled data file under data/. */
export function dataPath(...parts: string[]): string {
  return join(PACKAGE_ROOT, 'data', ...parts);
}
