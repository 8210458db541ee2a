// sections and articles: the news side of the catalogue.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { type Author, PUBLICATION_STATUSES } from '../../domain/vocabulary.ts';
import { users } from './accounts.ts';
import { createdAt, slugCheck, statusCheck, updatedAt, version } from './columns.ts';
import { mediaAssets } from './media-assets.ts';

export const sections = sqliteTable(
  'sections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [check('sections_slug', slugCheck('slug')), check('sections_name', sql`length(${t.name}) > 0`)],
);

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull().unique(),
    /** Stable item id in the news feeds: unlike the slug, it never changes. */
    guid: text('guid').notNull().unique(),
    headline: text('headline').notNull(),
    standfirst: text('standfirst').notNull().default(''),
    /** The body as the editor wrote it; sanitised on the way out, the original kept. */
    bodyHtml: text('body_html').notNull().default(''),
    authors: text('authors', { mode: 'json' }).$type<Author[]>().notNull().default([]),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'restrict' }),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default([]),
    imageAssetId: integer('image_asset_id').references(() => mediaAssets.id, { onDelete: 'set null' }),
    imageAlt: text('image_alt').notNull().default(''),
    status: text('status', { enum: PUBLICATION_STATUSES }).notNull().default('draft'),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    /** The user who created it (null: the ADMIN_TOKEN or before accounts existed); contributors edit only their own drafts. */
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    check('articles_slug', slugCheck('slug')),
    check('articles_headline', sql`length(${t.headline}) > 0`),
    check('articles_guid', sql`length(${t.guid}) > 0`),
    check('articles_status', statusCheck),
    check('articles_published_at', sql`${t.status} = 'draft' OR ${t.publishedAt} IS NOT NULL`),
    index('articles_listing_idx').on(t.status, t.publishedAt),
    index('articles_section_idx').on(t.sectionId, t.status, t.publishedAt),
  ],
);
