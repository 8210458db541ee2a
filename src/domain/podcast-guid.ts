// podcastGuid(feedUrl): the Podcasting 2.0 `podcast:guid`, a UUIDv5 of the feed URL (RFC 9562 §5.5).

/** The namespace the Podcast Index namespace specification fixes for `podcast:guid`. */
export const PODCAST_GUID_NAMESPACE = 'ead4c236-bf58-58c6-a2c6-a6b28d128cb6';

/**
 * UUIDv5 of `feedUrl` with its scheme and trailing slashes removed, as the podcast namespace
 * specifies ("https://mp3s.nashownotes.com/pc20rss.xml" -> "917393e3-1b1e-5cef-ace4-edaa54e1f810").
 * Computed once, when a show is created, and stored, so it survives a move to another URL.
 */
export async function podcastGuid(feedUrl: string): Promise<string> {
  const name = feedUrl.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, '');
  return uuidV5(name, PODCAST_GUID_NAMESPACE);
}

/** RFC 9562 name-based UUID (SHA-1). */
export async function uuidV5(name: string, namespace: string): Promise<string> {
  const ns = hexToBytes(namespace.replaceAll('-', ''));
  const nameBytes = new TextEncoder().encode(name);
  const input = new Uint8Array(ns.length + nameBytes.length);
  input.set(ns);
  input.set(nameBytes, ns.length);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-1', input)).subarray(0, 16);
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function hexToBytes(hex: string): Uint8Array {
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new RangeError(`not a UUID: ${hex}`);
  return Uint8Array.from({ length: 16 }, (_, i) => Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}
