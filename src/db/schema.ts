// The one SQLite schema for libSQL (Node) and Cloudflare D1: every table, from the files under tables/.

import type { apiTokens, auditEvents, sessions, users } from './tables/accounts.ts';
import type { importedEpisodes, importedShows, importItems, importJobs } from './tables/imports.ts';
import type { liveItems } from './tables/live-items.ts';
import type { mediaAssets } from './tables/media-assets.ts';
import type { mediaJournal } from './tables/media-journal.ts';
import type { articles, sections } from './tables/news.ts';
import type { articleEpisodes } from './tables/pairing.ts';
import type { episodeAlternates, episodes, shows } from './tables/podcasts.ts';
import type { feedPings } from './tables/push.ts';
import type { renderedDocuments } from './tables/rendered.ts';
import type { gonePaths, redirects } from './tables/routing.ts';
import type { searchReindexJobs, searchTexts } from './tables/search.ts';
import type { subscribers } from './tables/subscribers.ts';
import type { tusUploads } from './tables/tus-uploads.ts';

export { apiTokens, auditEvents, sessions, signInFailures, users } from './tables/accounts.ts';
export {
  IMPORT_ITEM_STATUSES,
  IMPORT_STATUSES,
  type ImportItemStatus,
  type ImportStatus,
  importedEpisodes,
  importedShows,
  importItems,
  importJobs,
} from './tables/imports.ts';
export {
  listenAnomalies,
  listenClosedDays,
  listenDays,
  listenEvents,
  listenKeys,
} from './tables/listens.ts';
export { liveItems } from './tables/live-items.ts';
export { mediaAssets } from './tables/media-assets.ts';
export { mediaJournal } from './tables/media-journal.ts';
export { articles, sections } from './tables/news.ts';
export { articleEpisodes } from './tables/pairing.ts';
export { episodeAlternates, episodes, shows } from './tables/podcasts.ts';
export { feedPings } from './tables/push.ts';
export { renderedBodies, renderedDocuments } from './tables/rendered.ts';
export { catalogState, gonePaths, redirects } from './tables/routing.ts';
export {
  REINDEX_PHASES,
  REINDEX_STATUSES,
  SEARCH_KINDS,
  type SearchKind,
  searchReindexJobs,
  searchTexts,
} from './tables/search.ts';
export { subscribers, subscriberUses } from './tables/subscribers.ts';
export { tusUploads } from './tables/tus-uploads.ts';

export type MediaAsset = typeof mediaAssets.$inferSelect;
export type NewMediaAsset = typeof mediaAssets.$inferInsert;
export type Section = typeof sections.$inferSelect;
export type NewSection = typeof sections.$inferInsert;
export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;
export type Show = typeof shows.$inferSelect;
export type NewShow = typeof shows.$inferInsert;
export type Episode = typeof episodes.$inferSelect;
export type NewEpisode = typeof episodes.$inferInsert;
export type ArticleEpisode = typeof articleEpisodes.$inferSelect;
export type EpisodeAlternate = typeof episodeAlternates.$inferSelect;
export type Redirect = typeof redirects.$inferSelect;
export type GonePath = typeof gonePaths.$inferSelect;
export type MediaJournalEntry = typeof mediaJournal.$inferSelect;
export type RenderedDocument = typeof renderedDocuments.$inferSelect;
export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type TusUpload = typeof tusUploads.$inferSelect;
export type SearchText = typeof searchTexts.$inferSelect;
export type NewSearchText = typeof searchTexts.$inferInsert;
export type SearchReindexJob = typeof searchReindexJobs.$inferSelect;
export type ImportJob = typeof importJobs.$inferSelect;
export type ImportItem = typeof importItems.$inferSelect;
export type ImportedEpisode = typeof importedEpisodes.$inferSelect;
export type ImportedShow = typeof importedShows.$inferSelect;
export type LiveItem = typeof liveItems.$inferSelect;
export type FeedPing = typeof feedPings.$inferSelect;
export type Subscriber = typeof subscribers.$inferSelect;
