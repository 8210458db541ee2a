// parsePushConfig(get, bad, baseUrl): the settings that tell WebSub hubs, Podping and Podcast Index a feed changed.
import { isPublicHttpsOrigin } from './domain/public-origin.ts';

/** Public WebSub hubs used when BASE_URL is a public https origin and WEBSUB_HUBS is unset. */
export const PUBLIC_WEBSUB_HUBS: readonly string[] = [
  'https://pubsubhubbub.appspot.com/',
  'https://pubsubhubbub.superfeedr.com/',
];
/** Podping's HTTP front door (Podcast Index); a token from podping.cloud is needed to use it. */
export const PODPING_URL = 'https://podping.cloud/';
/** Podcast Index's pubnotify endpoint: asks the index to fetch a feed now (no key needed). */
export const PUBNOTIFY_URL = 'https://api.podcastindex.org/api/1.0/hub/pubnotify';
/** Podping mediums a news feed may be announced as. */
export const NEWS_PING_MEDIUMS = ['blog', 'newsletter'] as const;
export type NewsPingMedium = (typeof NEWS_PING_MEDIUMS)[number];

export interface PushConfig {
  /** WebSub hubs told of every change, and named in every feed (WEBSUB_HUBS). */
  readonly websubHubs: readonly string[];
  /** Podping is used when set (PODPING_TOKEN): sent in `Authorization`. */
  readonly podpingToken: string | undefined;
  readonly podpingUrl: string;
  /** The Podping medium of news feeds (PODPING_NEWS_MEDIUM). */
  readonly podpingNewsMedium: NewsPingMedium;
  /** Podcast Index pubnotify endpoint, or undefined when off (PUBNOTIFY_URL). */
  readonly pubnotifyUrl: string | undefined;
}

const OFF = /^(?:off|none|false)$/i;

/** An absolute http(s) URL without credentials or fragment, as written; undefined otherwise. */
function targetUrl(text: string): string | undefined {
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (url.username || url.password || url.hash) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/**
 * Targets an operator configures are trusted as given, loopback included, whatever BASE_URL is;
 * only the defaults (public hubs, pubnotify) depend on BASE_URL being a public https origin.
 */
export function parsePushConfig(
  get: (name: string) => string | undefined,
  bad: (name: string, why: string) => void,
  baseUrl: string,
): PushConfig {
  const isPublic = isPublicHttpsOrigin(baseUrl);
  const hubsText = get('WEBSUB_HUBS');
  let websubHubs: readonly string[] = isPublic ? PUBLIC_WEBSUB_HUBS : [];
  if (hubsText !== undefined) {
    const listed = OFF.test(hubsText) ? [] : hubsText.split(',').map((part) => part.trim());
    const urls = listed.map(targetUrl);
    if (urls.some((url) => url === undefined)) {
      bad('WEBSUB_HUBS', 'must be comma-separated absolute http(s) hub URLs (or off)');
    }
    websubHubs = [...new Set(urls.filter((url): url is string => url !== undefined))];
  }

  const podpingUrl = targetUrl(get('PODPING_URL') ?? PODPING_URL);
  if (podpingUrl === undefined) bad('PODPING_URL', 'must be an absolute http(s) URL');
  const podpingToken = get('PODPING_TOKEN');
  if (podpingToken !== undefined && /[\r\n]/.test(podpingToken)) {
    bad('PODPING_TOKEN', 'must be one line (it is sent in the Authorization header)');
  }
  const medium = (get('PODPING_NEWS_MEDIUM') ?? 'blog') as NewsPingMedium;
  if (!NEWS_PING_MEDIUMS.includes(medium)) bad('PODPING_NEWS_MEDIUM', 'must be blog or newsletter');

  const pubnotifyText = get('PUBNOTIFY_URL');
  let pubnotifyUrl = isPublic ? PUBNOTIFY_URL : undefined;
  if (pubnotifyText !== undefined) {
    pubnotifyUrl = OFF.test(pubnotifyText) ? undefined : targetUrl(pubnotifyText);
    if (!OFF.test(pubnotifyText) && pubnotifyUrl === undefined) {
      bad('PUBNOTIFY_URL', 'must be an absolute http(s) URL (or off)');
    }
  }
  return {
    websubHubs,
    podpingToken,
    podpingUrl: podpingUrl ?? PODPING_URL,
    podpingNewsMedium: medium,
    pubnotifyUrl,
  };
}
