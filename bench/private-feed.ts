// Bench: a subscriber's private feed of a 1,000-episode show, rendered per request against the
// template filled with the token (what podwire serves), in the same process. Prints requests per second and ratios.
import { newSubscriberToken } from '../src/auth/subscriber-token.ts';
import { fillPrivateFeed, privateFeedOf } from '../src/catalog/subscribers/private-feed.ts';
import { renderPodcastRss } from '../src/feeds/podcast-rss.ts';
import { benchFeed } from './feed-render.ts';
import { measure, printTable } from './measure.ts';

const BASE = 'https://news.example';
const model = benchFeed(1000);
const slot = `slot${newSubscriberToken()}`;
const encoder = new TextEncoder();
const template = {
  parts: renderPodcastRss(privateFeedOf(model, BASE, slot))
    .split(slot)
    .map((part) => encoder.encode(part)),
};
const token = newSubscriberToken();
// The same bytes either way.
const rendered = encoder.encode(renderPodcastRss(privateFeedOf(model, BASE, token)));
const filled = fillPrivateFeed(template, token);
if (Buffer.compare(Buffer.from(rendered), Buffer.from(filled)) !== 0)
  throw new Error('template and render differ');

const perRequest = await measure('render per request', async () =>
  encoder.encode(renderPodcastRss(privateFeedOf(model, BASE, newSubscriberToken()))),
);
const fill = await measure('template + token', async () => fillPrivateFeed(template, newSubscriberToken()));
printTable(`private feed, 1000 episodes, ${filled.byteLength} bytes`, perRequest, [fill]);
