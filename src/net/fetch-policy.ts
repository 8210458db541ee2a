// fetchPolicyFromConfig: the FetchPolicy of outgoing fetches, from ALLOW_PRIVATE_FETCH, FETCH_TIMEOUT_MS and FETCH_ALLOWED_PORTS.
import type { Config } from '../config.ts';
import type { FetchPolicy } from './safe-fetch.ts';

export function fetchPolicyFromConfig(
  config: Pick<Config, 'allowPrivateFetch' | 'fetchTimeoutMs' | 'fetchAllowedPorts'>,
): FetchPolicy {
  return {
    allowPrivate: config.allowPrivateFetch,
    allowedPorts: config.fetchAllowedPorts,
    timeoutMs: config.fetchTimeoutMs,
  };
}
