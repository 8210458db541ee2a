// listenerIdentity: who a listener is for one UTC day, as keyed hashes of address/64 and User-Agent (no raw address kept).
import ipaddr from 'ipaddr.js';

export interface ListenerIdentity {
  /** HMAC(day key, address prefix + User-Agent): one listener within one day. */
  readonly listener: string;
  /** HMAC(day key, address prefix): ties an Apple Watch download to the phone beside it, and caps floods. */
  readonly address: string;
}

/**
 * The part of an address that names one listener: an IPv4 address whole, an IPv6 address's /64
 * (the network one household or phone is given; the rest changes with privacy addresses, RFC 8981).
 * `address` is canonical, as clientAddress gives it.
 */
export function addressPrefix(address: string): string {
  if (!address.includes(':')) return address;
  try {
    const parts = ipaddr.IPv6.parse(address).parts.slice(0, 4);
    return `${parts.map((part) => part.toString(16)).join(':')}::/64`;
  } catch {
    return address;
  }
}

const encoder = new TextEncoder();

/** HMAC-SHA-256 (RFC 2104) of `text` under one day's key: the digest's 32 bytes. */
export type DayHmac = (text: string) => Uint8Array | Promise<Uint8Array>;

/**
 * Makes a day's HMAC from its secret's bytes. Web Crypto by default (every runtime); Node passes
 * node:crypto's, which answers synchronously: crypto.subtle.sign goes through Node's thread pool
 * and cost more than the rest of counting a request (bench/analytics). Both give the same bytes.
 */
export type DayHmacFactory = (secret: Uint8Array<ArrayBuffer>) => Promise<DayHmac>;

export const webCryptoDayHmac: DayHmacFactory = async (secret) => {
  const key = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return async (text) => new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(text)));
};

/** The Web Crypto HMAC of a stored day secret (base64url of 32 random bytes). */
export function importDayKey(secret: string): Promise<DayHmac> {
  return webCryptoDayHmac(daySecretBytes(secret));
}

/** The bytes of a stored day secret (base64url of 32 random bytes). */
export function daySecretBytes(secret: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(secret.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0));
}

/** A new day secret: 32 random bytes, base64url. */
export function newDaySecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

/** The first 128 bits of a digest in hex: plenty to tell a day's listeners apart, and half the bytes stored. */
function hex128(digest: Uint8Array): string {
  let hex = '';
  for (let i = 0; i < 16; i += 1) hex += HEX_BYTES[digest[i] as number];
  return hex;
}

/** The first 128 bits of `text`'s HMAC under one day's key, as hex (subscriber network hashes use it too). */
export async function hmacHex(key: DayHmac, text: string): Promise<string> {
  return hex128(await key(text));
}

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * The day's hashes for a client address and User-Agent: at once when the key hashes synchronously
 * (node:crypto), else a promise (Web Crypto). Sparing Node a promise per hash matters on the media
 * path, where each counted response makes two.
 */
export function identifyListener(
  key: DayHmac,
  address: string,
  userAgent: string,
): ListenerIdentity | Promise<ListenerIdentity> {
  const prefix = addressPrefix(address);
  const listener = key(`${prefix}\n${userAgent}`);
  const addressHash = key(prefix);
  if (listener instanceof Uint8Array && addressHash instanceof Uint8Array) {
    return { listener: hex128(listener), address: hex128(addressHash) };
  }
  return Promise.all([listener, addressHash]).then(([l, a]) => ({ listener: hex128(l), address: hex128(a) }));
}

/** The day's hashes for a client address and User-Agent. */
export async function listenerIdentity(
  key: DayHmac,
  address: string,
  userAgent: string,
): Promise<ListenerIdentity> {
  return identifyListener(key, address, userAgent);
}
