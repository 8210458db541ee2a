// createWorkerFetchPort: safe fetching on Workers: no DNS API, so only literal addresses and local names are checked here.
import type { Config } from '../config.ts';
import { fetchPolicyFromConfig } from '../net/fetch-policy.ts';
import { createSafeFetch, type FetchPort, type SafeFetch } from '../net/safe-fetch.ts';

/**
 * The FetchPort for Workers. There is no `resolve`: the core checks literal addresses (every
 * spelling) and local names, and Cloudflare's network, which does not route a Worker's
 * subrequests to private or loopback addresses, stands for the rest. `fetcher` defaults to the
 * global fetch (a service binding's fetch in tests).
 */
export function createWorkerFetchPort(fetcher: typeof fetch = fetch): FetchPort {
  return {
    fetch: (request) => fetcher(request),
  };
}

/** The safe fetch of a Worker, from its vars. */
export function createWorkerSafeFetch(config: Config): SafeFetch {
  return createSafeFetch(createWorkerFetchPort(), fetchPolicyFromConfig(config));
}
