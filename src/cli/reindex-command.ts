// `podwire reindex [--worker [--persist-to DIR]]`: rebuilds the search index of the Node database or the local Worker's D1.
import { parseArgs } from 'node:util';
import { reindexSearch } from '../catalog/search/reindex.ts';
import type { Config } from '../config.ts';
import { ValidationError } from '../errors.ts';
import { SILENT_LOGGER } from '../log.ts';
import { openNodeRuntime } from '../node/server.ts';
import { type CliDatabaseEnvironment, openCliDatabase } from './cli-database.ts';

export const REINDEX_USAGE = `Usage: podwire reindex [--worker [--persist-to DIR]]
Rewrites the search text of every article, episode and transcript, then has FTS5 rebuild and merge
its index: once after upgrading to search, or to repair the index. Safe while serving.
--worker acts on the local Worker's D1 and R2 (npm run dev:worker; in .wrangler/state, or DIR).`;

function parse(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: {
        worker: { type: 'boolean', default: false },
        'persist-to': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    throw new ValidationError(
      `${error instanceof Error ? error.message : String(error)}\n\n${REINDEX_USAGE}`,
    );
  }
}

/** Runs `podwire reindex`; bad arguments are thrown as PodwireErrors (message, exit 1). */
export async function runReindex(
  args: readonly string[],
  io: { out(text: string): void },
  env: CliDatabaseEnvironment,
): Promise<number> {
  const values = parse(args);
  if (values.help) {
    io.out(REINDEX_USAGE);
    return 0;
  }
  const persistTo = values['persist-to'];
  if (persistTo !== undefined && !values.worker) throw new ValidationError('--persist-to goes with --worker');
  const report = (where: string, r: Awaited<ReturnType<typeof reindexSearch>>) =>
    `reindexed ${where} for search: ${r.articles} articles, ${r.episodes} episodes, ${r.transcripts} transcripts`;
  if (values.worker) {
    const opened = await openCliDatabase({ worker: true, persistTo }, env);
    try {
      io.out(
        report(
          opened.where,
          await reindexSearch(opened.db, opened.workerMedia as NonNullable<typeof opened.workerMedia>),
        ),
      );
    } finally {
      await opened.close();
    }
    return 0;
  }
  const config: Config = env.config();
  const runtime = await openNodeRuntime(config, SILENT_LOGGER);
  try {
    io.out(report(runtime.db.location, await reindexSearch(runtime.db.db, runtime.media)));
  } finally {
    runtime.db.close();
  }
  return 0;
}
