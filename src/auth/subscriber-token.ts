// Subscriber tokens: 192 random bits in a private feed URL, stored only as their HMAC-SHA-256.
import { randomSecret } from './secrets.ts';

/** Bytes of randomness in a token: 192 bits, 32 base64url characters. */
export const SUBSCRIBER_TOKEN_BYTES = 24;

/**
 * The key used when SUBSCRIBER_TOKEN_KEY is unset. Public, so the hash is then a salted SHA-256:
 * still one-way (a token has 192 random bits, far beyond guessing), but someone holding a copy of
 * the database could check a token they already have. With the variable set they cannot.
 */
const BUILT_IN_KEY = 'podwire subscriber token v1';

export function newSubscriberToken(): string {
  return randomSecret(SUBSCRIBER_TOKEN_BYTES);
}

/** Hashes tokens to what `subscribers.token_hash` holds: 64 lower-case hex digits. */
export type TokenHasher = (token: string) => Promise<string>;

/**
 * Every text is hashed the same way, well-formed or not: an unknown, malformed and revoked token
 * take one path (hash, one indexed lookup) and get one answer.
 */
export function createTokenHasher(key: string | undefined): TokenHasher {
  const encoder = new TextEncoder();
  const imported = crypto.subtle.importKey(
    'raw',
    encoder.encode(key ?? BUILT_IN_KEY),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return async function hashToken(token) {
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await imported, encoder.encode(token)));
    let hex = '';
    for (const byte of mac) hex += byte.toString(16).padStart(2, '0');
    return hex;
  };
}
