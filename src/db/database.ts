// The Database type every query takes: drizzle's async SQLite database over libSQL or D1, with batch().
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from './schema.ts';

export type Schema = typeof schema;

/**
 * What libSQL's and D1's drizzle databases have in common. Multi-statement writes go through
 * `batch()`, which is atomic on both; D1 rejects BEGIN, so `transaction()` is never used.
 */
export interface Database extends BaseSQLiteDatabase<'async', unknown, Schema> {
  batch<U extends BatchItem<'sqlite'>, T extends Readonly<[U, ...U[]]>>(batch: T): Promise<BatchResponse<T>>;
}
