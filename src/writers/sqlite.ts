// SQLite sink: being written (issue #8). Until then --format sqlite reports it.
import type { OutputSink } from './sink.js';

export function createSqliteSink(path: string, _opts: { force: boolean }): OutputSink {
  throw new Error(`SQLite output (${path}) is not available yet`);
}
