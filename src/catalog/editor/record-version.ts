// Record versions for the admin API: the entity tag a read answers, and If-Match turned into an atomic write guard.
import { type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { PreconditionFailedError } from '../../errors.ts';
import { listedTags } from '../../http/conditional.ts';

/** What a write was told about the version the editor last saw. */
export interface WriteCondition {
  /** The request's If-Match value (RFC 9110 §13.1.1), when it sent one. */
  readonly ifMatch?: string;
}

/**
 * The strong entity tag of a record's API view: a digest of exactly the JSON a read returns, so it
 * changes whenever anything shown changes (fields, attached files, URLs under BASE_URL).
 */
export async function viewEtag(view: unknown): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(view)));
  const hex = Array.from(new Uint8Array(digest).subarray(0, 16), (b) => b.toString(16).padStart(2, '0'));
  return `"${hex.join('')}"`;
}

/**
 * The version a conditional write must find, or undefined for an unconditional one. If-Match uses
 * the strong comparison (§13.1.1): a weak tag never matches; `*` matches any current record.
 * Throws 412 when no listed tag is the current one.
 */
export async function expectedVersion(
  condition: WriteCondition | undefined,
  currentView: unknown,
  currentVersion: number,
): Promise<number | undefined> {
  const header = condition?.ifMatch;
  if (header === undefined) return undefined;
  const tags = listedTags(header);
  if (tags.includes('*')) return currentVersion;
  const current = await viewEtag(currentView);
  if (!tags.includes(current)) {
    throw new PreconditionFailedError(
      `the record changed since you read it (If-Match ${header.trim()} is not the current ETag ${current}): read it again and reapply your change`,
      { context: { etag: current } },
    );
  }
  return currentVersion;
}

/**
 * The new value of a `version` column. With an expected version the same statement becomes the
 * check: a record changed meanwhile gets NULL, which its NOT NULL constraint refuses, so the whole
 * batch is rolled back (translated to 412). One statement, hence no window between check and write.
 */
export function nextVersion(column: SQLiteColumn, expected: number | undefined): SQL<number> {
  return expected === undefined
    ? sql<number>`${column} + 1`
    : sql<number>`CASE WHEN ${column} = ${expected} THEN ${column} + 1 ELSE NULL END`;
}

/** Whether a database error is a guard from `nextVersion` refusing a stale write. */
export function isStaleWrite(text: string): boolean {
  return /NOT NULL constraint failed: \w+\.version/i.test(text);
}

/** The columns every write to a record sets: the time, and the next version (guarded when expected). */
export function touched(table: { version: SQLiteColumn }, now: Date, expected?: number) {
  return { updatedAt: now, version: nextVersion(table.version, expected) };
}
