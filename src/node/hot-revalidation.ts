// createHotRevalidator: has the app confirm an aging hot response in the background, so busy feeds stay on the fast paths.
import type { ContentCoding } from '../http/accept-encoding.ts';
import type { HotResponse } from '../http/hot-responses.ts';
import type { Logger } from '../log.ts';

type Fetch = (request: Request, env: object) => Response | Promise<Response>;

/**
 * Returns revalidate, createHotResponses' onAging callback, and isOwn. revalidate sends the app the
 * revalidation a client would send (GET with If-None-Match: the entry's tag, and its coding as
 * Accept-Encoding). The app
 * answers it on its full path, as it would any request: a 304 confirms the entry, a 200 replaces it,
 * anything else leaves it to be dropped. Without it, the request that found the entry stale went the
 * full path, and the HTTP front handed its connection to node:http for good; the front now waits for
 * this instead (see HotResponses.revalidation).
 */
export function createHotRevalidator(fetch: () => Fetch, log: Logger) {
  // No socket: the app finds no peer address (getConnInfo reads env.incoming.socket).
  const env = { incoming: { socket: {} } };
  const sent = new WeakSet<Request>();
  return {
    /** The app's deps.isInternalRequest: these requests get no request line. */
    isOwn: (request: Request) => sent.has(request),
    /** createHotResponses' onAging. */
    revalidate(url: string, coding: ContentCoding | undefined, response: HotResponse): Promise<void> {
      const headers: Record<string, string> = { 'if-none-match': response.baseTag };
      if (coding !== undefined) headers['accept-encoding'] = coding;
      const request = new Request(`http://localhost${url}`, { headers });
      sent.add(request);
      const answered = (async () => {
        const answer = await fetch()(request, env);
        await answer.body?.cancel();
      })();
      // Settles either way: the HTTP front waits on it.
      return answered.catch((error: unknown) =>
        log.error('revalidating a hot response failed', { url, error }),
      );
    },
  };
}
