// pingRequest(ping, config): the HTTP request that delivers one notice to a WebSub hub, Podping or Podcast Index.
import type { FeedPing } from '../../db/schema.ts';
import type { AppConfig } from '../../deps.ts';

const WEBSUB_PREFIX = 'websub ';

/** Podcast Index asks every client to name itself in User-Agent: podwire and the site it speaks for. */
export const pingUserAgent = (config: Pick<AppConfig, 'baseUrl'>) => `podwire (+${config.baseUrl})`;

/**
 * - WebSub (W3C WebSub; the publish call most hubs take): `POST hub` with the form
 *   `hub.mode=publish&hub.url=FEED`.
 * - Podping: `GET PODPING_URL?url=FEED&reason=…&medium=…` with the token in `Authorization`.
 * - Podcast Index: `GET PUBNOTIFY_URL?url=FEED`.
 * Undefined for a target no longer configured (its notice is dropped).
 */
export function pingRequest(ping: FeedPing, config: AppConfig): Request | undefined {
  const headers = { 'user-agent': pingUserAgent(config) };
  if (ping.target.startsWith(WEBSUB_PREFIX)) {
    const hub = ping.target.slice(WEBSUB_PREFIX.length);
    if (!config.websubHubs.includes(hub)) return undefined;
    return new Request(hub, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': ping.feedUrl }).toString(),
    });
  }
  if (ping.target === 'podping') {
    if (config.podpingToken === undefined) return undefined;
    const url = new URL(config.podpingUrl);
    url.searchParams.set('url', ping.feedUrl);
    url.searchParams.set('reason', ping.reason);
    url.searchParams.set('medium', ping.medium);
    return new Request(url, { headers: { ...headers, authorization: config.podpingToken } });
  }
  if (ping.target === 'pubnotify') {
    if (config.pubnotifyUrl === undefined) return undefined;
    const url = new URL(config.pubnotifyUrl);
    url.searchParams.set('url', ping.feedUrl);
    return new Request(url, { headers });
  }
  return undefined;
}
