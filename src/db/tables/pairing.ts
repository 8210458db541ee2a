// article_episodes: the ordered many-to-many pairing of articles and episodes.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { articles } from './news.ts';
import { episodes } from './podcasts.ts';

/** Ordered many-to-many pairing: an article carries episodes in `position` order. */
export const articleEpisodes = sqliteTable(
  'article_episodes',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    episodeId: integer('episode_id')
      .notNull()
      .references(() => episodes.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.episodeId] }),
    uniqueIndex('article_episodes_position').on(t.articleId, t.position),
    index('article_episodes_episode_idx').on(t.episodeId),
    check('article_episodes_position_check', sql`${t.position} >= 0`),
  ],
);
