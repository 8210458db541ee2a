// Podcast Index tags the podcast RSS carries beside the basics: liveItem, soundbite, socialInteract, license, location.
// https://podcastindex.org/namespace/1.0

import { htmlFromText } from '../domain/html.ts';
import type { License, Location, SocialInteract, Soundbite } from '../domain/vocabulary.ts';
import type { FeedLiveItem } from './model.ts';
import { attributes, element, emptyElement, escapeHtmlContent, escapeText } from './xml.ts';

/** `<podcast:license>`: the SPDX identifier or licence name, with the URL of its text when given. */
export const licenseElement = (license: License) =>
  `<podcast:license${attributes({ url: license.url })}>${escapeText(license.name)}</podcast:license>`;

/** `<podcast:location>`: the place's name, with rel, geo URI, OSM id and country when known. */
export const locationElement = (location: Location) =>
  `<podcast:location${attributes({
    rel: location.rel,
    geo: location.geo,
    osm: location.osm,
    country: location.country,
  })}>${escapeText(location.name)}</podcast:location>`;

/** `<podcast:soundbite startTime duration>`: the title as its value, empty when there is none. */
export function soundbiteElement(bite: Soundbite): string {
  const attrs = { startTime: bite.startSeconds, duration: bite.durationSeconds };
  return bite.title
    ? `<podcast:soundbite${attributes(attrs)}>${escapeText(bite.title)}</podcast:soundbite>`
    : emptyElement('podcast:soundbite', attrs);
}

/** `<podcast:socialInteract>`: protocol `disabled` stands alone, with no other attribute. */
export const socialInteractElement = (s: SocialInteract) =>
  emptyElement('podcast:socialInteract', {
    protocol: s.protocol,
    uri: s.uri,
    accountId: s.accountId,
    accountUrl: s.accountUrl,
    priority: s.priority,
  });

/**
 * `<podcast:liveItem status start end>`: an item for a live stream, with its guid, the stream as
 * the enclosure (length 0: a stream has no length) and `podcast:contentLink`s, which the namespace
 * requires so that listeners whose app cannot play the stream can follow it in a browser.
 */
export function liveItemElement(live: FeedLiveItem): string {
  const lines = [
    `<podcast:liveItem${attributes({ status: live.status, start: live.start.toISOString(), end: live.end?.toISOString() })}>`,
    element('title', live.title),
    element('link', live.link),
    `<guid isPermaLink="false">${escapeText(live.guid)}</guid>`,
  ];
  if (live.summary) lines.push(`<description>${escapeHtmlContent(htmlFromText(live.summary))}</description>`);
  lines.push(
    emptyElement('enclosure', { url: live.enclosure.url, length: 0, type: live.enclosure.mimeType }),
  );
  if (live.imageUrl) lines.push(emptyElement('itunes:image', { href: live.imageUrl }));
  for (const link of live.contentLinks) {
    lines.push(
      `<podcast:contentLink${attributes({ href: link.href })}>${escapeText(link.label)}</podcast:contentLink>`,
    );
  }
  lines.push('</podcast:liveItem>');
  return lines.join('\n');
}
