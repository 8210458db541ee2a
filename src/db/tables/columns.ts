// Column and constraint helpers shared by the table definitions.
import { sql } from 'drizzle-orm';
import { integer } from 'drizzle-orm/sqlite-core';
import { PUBLICATION_STATUSES } from '../../domain/vocabulary.ts';

/** Lower-case words joined by hyphens, 1-200 characters. */
export const slugCheck = (column: string) =>
  sql.raw(
    `length(${column}) BETWEEN 1 AND 200 AND ${column} NOT GLOB '*[^a-z0-9-]*' AND ${column} NOT GLOB '-*'`,
  );
/** `column IN ('a', 'b', …)`: the column holds one of `values` (for a CHECK constraint). */
export const oneOf = (column: string, values: readonly string[]) =>
  sql.raw(`${column} IN (${values.map((v) => `'${v}'`).join(', ')})`);
export const statusCheck = oneOf('status', PUBLICATION_STATUSES);
export const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull();
export const updatedAt = () => integer('updated_at', { mode: 'timestamp_ms' }).notNull();
/**
 * Raised by one on every write that changes what the record's API view shows, so a conditional
 * write (If-Match) can check in the same statement that nothing changed since the editor read it.
 */
export const version = () => integer('version').notNull().default(1);
