// Columns every background job table has (imports, search reindex): who asked, when, and the runner's lease.
import { integer } from 'drizzle-orm/sqlite-core';
import { users } from './accounts.ts';
import { createdAt, updatedAt } from './columns.ts';

/** A job's lease, creator and times; spread into the table's columns. */
export const jobColumns = () => ({
  /** A runner working on the job holds it until then; another runner leaves it alone meanwhile. */
  leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
});
