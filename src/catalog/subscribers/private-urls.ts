// Private feed URLs: a subscriber's feed and media under /private/<token>/, and how to spot one in a path.

/** Every token-bearing path starts so: `/private/<token>/feed.xml`, `/private/<token>/media/<version>/<key>`. */
export const PRIVATE_PREFIX = '/private/';

export function privateFeedUrl(baseUrl: string, token: string): string {
  return `${baseUrl}${PRIVATE_PREFIX}${token}/feed.xml`;
}

/** A public media URL (`${baseUrl}/media/...`) made private: the same file through `token`. */
export function privateMediaUrl(baseUrl: string, publicUrl: string, token: string): string {
  return publicUrl.startsWith(`${baseUrl}/media/`)
    ? `${baseUrl}${PRIVATE_PREFIX}${token}${publicUrl.slice(baseUrl.length)}`
    : publicUrl;
}

/**
 * `path` with the token of a private URL replaced by `…`: what logs write. Tokens must never reach
 * a log line (anyone reading logs could open the feed).
 */
export function redactPrivatePath(path: string): string {
  // Case-insensitive: `/PRIVATE/<token>/` finds no route, but its line must not show the token either.
  const at = path.toLowerCase().indexOf(PRIVATE_PREFIX);
  if (at === -1) return path;
  const start = at + PRIVATE_PREFIX.length;
  const end = path.indexOf('/', start);
  return `${path.slice(0, start)}…${end === -1 ? '' : path.slice(end)}`;
}
