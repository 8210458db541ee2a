// checkOwnership: a podcast:locked feed is imported only when the operator shows they own it.
import type { SourceShow } from '../../feeds-in/podcast-source.ts';
import { ImportRefusedError } from './import-errors.ts';

export interface OwnershipClaim {
  readonly ownerEmail: string | null;
  readonly iOwnThisFeed: boolean;
}

/**
 * Podcast Index namespace, podcast:locked: "tells other podcast platforms whether they are allowed
 * to import this feed"; yes means only with the owner's consent. The operator gives it with the
 * owner's email (itunes:owner/itunes:email, or the lock's owner attribute) or an explicit statement.
 */
export function checkOwnership(show: SourceShow, claim: OwnershipClaim): void {
  if (!show.locked || claim.iOwnThisFeed) return;
  const asked = claim.ownerEmail?.trim().toLowerCase();
  const owners = [show.ownerEmail, show.lockedOwner].flatMap((e) => (e ? [e.trim().toLowerCase()] : []));
  if (asked && owners.includes(asked)) return;
  throw new ImportRefusedError(
    asked
      ? `the feed is locked (podcast:locked yes) and ${asked} is not its owner's email (itunes:owner/itunes:email)`
      : "the feed is locked (podcast:locked yes): its owner does not allow imports. If it is yours, say so with --owner-email <the feed's itunes:owner email> or --i-own-this-feed (API: ownerEmail, iOwnThisFeed)",
    { context: { rule: 'podcast-locked' } },
  );
}
