// The search bench's corpus in a local D1 (wrangler's state, served by workerd): migrated by wrangler, then filled by
// copying the libSQL corpus's rows and FTS5 index pages into D1's SQLite file while nothing serves it (cached).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { OFFLINE_WRANGLER_ENV } from '../../src/cli/offline-wrangler.ts';
import { REPO_ROOT } from '../../test/helpers/spawn-podwire.ts';
import { CACHE } from './corpus.ts';

/** The local Worker state (`--persist-to`) that holds the corpus. */
export const D1_STATE = `${CACHE}search-bench-d1-v1`;
const READY = join(D1_STATE, 'ready');

/** Tables D1 or its migrator own, and the FTS5 table itself (its shadow tables are copied). */
const SKIP = /^(sqlite_|_cf_|d1_migrations$|__drizzle_migrations$|search_fts$)/;

/**
 * Makes D1_STATE hold the corpus at `corpusPath`, unless it already does (or `rebuild`). The rows
 * are the libSQL file's, copied table by table with the search triggers dropped meanwhile, and the
 * FTS5 shadow tables are copied as they are: D1 then reads the very index libSQL reads.
 */
export async function prepareD1Corpus(corpusPath: string, rebuild: boolean): Promise<string> {
  if (existsSync(READY) && !rebuild) return D1_STATE;
  await rm(D1_STATE, { recursive: true, force: true });
  await mkdir(D1_STATE, { recursive: true });
  execFileSync(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules/wrangler/bin/wrangler.js'),
      ...['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', D1_STATE],
    ],
    { cwd: REPO_ROOT, env: { ...process.env, ...OFFLINE_WRANGLER_ENV }, stdio: 'ignore' },
  );
  const folder = join(D1_STATE, 'v3/d1/miniflare-D1DatabaseObject');
  const file = (await readdir(folder)).find((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite');
  if (!file) throw new Error(`no D1 database file in ${folder}`);
  const client = createClient({ url: `file:${join(folder, file)}` });
  try {
    await client.execute('PRAGMA foreign_keys = OFF');
    await client.execute({ sql: 'ATTACH DATABASE ? AS src', args: [corpusPath] });
    const triggers = await client.execute(
      "SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND tbl_name = 'search_texts'",
    );
    for (const t of triggers.rows) await client.execute(`DROP TRIGGER main."${t.name}"`);
    const tables = await client.execute(
      "SELECT name FROM main.sqlite_master WHERE type = 'table' ORDER BY name",
    );
    for (const { name } of tables.rows) {
      if (SKIP.test(String(name))) continue;
      await client.execute(`DELETE FROM main."${name}"`);
      await client.execute(`INSERT INTO main."${name}" SELECT * FROM src."${name}"`);
    }
    for (const t of triggers.rows) await client.execute(String(t.sql));
    await client.execute('DETACH DATABASE src');
    await client.execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')");
    await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    client.close();
  }
  await writeFile(READY, `${new Date().toISOString()}\n`);
  return D1_STATE;
}
