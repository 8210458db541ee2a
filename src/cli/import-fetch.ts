// The fetch `podwire import` uses: the SSRF-safe fetch of src/net, on Node's pinned-connection port.
import type { SafeFetch } from '../catalog/import/import-ports.ts';
import type { Config } from '../config.ts';
import { createNodeSafeFetch } from '../node/node-fetch-port.ts';

/** Address, port, redirect, size and time rules from the settings (ALLOW_PRIVATE_FETCH, FETCH_*). */
export function importFetch(config: Config): SafeFetch {
  return createNodeSafeFetch(config);
}
