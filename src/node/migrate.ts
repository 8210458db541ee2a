// migrateDatabase: applies drizzle/ migrations to a libSQL database, idempotently, refusing a newer schema.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Database } from '../db/database.ts';
import { DatabaseError } from '../errors.ts';
import { describeOpenError } from './libsql-db.ts';

/** The drizzle/ folder at the repository root: drizzle-kit writes it, wrangler and this migrator read it. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

export interface MigrationReport {
  readonly applied: number;
  readonly total: number;
}

/**
 * Brings the schema up to date. Already-applied migrations are skipped, so this runs at every
 * start; the pending ones go in one atomic batch. A database migrated by a newer podwire (it
 * records migrations this one does not know) is refused rather than used.
 */
export async function migrateDatabase(db: Database, location: string): Promise<MigrationReport> {
  const journal = JSON.parse(await readFile(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as {
    entries: { when: number; tag: string }[];
  };
  const known = new Set(journal.entries.map((e) => e.when));
  try {
    const before = await appliedMigrations(db);
    const unknown = before.filter((when) => !known.has(when));
    if (unknown.length > 0) {
      throw new DatabaseError(
        `database ${location} was migrated by a newer podwire (${unknown.length} unknown migration(s)); upgrade podwire to use it`,
        { context: { location } },
      );
    }
    await migrate(db as unknown as LibSQLDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    const after = await appliedMigrations(db);
    return { applied: after.length - before.length, total: journal.entries.length };
  } catch (cause) {
    if (cause instanceof DatabaseError) throw cause;
    throw describeOpenError(cause, location);
  }
}

async function appliedMigrations(db: Database): Promise<number[]> {
  const [table] = await db.all<{ name: string }>(
    sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`,
  );
  if (!table) return [];
  const rows = await db.all<{ created_at: number }>(sql`SELECT created_at FROM __drizzle_migrations`);
  return rows.map((r) => Number(r.created_at));
}
