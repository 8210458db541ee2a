// createLibsqlDb: what the database file keeps after a delete (a destroyed listening key must be gone from the file).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createDayKeys } from '../../src/catalog/analytics/day-keys.ts';
import { listenKeys } from '../../src/db/schema.ts';
import type { LibsqlDb } from '../../src/node/libsql-db.ts';
import { openTempDb } from '../helpers/temp-db.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

describe('createLibsqlDb', () => {
  const newDir = tempDirs();
  let opened: LibsqlDb | undefined;
  afterEach(() => opened?.close());

  it('leaves no trace of a day key in the files once the next day has destroyed it', async () => {
    const dir = await newDir();
    opened = await openTempDb(dir);
    const keys = createDayKeys(opened.db);
    await keys.keyFor('2026-11-01');
    const [row] = await opened.db.select({ secret: listenKeys.secret }).from(listenKeys);
    const secret = Buffer.from(row?.secret ?? 'missing');
    // The next day's key deletes this one; then SQLite moves the WAL into the main file, as it does by itself.
    await keys.keyFor('2026-11-02');
    expect(await opened.db.select().from(listenKeys)).toHaveLength(1);
    await opened.db.run(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
    for (const name of await readdir(dir)) {
      // With it, a day's listener and address hashes could be linked back to an address by trying addresses.
      expect((await readFile(join(dir, name))).includes(secret), name).toBe(false);
    }
  });
});
