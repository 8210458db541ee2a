// pingsForFeed: which hubs and indexes are told that a feed changed, and how (Podping reason and medium).
import type { OwedPing } from '../../db/queries/feed-pings.ts';
import type { AppConfig } from '../../deps.ts';
import type { FeedDocument } from '../documents/feed-documents.ts';
import { siteUrls } from '../site-urls.ts';

/** Podping reasons (https://github.com/Podcastindex-org/podping-hivewriter#reason). */
export type PingReason = 'update' | 'live' | 'liveEnd';

export const websubTarget = (hub: string) => `websub ${hub}`;

/**
 * The notices owed when `doc` reaches a new version. Every format and page 1 of every feed goes
 * to each WebSub hub (each document is its own topic); Podping carries podcast feeds (medium
 * `podcast`) and the RSS of news feeds (medium `blog`, or `newsletter` when configured); Podcast
 * Index pubnotify carries podcast feeds only. Later pages of news feeds are not feeds of their own.
 */
export function pingsForFeed(
  config: AppConfig,
  doc: FeedDocument,
  version: string,
  reason: PingReason = 'update',
): OwedPing[] {
  if (doc.kind === 'news' && doc.page !== 1) return [];
  const urls = siteUrls(config.baseUrl);
  const feedUrl =
    doc.kind === 'podcast' ? urls.podcastFeed(doc.show) : urls.newsFeed(doc.format, doc.section);
  const ping = (target: string, medium: string): OwedPing => ({ target, feedUrl, reason, medium, version });
  const medium = doc.kind === 'podcast' ? 'podcast' : config.podpingNewsMedium;
  const pings = config.websubHubs.map((hub) => ping(websubTarget(hub), medium));
  const rss = doc.kind === 'podcast' || doc.format === 'rss';
  if (config.podpingToken !== undefined && rss) pings.push(ping('podping', medium));
  if (config.pubnotifyUrl !== undefined && doc.kind === 'podcast') pings.push(ping('pubnotify', medium));
  return pings;
}

/** Whether any target is configured at all (no notices are recorded otherwise). */
export function pushesAnywhere(config: AppConfig): boolean {
  return (
    config.websubHubs.length > 0 || config.podpingToken !== undefined || config.pubnotifyUrl !== undefined
  );
}
