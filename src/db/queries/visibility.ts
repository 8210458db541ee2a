// The one rule for what the public sees: published or scheduled, and its publication time has come.
import { and, inArray, lte, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/** Scheduled items appear at `published_at` without a restart: the clock decides, not a job. */
export function isLive(table: { status: SQLiteColumn; publishedAt: SQLiteColumn }, now: Date): SQL {
  return and(inArray(table.status, ['published', 'scheduled']), lte(table.publishedAt, now)) as SQL;
}

/** The same rule for a row already read. */
export function isLiveRecord(item: { status: string; publishedAt: Date | null }, now: Date): boolean {
  return (
    (item.status === 'published' || item.status === 'scheduled') &&
    item.publishedAt !== null &&
    item.publishedAt.getTime() <= now.getTime()
  );
}
