// media_journal: media files in flight (an upload not yet recorded, a file due for removal), so a crash leaves no debris.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const MEDIA_JOURNAL_ACTIONS = ['upload', 'remove'] as const;
export type MediaJournalAction = (typeof MEDIA_JOURNAL_ACTIONS)[number];

/**
 * One row per media key whose file and record may disagree for a while:
 * - `upload`: written before the file is stored, deleted in the batch that records the asset. A
 *   row left behind by a dead `owner` means the upload never committed: its file is removed.
 * - `remove`: written in the batch that drops the last record using the file (a deleted episode, a
 *   replaced upload); the file is removed once `due_at` has passed (a grace period lets in-flight
 *   downloads of superseded audio finish), unless a record uses the key again by then.
 */
export const mediaJournal = sqliteTable(
  'media_journal',
  {
    key: text('key').primaryKey(),
    action: text('action', { enum: MEDIA_JOURNAL_ACTIONS }).notNull(),
    /** The process storing an upload (`node:<pid>@<host>`, `worker`); null for removals. */
    owner: text('owner'),
    /** upload: when it started; remove: when the file may go. */
    dueAt: integer('due_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    check('media_journal_action', sql.raw(`action IN ('upload', 'remove')`)),
    check('media_journal_key', sql`length(${t.key}) > 0`),
    index('media_journal_due_idx').on(t.action, t.dueAt),
  ],
);
