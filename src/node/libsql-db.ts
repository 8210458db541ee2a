// createLibsqlDb(url): opens the embedded libSQL file (or a remote libSQL server) as a podwire Database.
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Client, createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import type { Database } from '../db/database.ts';
import * as schema from '../db/schema.ts';
import { DatabaseError } from '../errors.ts';

export interface LibsqlDb {
  readonly db: Database;
  readonly client: Client;
  /** Where the data lives, for messages: a file path or the remote URL without credentials. */
  readonly location: string;
  close(): void;
}

/**
 * Opens `url` (`file:PATH` relative to the working directory, or libsql://, https://, wss://).
 * For a file, creates its folder, turns on WAL, foreign keys, secure delete and a busy timeout, and checks that the
 * file is a readable SQLite database: a corrupt or foreign file is reported, never replaced.
 */
export interface LibsqlDbOptions {
  readonly authToken?: string;
  /** How long a write waits for another process's lock before failing (ms). */
  readonly busyTimeoutMs?: number;
}

export async function createLibsqlDb(url: string, options: LibsqlDbOptions = {}): Promise<LibsqlDb> {
  const isFile = url.startsWith('file:');
  const path = isFile ? filePath(url) : undefined;
  const location = path ?? redact(url);
  if (path !== undefined) await mkdir(dirname(path), { recursive: true });

  let client: Client;
  try {
    // One connection: libSQL's calls are synchronous, so a pool adds no parallelism on Node, and
    // per-connection PRAGMAs (busy_timeout, synchronous) must hold for every statement.
    client = createClient({
      url: path === undefined ? url : `file:${path}`,
      authToken: options.authToken,
      concurrency: 1,
    });
    if (path !== undefined) {
      await client.execute(`PRAGMA busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
      await client.execute('PRAGMA foreign_keys = ON');
      await client.execute('PRAGMA journal_mode = WAL');
      await client.execute('PRAGMA synchronous = NORMAL');
      // Deleted rows are overwritten, not left in free pages: a destroyed listening key (listen_keys)
      // must not be readable from the file afterwards, or a day's hashes could be tied to addresses.
      await client.execute('PRAGMA secure_delete = ON');
      const check = await client.execute('PRAGMA quick_check');
      const verdict = String(check.rows[0]?.[0] ?? '');
      if (verdict !== 'ok') throw new Error(`integrity check failed: ${verdict}`);
    } else {
      await client.execute('SELECT 1');
    }
  } catch (cause) {
    throw describeOpenError(cause, location);
  }
  const db = drizzle(client, { schema }) as unknown as Database;
  return { db, client, location, close: () => client.close() };
}

function filePath(url: string): string {
  // file:///abs/path, file:/abs/path and file:relative/path are all accepted.
  if (url.startsWith('file://')) return fileURLToPath(url);
  return resolve(url.slice('file:'.length));
}

function redact(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  parsed.search = '';
  return parsed.toString();
}

/** Maps SQLite's codes to messages that say what happened to which database and what to do. */
export function describeOpenError(cause: unknown, location: string): DatabaseError {
  const text = chainText(cause);
  if (/SQLITE_BUSY|database is locked/i.test(text)) {
    return new DatabaseError(
      `database ${location} is locked by another process; stop it or wait, then start again`,
      { cause, context: { location } },
    );
  }
  if (/SQLITE_NOTADB|SQLITE_CORRUPT|not a database|malformed|integrity check/i.test(text)) {
    return new DatabaseError(
      `database ${location} is corrupt or not a SQLite database; it was left untouched (restore a backup or move it aside)`,
      { cause, context: { location } },
    );
  }
  if (/SQLITE_CANTOPEN|unable to open|SQLITE_READONLY|EACCES|permission/i.test(text)) {
    return new DatabaseError(`database ${location} cannot be opened for writing: ${rootMessage(cause)}`, {
      cause,
      context: { location },
    });
  }
  return new DatabaseError(`database ${location} cannot be used: ${rootMessage(cause)}`, {
    cause,
    context: { location },
  });
}

/** Messages and codes of an error and its causes (drizzle wraps libSQL's error in its own). */
function chainText(error: unknown): string {
  const parts: string[] = [];
  for (let e = error, depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    if (!(e instanceof Error)) {
      parts.push(String(e));
      break;
    }
    parts.push(e.message, (e as { code?: string }).code ?? '');
    e = e.cause;
  }
  return parts.filter(Boolean).join(' ');
}

/** The first line of the innermost error's message: SQLite's own words, not drizzle's query dump. */
function rootMessage(error: unknown): string {
  let e = error;
  for (let depth = 0; depth < 5 && e instanceof Error && e.cause !== undefined; depth++) e = e.cause;
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0]?.trim() ?? text;
}
