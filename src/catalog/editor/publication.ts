// Publication states from an editor's request: publish now, schedule for later, or take back to draft.
import type { PublicationStatus } from '../../domain/vocabulary.ts';

export interface Publication {
  readonly status: PublicationStatus;
  readonly publishedAt: Date | null;
}

/** `at` omitted or not in the future: published now (or then); in the future: scheduled. */
export function publicationFor(at: Date | undefined, now: Date): Publication {
  const when = at ?? now;
  return { status: when.getTime() > now.getTime() ? 'scheduled' : 'published', publishedAt: when };
}

export const DRAFT: Publication = { status: 'draft', publishedAt: null };
