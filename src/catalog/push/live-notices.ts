// oweLiveNotice: the Podping a live item's move owes (reason `live` or `liveEnd`), beside the feed's own `update` notices.
import type { Database } from '../../db/database.ts';
import { owePings } from '../../db/queries/feed-pings.ts';
import { findDocumentRow } from '../../db/queries/rendered-documents.ts';
import type { AppConfig } from '../../deps.ts';
import { documentKey, type FeedDocument } from '../documents/feed-documents.ts';
import { PING_DELAY_MS } from './deliver-pings.ts';
import { type PingReason, pingsForFeed, pushesAnywhere } from './ping-targets.ts';

/**
 * Records the notice that the show's stream went live (`live`) or ended (`liveEnd`). Only
 * Podping has reasons (podping-hivewriter: update, live, liveEnd); WebSub hubs and Podcast Index
 * learn of the change from the `update` notices the feed's new version records. The version is
 * the stored feed's hash once the write has rendered it (`fallback` when feeds are not stored).
 */
export async function oweLiveNotice(
  deps: { readonly db: Database; readonly config: AppConfig; readonly now: Date },
  showSlug: string,
  reason: Exclude<PingReason, 'update'>,
  fallback: string,
): Promise<void> {
  if (!pushesAnywhere(deps.config)) return;
  const doc: FeedDocument = { kind: 'podcast', show: showSlug };
  const version = (await findDocumentRow(deps.db, documentKey(doc)))?.hash ?? fallback;
  const pings = pingsForFeed(deps.config, doc, version, reason).filter((p) => p.target === 'podping');
  if (pings.length === 0) return;
  await owePings(deps.db, pings, deps.now, new Date(deps.now.getTime() + PING_DELAY_MS));
}
