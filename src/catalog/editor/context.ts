// EditorContext: what every editing use case needs: the database, the site's base URL and the clock.
import type { Database } from '../../db/database.ts';

export interface EditorContext {
  readonly db: Database;
  readonly baseUrl: string;
  readonly now: Date;
}
