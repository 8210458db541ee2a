// The fetch `podwire import` and the server's imports use: the SSRF-safe fetch of src/net, swapped in when that branch merges.
import { ImportRefusedError } from '../catalog/import/import-errors.ts';
import type { SafeFetch } from '../catalog/import/import-ports.ts';

/**
 * Placeholder until the SSRF-safe fetch (branch safe-fetch, src/net) is merged: it refuses every
 * address, so no import can reach a private network meanwhile. At the merge, return the real
 * `createSafeFetch(config)` here: the one line that turns imports on.
 */
export function importFetch(): SafeFetch {
  return async (url) => {
    throw new ImportRefusedError(
      `podwire cannot fetch ${String(url)} yet: imports need the SSRF-safe fetch (src/net), which this build lacks`,
      { context: { url: String(url), rule: 'no-safe-fetch' } },
    );
  };
}
