// Where the package's own files are, wherever it is run from.
import { fileURLToPath } from 'node:url';
import { join, sep } from 'node:path';

/** The package root: compiled files live under dist/ (dist/src/util/, or a chunk of dist/bundle/), sources in src/util/. */
export const PACKAGE_ROOT = (() => {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const dist = here.lastIndexOf(`${sep}dist${sep}`);
  return dist >= 0 ? here.slice(0, dist) : join(here, '../..');
})();

/** Path of a bundled data file under data/. */
export function dataPath(...parts: string[]): string {
  return join(PACKAGE_ROOT, 'data', ...parts);
}
