// createNodeFetchPort: safe fetching on Node: getaddrinfo for resolve, and every connection pinned to the checked address.
import { lookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';
import type { Config } from '../config.ts';
import { fetchPolicyFromConfig } from '../net/fetch-policy.ts';
import { createSafeFetch, type FetchPort, type SafeFetch } from '../net/safe-fetch.ts';

export interface NodeFetchPortOptions {
  /** The resolver (tests inject one); getaddrinfo by default, so /etc/hosts counts as it does for any program. */
  readonly resolve?: (hostname: string) => Promise<string[]>;
}

/** Connection pools kept, one per pinned address; the least recently used is closed beyond this. */
const MAX_AGENTS = 16;
/** Status codes whose responses have no body (RFC 9110 §6.4.1): `new Response` refuses one for them. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * The FetchPort for Node. Requests go through undici with one Agent per pinned address whose
 * `connect.lookup` answers that address and nothing else: the host name is never looked up again
 * at connect time, so a DNS answer that changes between the check and the connection (rebinding)
 * cannot redirect it. TLS still verifies the certificate against the URL's host name. A request
 * with no pinned address and a host name fails instead of resolving on its own.
 */
export function createNodeFetchPort(options: NodeFetchPortOptions = {}): FetchPort {
  const agents = new Map<string, Agent>();
  const agentFor = (address: string | undefined): Agent => {
    const key = address ?? '';
    const existing = agents.get(key);
    if (existing) {
      agents.delete(key);
      agents.set(key, existing);
      return existing;
    }
    const agent = new Agent({ connect: { lookup: pinnedLookup(address) } });
    agents.set(key, agent);
    for (const [oldKey, old] of agents) {
      if (agents.size <= MAX_AGENTS) break;
      agents.delete(oldKey);
      // close() lets requests in flight finish before the pool's sockets end.
      old.close().catch(() => {});
    }
    return agent;
  };

  return {
    async fetch(request, pinned) {
      const response = await undiciFetch(request.url, {
        method: request.method,
        headers: [...request.headers],
        redirect: 'manual',
        signal: request.signal,
        dispatcher: agentFor(pinned.address),
      });
      // undici's own Response class; the core gets the platform's, as on every other runtime.
      const body = NULL_BODY.has(response.status)
        ? null
        : (response.body as ReadableStream<Uint8Array> | null);
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers],
      });
    },
    resolve:
      options.resolve ??
      (async (hostname) => (await lookup(hostname, { all: true, order: 'verbatim' })).map((a) => a.address)),
  };
}

/** The safe fetch of a Node process, from ALLOW_PRIVATE_FETCH, FETCH_TIMEOUT_MS and FETCH_ALLOWED_PORTS. */
export function createNodeSafeFetch(config: Config, options: NodeFetchPortOptions = {}): SafeFetch {
  return createSafeFetch(createNodeFetchPort(options), fetchPolicyFromConfig(config));
}

/** A net.connect `lookup` that answers `address` for any name, or fails when there is none to pin. */
function pinnedLookup(address: string | undefined): LookupFunction {
  return (hostname, options, callback) => {
    if (address === undefined) {
      const error = Object.assign(
        new Error(`refusing to resolve ${hostname}: no checked address was pinned`),
        {
          code: 'ENOTFOUND',
        },
      );
      callback(error, '', 0);
      return;
    }
    const family = address.includes(':') ? 6 : 4;
    // With autoSelectFamily (Node's default) net asks for every address at once.
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}
