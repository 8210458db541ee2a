// The audit trail: the statement that records who made a write (batched with it), and an item's history.
import type { SQL } from 'drizzle-orm';
import type { Principal } from '../../auth/principal.ts';
import type { Database } from '../../db/database.ts';
import { insertAuditStatement, listAuditRows } from '../../db/queries/audit-events.ts';
import type { AuditEvent } from '../../db/schema.ts';

export type AuditEntity =
  | 'article'
  | 'episode'
  | 'show'
  | 'section'
  | 'user'
  | 'token'
  | 'upload'
  | 'session';

export interface AuditFacts {
  readonly entity: AuditEntity;
  /** The record's id, or a subquery giving it (created in the same batch); null for none. */
  readonly entityId: number | null | SQL;
  /** `create`, `update`, `delete`, `publish`, `unpublish`, `schedule`, `upload`, `pair`... */
  readonly action: string;
  /** A short line for people ("title changed"); at most 200 characters are kept. */
  readonly summary?: string;
}

/**
 * The insert that records `facts` as done by `actor` at `now`, to put in the same db.batch as the
 * write, or none when there is no actor (the seed). Writes that are one statement batch it too.
 * `when`: recorded only if this holds after the write (a write that may change nothing).
 */
export function auditStatements(
  ctx: { db: Database; now: Date; actor?: Principal },
  facts: AuditFacts,
  options: { when?: SQL } = {},
): ReturnType<typeof insertAuditStatement>[] {
  if (!ctx.actor) return [];
  return [
    insertAuditStatement(
      ctx.db,
      {
        at: ctx.now,
        userId: ctx.actor.userId,
        actor: ctx.actor.label,
        entity: facts.entity,
        entityId: facts.entityId,
        action: facts.action,
        summary: (facts.summary ?? '').slice(0, 200),
      },
      options.when,
    ),
  ];
}

/** The history of one item (or of every item of a kind), newest first. */
export async function listAuditEvents(
  ctx: { db: Database },
  filter: { entity: AuditEntity; entityId?: number; limit?: number },
): Promise<AuditEvent[]> {
  return listAuditRows(ctx.db, { ...filter, limit: Math.min(filter.limit ?? 50, 500) });
}
