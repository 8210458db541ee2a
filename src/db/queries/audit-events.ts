// The audit trail: one insert statement per write (batched with it), and the events of one record.
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database } from '../database.ts';
import { type AuditEvent, auditEvents } from '../schema.ts';

export type NewAuditEvent = Omit<AuditEvent, 'id' | 'entityId'> & {
  /** The record's id, or a subquery giving it (a record created in the same batch). */
  readonly entityId: number | null | SQL;
};

/**
 * The insert of one event; with `when`, only if that condition holds after the batch's earlier
 * statements. INSERT ... SELECT through the query builder (not db.run), which D1 can batch with
 * parameters. Columns in table order: id (NULL: the next), at, user_id, actor, entity, entity_id,
 * action, summary.
 */
export function insertAuditStatement(db: Database, event: NewAuditEvent, when?: SQL) {
  return db.insert(auditEvents).select(
    sql`SELECT NULL, ${event.at.getTime()}, ${event.userId}, ${event.actor}, ${event.entity}, ${event.entityId},
      ${event.action}, ${event.summary} WHERE ${when ?? sql`1`}`,
  );
}

/**
 * The insert of one event for each row of `from` that `where` selects, the row's `id` as the entity
 * id (a write that touches many records at once, such as the schedule publishing what is due). The
 * same column order and INSERT ... SELECT as insertAuditStatement.
 */
export function insertAuditStatementPerRow(
  db: Database,
  event: Omit<NewAuditEvent, 'entityId'>,
  from: SQLiteTable & { id: SQLiteColumn },
  where: SQL,
) {
  return db.insert(auditEvents).select(
    sql`SELECT NULL, ${event.at.getTime()}, ${event.userId}, ${event.actor}, ${event.entity}, ${from.id},
      ${event.action}, ${event.summary} FROM ${from} WHERE ${where}`,
  );
}

export async function listAuditRows(
  db: Database,
  filter: { entity: string; entityId?: number; limit: number },
): Promise<AuditEvent[]> {
  return db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entity, filter.entity),
        filter.entityId === undefined ? undefined : eq(auditEvents.entityId, filter.entityId),
      ),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(filter.limit);
}
