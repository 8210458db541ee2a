// openCliDatabase: the database a CLI command acts on, migrated: the Node one (DATABASE_URL), or the local Worker's D1 (--worker).
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { MediaStore } from '../media-store/media-store.ts';
import { createLibsqlDb } from '../node/libsql-db.ts';
import { migrateDatabase } from '../node/migrate.ts';

export interface CliDatabaseEnvironment {
  /** The settings (DATABASE_URL); read only when the Node database is used. */
  readonly config: () => Config;
  /** The environment for wrangler, with the offline settings (for --worker). */
  readonly wranglerEnv: NodeJS.ProcessEnv;
}

export interface CliDatabase {
  readonly db: Database;
  /** Which runtime will read what is written: it decides how passwords are hashed. */
  readonly runtime: 'node' | 'worker';
  /** Where it is, for messages ("file:podwire.db", "the local Worker's D1"). */
  readonly where: string;
  /** With --worker: the local Worker's R2 bucket, where its media files are (the Node runtime's are in MEDIA_DIR). */
  readonly workerMedia?: MediaStore;
  close(): Promise<void>;
}

/** Opens and migrates the database; close it when done. */
export async function openCliDatabase(
  options: { worker: boolean; persistTo?: string },
  env: CliDatabaseEnvironment,
): Promise<CliDatabase> {
  if (options.worker) {
    // Loaded only here: wrangler is large, and every other command starts faster without it.
    const { migrateLocalD1, openLocalWorkerBindings } = await import('./local-worker.ts');
    const { createD1Db } = await import('../worker/d1-db.ts');
    const { createR2MediaStore } = await import('../worker/r2-media-store.ts');
    migrateLocalD1(options.persistTo, env.wranglerEnv, true);
    const proxy = await openLocalWorkerBindings(options.persistTo);
    return {
      db: createD1Db(proxy.env.DB),
      runtime: 'worker',
      where: `the local Worker's D1${options.persistTo ? ` in ${options.persistTo}` : ''}`,
      workerMedia: createR2MediaStore(proxy.env.MEDIA),
      close: () => proxy.dispose(),
    };
  }
  const config = env.config();
  const opened = await createLibsqlDb(config.databaseUrl, { authToken: config.databaseAuthToken });
  try {
    await migrateDatabase(opened.db, opened.location);
  } catch (error) {
    opened.close();
    throw error;
  }
  return { db: opened.db, runtime: 'node', where: opened.location, close: async () => opened.close() };
}
