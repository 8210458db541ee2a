// The real SSRF-safe fetch with ALLOW_PRIVATE_FETCH=true: what import tests use to reach their loopback hosts.
import { parseConfig } from '../../src/config.ts';
import { createNodeSafeFetch } from '../../src/node/node-fetch-port.ts';

/**
 * Address and port rules lifted (the fixture hosts listen on 127.0.0.1 at random ports), everything
 * else as in production: redirects re-checked and reported, bodies capped, time limits.
 */
export const permissiveFetch = createNodeSafeFetch(
  parseConfig({ ALLOW_PRIVATE_FETCH: 'true', FETCH_TIMEOUT_MS: '20000' }),
);
