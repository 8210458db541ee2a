// After a restart: the database file's integrity, and the media folder and the records in agreement.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { createClient } from '@libsql/client';
import type { ServerFolder } from './podwire-process.ts';

interface JournalRow {
  readonly key: string;
  readonly action: string;
  readonly owner: string | null;
  readonly dueAt: number;
}

interface DatabaseSnapshot {
  readonly integrity: readonly string[];
  readonly foreignKeyViolations: readonly string[];
  readonly assetKeys: ReadonlySet<string>;
  /** Records that no show, article, episode or alternate uses: nothing would ever release them. */
  readonly unreferenced: readonly string[];
  readonly journal: readonly JournalRow[];
}

/**
 * Reads the database beside the running server: it is in WAL mode, so this connection only reads a
 * snapshot and never blocks it; it is closed before the next kill.
 */
async function readDatabase(path: string): Promise<DatabaseSnapshot> {
  const client = createClient({ url: `file:${path}` });
  try {
    await client.execute('PRAGMA busy_timeout = 5000');
    await client.execute('PRAGMA query_only = 1');
    const integrity = (await client.execute('PRAGMA integrity_check')).rows.map((r) => String(r[0]));
    const violations = (await client.execute('PRAGMA foreign_key_check')).rows.map((r) => JSON.stringify(r));
    const assets = await client.execute('SELECT key FROM media_assets');
    const unreferenced = await client.execute(`SELECT key FROM media_assets a
      WHERE NOT EXISTS (SELECT 1 FROM episodes WHERE a.id IN (audio_asset_id, image_asset_id, transcript_asset_id, chapters_asset_id))
        AND NOT EXISTS (SELECT 1 FROM episode_alternates WHERE asset_id = a.id)
        AND NOT EXISTS (SELECT 1 FROM shows WHERE artwork_asset_id = a.id)
        AND NOT EXISTS (SELECT 1 FROM articles WHERE image_asset_id = a.id)`);
    const journal = await client.execute('SELECT key, action, owner, due_at FROM media_journal');
    return {
      integrity,
      foreignKeyViolations: violations,
      assetKeys: new Set(assets.rows.map((r) => String(r.key))),
      unreferenced: unreferenced.rows.map((r) => String(r.key)),
      journal: journal.rows.map((r) => ({
        key: String(r.key),
        action: String(r.action),
        owner: r.owner === null ? null : String(r.owner),
        dueAt: Number(r.due_at),
      })),
    };
  } finally {
    client.close();
  }
}

/** Every file under `root`, as media keys (`shows/x/y.mp3`), dotfiles included. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * The store after a restart that began at `restartedAt` (ms): an intact database, no temporary
 * upload files, no upload still journalled, no file without a record unless it is released and
 * within its grace period, no released file past its time, and no record without its file.
 */
export async function checkStore(folder: ServerFolder, restartedAt: number): Promise<string[]> {
  const problems: string[] = [];
  const db = await readDatabase(folder.database);
  if (db.integrity.join() !== 'ok') problems.push(`PRAGMA integrity_check: ${db.integrity.join('; ')}`);
  for (const v of db.foreignKeyViolations) problems.push(`PRAGMA foreign_key_check: ${v}`);
  for (const key of db.unreferenced) problems.push(`media_assets record ${key} is used by nothing`);
  const releasedUntil = new Map<string, number>();
  for (const row of db.journal) {
    if (row.action === 'remove') releasedUntil.set(row.key, row.dueAt);
    if (row.action !== 'remove') {
      problems.push(`media_journal still has an upload entry for ${row.key} (owner ${row.owner})`);
    } else if (row.dueAt <= restartedAt) {
      problems.push(`${row.key} was due for removal before the restart but is still journalled`);
    }
  }
  const files = await filesUnder(folder.mediaDir);
  for (const key of files) {
    const name = key.slice(key.lastIndexOf('/') + 1);
    if (name.startsWith('.upload-')) problems.push(`temporary upload file left: ${key}`);
    else if (!db.assetKeys.has(key) && !releasedUntil.has(key)) {
      problems.push(`orphan file: ${key} has no media_assets record and is not journalled for removal`);
    }
  }
  const present = new Set(files);
  for (const key of db.assetKeys) {
    if (!present.has(key)) problems.push(`media_assets record ${key} has no file`);
  }
  return problems;
}
