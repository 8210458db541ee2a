// A real, migrated libSQL database file in a temporary folder, for tests.
import { join } from 'node:path';
import { createLibsqlDb, type LibsqlDb } from '../../src/node/libsql-db.ts';
import { migrateDatabase } from '../../src/node/migrate.ts';

/** Opens `file:<dir>/podwire.db` and applies every migration. Close it when done. */
export async function openTempDb(dir: string, name = 'podwire.db'): Promise<LibsqlDb> {
  const opened = await createLibsqlDb(`file:${join(dir, name)}`);
  await migrateDatabase(opened.db, opened.location);
  return opened;
}
