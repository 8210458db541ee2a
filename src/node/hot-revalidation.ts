// createHotRevalidator: has the app confirm an aging hot response in the background, so busy feeds stay on the fast paths.
import type { ContentCoding } from '../http/accept-encoding.ts';
import type { HotResponse } from '../http/hot-responses.ts';
import { UNLOGGED_REQUEST } from '../http/request-log.ts';
import type { Logger } from '../log.ts';

type Fetch = (request: Request, env: object) => Response | Promise<Response>;

/**
 * Returns the onAging callback of createHotResponses: it sends the app the revalidation a client
 * would send (GET with If-None-Match: the entry's tag, and its coding as Accept-Encoding). The app
 * answers it on its full path, as it would any request: a 304 confirms the entry, a 200 replaces it,
 * anything else leaves it to go stale. Without it, the request that found the entry stale went the
 * full path, and the HTTP front handed its connection to node:http for good.
 */
export function createHotRevalidator(fetch: () => Fetch, log: Logger) {
  // No client sent it: no request line, and no socket to read a peer from.
  const env = { [UNLOGGED_REQUEST]: true, incoming: { socket: {} } };
  return function revalidateHot(url: string, coding: ContentCoding | undefined, response: HotResponse): void {
    const headers: Record<string, string> = { 'if-none-match': response.baseTag };
    if (coding !== undefined) headers['accept-encoding'] = coding;
    const answered = (async () => {
      const answer = await fetch()(new Request(`http://localhost${url}`, { headers }), env);
      await answer.body?.cancel();
    })();
    answered.catch((error: unknown) => log.error('revalidating a hot response failed', { url, error }));
  };
}
