// Imports of shows from other hosts: jobs, the items each job reads, and what each imported record came from.
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { oneOf } from './columns.ts';
import { jobColumns } from './job-columns.ts';
import { episodes, shows } from './podcasts.ts';

/** queued: not started; running: the feed is read and items remain; done, failed, refused: over. */
export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'refused'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** What became of one item of the source feed in a job. */
export const IMPORT_ITEM_STATUSES = ['pending', 'new', 'updated', 'unchanged', 'failed'] as const;
export type ImportItemStatus = (typeof IMPORT_ITEM_STATUSES)[number];

/** One import of a feed: asked by the CLI, the API or the studio, run in steps on every runtime. */
export const importJobs = sqliteTable(
  'import_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The address the operator gave. */
    url: text('url').notNull(),
    /** Where the feed was read in the end (after permanent redirects and itunes:new-feed-url). */
    feedUrl: text('feed_url'),
    /** The show asked for (`--show`), or null to find or make one. */
    showSlug: text('show_slug'),
    showId: integer('show_id').references(() => shows.id, { onDelete: 'set null' }),
    status: text('status', { enum: IMPORT_STATUSES }).notNull().default('queued'),
    /** The operator's word for a podcast:locked feed: the owner's email, or an explicit "I own it". */
    ownerEmail: text('owner_email'),
    iOwnThisFeed: integer('i_own_this_feed', { mode: 'boolean' }).notNull().default(false),
    /** What the job did to the show: new, updated or unchanged (null until the feed is read). */
    showStatus: text('show_status'),
    total: integer('total').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    /** Why the job was refused or failed as a whole. */
    error: text('error'),
    /** Things worth knowing that stopped nothing (artwork Apple would refuse, an unknown category). */
    warnings: text('warnings', { mode: 'json' }).$type<string[]>().notNull().default([]),
    ...jobColumns(),
  },
  (t) => [
    check('import_jobs_status', oneOf('status', IMPORT_STATUSES)),
    index('import_jobs_status_idx').on(t.status),
  ],
);

/** The items of the feed a job read, each processed once (a failed one is retried by the next job). */
export const importItems = sqliteTable(
  'import_items',
  {
    jobId: integer('job_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    /** Order in the feed, from 0. */
    position: integer('position').notNull(),
    guid: text('guid').notNull(),
    title: text('title').notNull(),
    /** The item as read (the import model, JSON), so later steps need not read the feed again. */
    source: text('source', { mode: 'json' }).$type<unknown>().notNull(),
    status: text('status', { enum: IMPORT_ITEM_STATUSES }).notNull().default('pending'),
    error: text('error'),
    episodeId: integer('episode_id').references(() => episodes.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ columns: [t.jobId, t.position] }),
    index('import_items_status_idx').on(t.jobId, t.status),
  ],
);

/** Where an imported episode came from: what a later import compares to change only what changed. */
export const importedEpisodes = sqliteTable('imported_episodes', {
  episodeId: integer('episode_id')
    .primaryKey()
    .references(() => episodes.id, { onDelete: 'cascade' }),
  feedUrl: text('feed_url').notNull(),
  /** SHA-256 of the item's fields as read: the same digest again means nothing to update. */
  sourceDigest: text('source_digest').notNull(),
  /** The source URL each stored file was fetched from; null when it has none or its fetch failed. */
  audioUrl: text('audio_url'),
  imageUrl: text('image_url'),
  transcriptUrl: text('transcript_url'),
  chaptersUrl: text('chapters_url'),
  importedAt: integer('imported_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Where an imported show came from. */
export const importedShows = sqliteTable('imported_shows', {
  showId: integer('show_id')
    .primaryKey()
    .references(() => shows.id, { onDelete: 'cascade' }),
  /** The address the operator gave first: the old host, which the moving steps redirect. */
  sourceUrl: text('source_url').notNull(),
  feedUrl: text('feed_url').notNull(),
  sourceDigest: text('source_digest').notNull(),
  artworkUrl: text('artwork_url'),
  importedAt: integer('imported_at', { mode: 'timestamp_ms' }).notNull(),
});
