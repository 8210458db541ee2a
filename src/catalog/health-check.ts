// The readiness question a health check asks of the catalogue: does the database answer?
import type { Database } from '../db/database.ts';
import { pingDatabase } from '../db/queries/catalog-stats.ts';

/** Resolves when the database answers a trivial query; rejects with its error otherwise. */
export function checkDatabase(db: Database): Promise<void> {
  return pingDatabase(db);
}
