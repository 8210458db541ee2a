// EditorContext: what every editing use case needs: the database, the site's base URL, the clock and the actor.
import type { Principal } from '../../auth/principal.ts';
import type { Database } from '../../db/database.ts';

export interface EditorContext {
  readonly db: Database;
  readonly baseUrl: string;
  readonly now: Date;
  /** Who makes the change (recorded in the audit trail, checked against their role); absent in the CLI and seed. */
  readonly actor?: Principal;
}
