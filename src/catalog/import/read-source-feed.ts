// readSourceFeed: fetch and read the feed at a URL, following permanent redirects and itunes:new-feed-url (no loops).
import type { SourceFeed } from '../../feeds-in/podcast-source.ts';
import { readPodcastRss } from '../../feeds-in/read-podcast-rss.ts';
import { ImportFailedError, ImportRefusedError } from './import-errors.ts';
import type { ImportDeps } from './import-ports.ts';

/** Feeds followed through itunes:new-feed-url before podwire gives up (each may redirect too). */
export const MAX_FEED_MOVES = 5;

const FEED_ACCEPT = 'application/rss+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1';

export interface ReadSourceFeed {
  readonly feed: SourceFeed;
  /**
   * Where the feed lives now: the URL reached through permanent redirects (301, 308) and
   * itunes:new-feed-url. A temporary redirect (302, 307) is followed but not adopted.
   */
  readonly feedUrl: string;
  /** Every address read or redirected through, in order. */
  readonly path: readonly string[];
}

/** The URL a chain of redirects from `start` ends at, counting only permanent ones (RFC 9110 §15.4). */
function permanentEnd(start: string, redirects: ReadonlyArray<{ to: string; permanent: boolean }>): string {
  let at = start;
  for (const redirect of redirects) {
    if (!redirect.permanent) break;
    at = redirect.to;
  }
  return at;
}

const sameUrl = (a: string, b: string) => {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
};

/**
 * Reads the feed at `url` (at most `maxFeedBytes`; the fetch refuses more). When it names another
 * home in itunes:new-feed-url, that one is read instead, up to MAX_FEED_MOVES times; a URL seen
 * twice is a loop and refused. A new-feed-url pointing at podwire itself (the move is done) ends
 * the chase: the document in hand is imported.
 */
export async function readSourceFeed(deps: ImportDeps, url: string): Promise<ReadSourceFeed> {
  const path: string[] = [];
  let next = url;
  for (let moves = 0; ; moves++) {
    if (path.some((seen) => sameUrl(seen, next))) {
      throw new ImportRefusedError(`the feed's addresses loop: ${[...path, next].join(' → ')}`, {
        context: { url: next, rule: 'feed-url-loop' },
      });
    }
    path.push(next);
    // The fetch stops a feed at the limit (FetchTooLarge, from its Content-Length or as it reads);
    // the refusal names the setting.
    const tooLarge = (url: string) =>
      new ImportRefusedError(
        `the feed at ${url} is larger than IMPORT_MAX_FEED_BYTES (${deps.maxFeedBytes} bytes)`,
        { context: { url, rule: 'max-feed-bytes' } },
      );
    const named = (url: string) => (error: unknown) => {
      throw error instanceof Error && error.name === 'FetchTooLarge' ? tooLarge(url) : error;
    };
    const response = await deps
      .fetch(next, { maxBytes: deps.maxFeedBytes, accept: FEED_ACCEPT })
      .catch(named(next));
    for (const redirect of response.redirects) path.push(redirect.to);
    if (response.status < 200 || response.status > 299) {
      await response.body.cancel().catch(() => {});
      throw new ImportFailedError(`the feed at ${response.url} answered HTTP ${response.status}`, {
        context: { url: response.url, status: response.status },
      });
    }
    const bytes = await response.bytes().catch(named(response.url));
    if (bytes.byteLength > deps.maxFeedBytes) throw tooLarge(response.url);
    const feed = readPodcastRss(bytes, response.url);
    const feedUrl = permanentEnd(next, response.redirects);
    const moved = feed.show.newFeedUrl;
    const done =
      moved === null ||
      sameUrl(moved, feedUrl) ||
      sameUrl(moved, response.url) ||
      moved.startsWith(`${deps.baseUrl}/`);
    if (done) return { feed, feedUrl, path };
    if (moves + 1 >= MAX_FEED_MOVES) {
      throw new ImportRefusedError(
        `the feed moved more than ${MAX_FEED_MOVES} times (itunes:new-feed-url): ${[...path, moved].join(' → ')}`,
        { context: { url: moved, rule: 'max-feed-moves' } },
      );
    }
    next = moved;
  }
}
