// nodeDayHmac: the listener hashes' HMAC-SHA-256 through node:crypto, synchronously (no thread-pool hop).
import { createHmac, createSecretKey } from 'node:crypto';
import type { DayHmacFactory } from '../analytics/listener-identity.ts';

/**
 * The same HMAC-SHA-256 as Web Crypto's (so Node and Workers hash a listener alike), answered
 * synchronously: about 2 µs of CPU per hash here, against about 10 µs and a thread-pool job for
 * crypto.subtle.sign.
 */
export const nodeDayHmac: DayHmacFactory = async (secret) => {
  // One KeyObject for the day: given raw bytes, createHmac makes a new one on every call (a profile
  // showed it costing more than the hash itself).
  const key = createSecretKey(Uint8Array.from(secret));
  return function nodeHmac(text) {
    return createHmac('sha256', key).update(text).digest();
  };
};
