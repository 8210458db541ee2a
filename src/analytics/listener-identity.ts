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

/** An HMAC-SHA-256 key for one day's hashes, from its stored secret (base64url of 32 random bytes). */
export function importDayKey(secret: string): Promise<CryptoKey> {
  const bytes = Uint8Array.from(atob(secret.replaceAll('-', '+').replaceAll('_', '/')), (c) =>
    c.charCodeAt(0),
  );
  return crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/** A new day secret: 32 random bytes, base64url. */
export function newDaySecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

const encoder = new TextEncoder();

async function hmac(key: CryptoKey, text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(text)));
  // 128 bits are plenty to tell a day's listeners apart, and halve what each event row stores.
  let hex = '';
  for (let i = 0; i < 16; i += 1) hex += (digest[i] as number).toString(16).padStart(2, '0');
  return hex;
}

/** The day's hashes for a client address and User-Agent. */
export async function listenerIdentity(
  key: CryptoKey,
  address: string,
  userAgent: string,
): Promise<ListenerIdentity> {
  const prefix = addressPrefix(address);
  const [listener, addressHash] = await Promise.all([
    hmac(key, `${prefix}\n${userAgent}`),
    hmac(key, prefix),
  ]);
  return { listener, address: addressHash };
}
