// A show's private feed: rendered once per catalogue version with a slot where each subscriber's token goes.
import { randomSecret } from '../../auth/secrets.ts';
import type { PodcastFeed, PodcastItem } from '../../feeds/model.ts';
import { renderPodcastRss } from '../../feeds/podcast-rss.ts';
import type { FeedRenderContext } from '../documents/feed-documents.ts';
import { GENERATOR } from '../documents/feed-documents.ts';
import { buildPodcastFeed } from '../podcast-feed.ts';
import { privateFeedUrl, privateMediaUrl } from './private-urls.ts';

/**
 * The private feed split where the token goes: `parts[0] + token + parts[1] + token + ...`. The
 * bytes are made once per show and catalogue version, so a subscriber's request costs a copy, not
 * a rendering (bench/private-feed.ts measures both).
 */
export interface PrivateFeedTemplate {
  readonly parts: readonly Uint8Array[];
}

/**
 * The public feed's content for subscribers: `<itunes:block>Yes</itunes:block>` (no directory
 * lists it), the self link and every audio, transcript and chapters file URL through `token`, no
 * WebSub hubs or Podping (nobody but the subscriber polls it). Artwork stays public.
 */
export function privateFeedOf(feed: PodcastFeed, baseUrl: string, token: string): PodcastFeed {
  const media = (url: string) => privateMediaUrl(baseUrl, url, token);
  const item = (i: PodcastItem): PodcastItem => ({
    ...i,
    enclosure: { ...i.enclosure, url: media(i.enclosure.url) },
    alternates: i.alternates.map((alt) => ({ ...alt, url: media(alt.url) })),
    transcript: i.transcript ? { ...i.transcript, url: media(i.transcript.url) } : undefined,
    chaptersUrl: i.chaptersUrl === undefined ? undefined : media(i.chaptersUrl),
  });
  return {
    ...feed,
    selfUrl: privateFeedUrl(baseUrl, token),
    block: true,
    hubs: [],
    usesPodping: false,
    items: feed.items.map(item),
  };
}

/**
 * Renders the private feed of `showSlug` with a random slot in place of the token (128 random
 * bits: no show note can contain it by chance), and splits it there.
 */
export async function renderPrivateFeedTemplate(
  ctx: FeedRenderContext,
  showSlug: string,
): Promise<PrivateFeedTemplate> {
  const { db, config, sanitize, now } = ctx;
  const feed = await buildPodcastFeed(
    { db, baseUrl: config.baseUrl, sanitize, now, generator: GENERATOR },
    showSlug,
    { forSubscribers: true },
  );
  const slot = `slot${randomSecret(16)}`;
  const encoder = new TextEncoder();
  const body = renderPodcastRss(privateFeedOf(feed, config.baseUrl, slot));
  return { parts: body.split(slot).map((part) => encoder.encode(part)) };
}

/** The feed of one subscriber: the template with their token in every slot. */
export function fillPrivateFeed(template: PrivateFeedTemplate, token: string): Uint8Array {
  const tokenBytes = new TextEncoder().encode(token);
  const { parts } = template;
  let length = tokenBytes.byteLength * (parts.length - 1);
  for (const part of parts) length += part.byteLength;
  const out = new Uint8Array(length);
  let at = 0;
  parts.forEach((part, i) => {
    if (i > 0) {
      out.set(tokenBytes, at);
      at += tokenBytes.byteLength;
    }
    out.set(part, at);
    at += part.byteLength;
  });
  return out;
}
