import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DatabaseError } from '../../src/errors.ts';
import { createLibsqlDb } from '../../src/node/libsql-db.ts';
import { MIGRATIONS_FOLDER, migrateDatabase } from '../../src/node/migrate.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

const FIXTURES = new URL('../fixtures/databases/', import.meta.url);
const TABLES = ['sections', 'articles', 'shows', 'episodes', 'media_assets', 'article_episodes'];

async function journalLength(): Promise<number> {
  const journal = JSON.parse(await readFile(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8'));
  return journal.entries.length;
}

async function rowCounts(db: Awaited<ReturnType<typeof createLibsqlDb>>['db']) {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`);
    counts[table] = row?.n ?? -1;
  }
  return counts;
}

describe('migrateDatabase', () => {
  const newDir = tempDirs();

  it('creates the schema in a new database file, and its folder', async () => {
    const dir = await newDir();
    const opened = await createLibsqlDb(`file:${join(dir, 'nested', 'deeper', 'podwire.db')}`);
    const report = await migrateDatabase(opened.db, opened.location);
    expect(report).toEqual({ applied: await journalLength(), total: await journalLength() });
    const tables = await opened.db.all<{ name: string }>(
      sql`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`,
    );
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(TABLES));
    opened.close();
  });

  it('is idempotent: a second run applies nothing and keeps the data', async () => {
    const dir = await newDir();
    const path = join(dir, 'podwire.db');
    const first = await createLibsqlDb(`file:${path}`);
    await migrateDatabase(first.db, first.location);
    await first.db.run(
      sql`INSERT INTO sections (slug, name, created_at, updated_at) VALUES ('kept', 'Kept', 0, 0)`,
    );
    first.close();
    const second = await createLibsqlDb(`file:${path}`);
    expect(await migrateDatabase(second.db, second.location)).toMatchObject({ applied: 0 });
    const rows = await second.db.all<{ slug: string }>(sql`SELECT slug FROM sections`);
    expect(rows).toEqual([{ slug: 'kept' }]);
    second.close();
  });

  it('upgrades every committed database fixture from an earlier release without losing a row', async () => {
    const fixtures = (await readdir(FIXTURES)).filter((f) => f.endsWith('.db'));
    expect(fixtures.length).toBeGreaterThan(0);
    for (const fixture of fixtures) {
      const dir = await newDir();
      const path = join(dir, fixture);
      await copyFile(new URL(fixture, FIXTURES), path);
      const opened = await createLibsqlDb(`file:${path}`);
      const before = await rowCounts(opened.db);
      await migrateDatabase(opened.db, opened.location);
      const after = await rowCounts(opened.db);
      for (const table of TABLES)
        expect(after[table], `${fixture}: ${table}`).toBeGreaterThanOrEqual(before[table]!);
      const [article] = await opened.db.all<{ headline: string }>(
        sql`SELECT headline FROM articles WHERE slug = 'tide-mill-turns-again'`,
      );
      expect(article?.headline).toBe('The tide mill on Saltings Creek turns again');
      opened.close();
    }
  });

  it('refuses a database migrated by a newer podwire', async () => {
    const dir = await newDir();
    const opened = await createLibsqlDb(`file:${join(dir, 'podwire.db')}`);
    await migrateDatabase(opened.db, opened.location);
    await opened.db.run(
      sql`INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', 99999999999999)`,
    );
    await expect(migrateDatabase(opened.db, opened.location)).rejects.toThrow(/migrated by a newer podwire/);
    opened.close();
  });

  it('reports a locked database clearly instead of waiting forever', async () => {
    const dir = await newDir();
    const path = join(dir, 'podwire.db');
    const holder = createClient({ url: `file:${path}` });
    await holder.execute('PRAGMA journal_mode = WAL');
    await holder.execute('CREATE TABLE other_app (x)');
    const tx = await holder.transaction('write');
    await tx.execute('INSERT INTO other_app VALUES (1)');
    try {
      const opened = await createLibsqlDb(`file:${path}`, { busyTimeoutMs: 100 });
      const error = await migrateDatabase(opened.db, opened.location).catch((e: unknown) => e);
      opened.close();
      expect(error).toBeInstanceOf(DatabaseError);
      expect((error as Error).message).toMatch(/is locked by another process/);
    } finally {
      await tx.rollback();
      holder.close();
    }
  });
});

describe('createLibsqlDb', () => {
  const newDir = tempDirs();

  it('reports a corrupt file and leaves it exactly as it was', async () => {
    const dir = await newDir();
    const path = join(dir, 'podwire.db');
    const garbage = new TextEncoder().encode('this is not a database, it is a shopping list\n'.repeat(200));
    await writeFile(path, garbage);
    const error = await createLibsqlDb(`file:${path}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as Error).message).toBe(
      `database ${path} is corrupt or not a SQLite database; it was left untouched (restore a backup or move it aside)`,
    );
    expect(new Uint8Array(await readFile(path))).toEqual(garbage);
    expect((await readdir(dir)).sort()).toEqual(['podwire.db']);
  });

  it('turns on WAL and foreign keys', async () => {
    const dir = await newDir();
    const opened = await createLibsqlDb(`file:${join(dir, 'podwire.db')}`);
    const [mode] = await opened.db.all<{ journal_mode: string }>(sql`PRAGMA journal_mode`);
    const [fk] = await opened.db.all<{ foreign_keys: number }>(sql`PRAGMA foreign_keys`);
    expect(mode?.journal_mode).toBe('wal');
    expect(fk?.foreign_keys).toBe(1);
    opened.close();
  });
});

describe('migrations in drizzle/', () => {
  it('never drop data: no DROP COLUMN or DELETE, and DROP TABLE only after copying into its rebuild', async () => {
    const files = (await readdir(MIGRATIONS_FOLDER)).filter((f) => f.endsWith('.sql'));
    expect(files.length).toBe(await journalLength());
    for (const file of files) {
      const text = await readFile(join(MIGRATIONS_FOLDER, file), 'utf8');
      expect(text, file).not.toMatch(/\bDROP\s+COLUMN\b/i);
      expect(text, file).not.toMatch(/\bDELETE\s+FROM\b/i);
      expect(text, file).not.toMatch(/\bTRUNCATE\b/i);
      for (const match of text.matchAll(/DROP\s+TABLE\s+[`"]?(\w+)[`"]?/gi)) {
        const table = match[1];
        const copy = new RegExp(
          `INSERT\\s+INTO\\s+[\`"]__new_${table}[\`"][^;]*SELECT[^;]*FROM\\s+[\`"]${table}[\`"]`,
          'i',
        );
        expect(text.slice(0, match.index), `${file} drops ${table} without copying its rows`).toMatch(copy);
      }
    }
  });
});
