// Private feed access: who holds a token (looked up on every request), and counting each use by network.
import { hmacHex } from '../../analytics/listener-identity.ts';
import { networkPrefix } from '../../analytics/network-prefix.ts';
import { utcDay } from '../../analytics/utc-day.ts';
import type { TokenHasher } from '../../auth/subscriber-token.ts';
import type { Database } from '../../db/database.ts';
import { isAssetOfShow } from '../../db/queries/media-assets.ts';
import { findTokenHolder, recordSubscriberUse, type TokenHolder } from '../../db/queries/subscribers.ts';
import type { Logger } from '../../log.ts';
import type { DayKeys } from '../analytics/day-keys.ts';

export type { TokenHolder };

/**
 * The live subscriber holding `token`, or undefined. Unknown, revoked and malformed tokens take
 * the same path: the text is hashed whatever it is, and one indexed lookup finds no row.
 */
export async function holderOfToken(
  db: Database,
  hashToken: TokenHasher,
  token: string,
): Promise<TokenHolder | undefined> {
  return findTokenHolder(db, await hashToken(token));
}

/** Whether the holder's show may give them this asset now (a file of a live episode, or its artwork). */
export function mayFetchAsset(
  db: Database,
  holder: TokenHolder,
  assetId: number,
  now: Date,
): Promise<boolean> {
  return isAssetOfShow(db, assetId, holder.showId, now);
}

export interface UseContext {
  readonly db: Database;
  readonly keys: DayKeys;
  readonly maxNetworks: number;
  readonly log: Logger;
  readonly now: Date;
}

/**
 * Counts one feed fetch or download of `holder`'s token from `address`'s network (its day-keyed
 * HMAC: no address is stored, and the day's key is destroyed after the day). The day a token
 * crosses SUBSCRIBER_MAX_NETWORKS it is logged once, as probably shared.
 */
export async function countUse(
  ctx: UseContext,
  holder: TokenHolder,
  kind: 'feed' | 'media',
  address: string | undefined,
): Promise<void> {
  const day = utcDay(ctx.now);
  const key = await ctx.keys.keyFor(day);
  const networkHash = await hmacHex(key, `subscriber network\n${networkPrefix(address ?? '')}`);
  const { networks, newNetwork } = await recordSubscriberUse(ctx.db, {
    subscriberId: holder.subscriberId,
    day,
    networkHash,
    kind,
  });
  if (newNetwork && networks === ctx.maxNetworks + 1) {
    ctx.log.warn('a private feed link was used from more networks today than SUBSCRIBER_MAX_NETWORKS', {
      subscriberId: holder.subscriberId,
      show: holder.showSlug,
      networks,
      day,
    });
  }
}
