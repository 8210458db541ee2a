// isPublicHttpsOrigin(url): whether a site's origin is reachable by anyone on the internet (so public services may be told of it).
import ipaddr from 'ipaddr.js';

/** RFC 6761 / 6762 / 8375 and common private names: never resolvable from the internet. */
const PRIVATE_SUFFIXES = [
  '.localhost',
  '.local',
  '.test',
  '.example',
  '.invalid',
  '.internal',
  '.home.arpa',
  '.lan',
];

/**
 * True for an `https:` URL whose host is a dotted DNS name outside the reserved and private
 * suffixes, or a public unicast IP address. Podwire tells public hubs and indexes about feeds only
 * then: they could not fetch a feed on a private origin anyway.
 */
export function isPublicHttpsOrigin(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (ipaddr.isValid(host)) {
    const address = ipaddr.parse(host);
    const plain =
      address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()
        ? (address as ipaddr.IPv6).toIPv4Address()
        : address;
    return plain.range() === 'unicast';
  }
  if (!host.includes('.') || host === 'localhost') return false;
  return !PRIVATE_SUFFIXES.some((suffix) => host.endsWith(suffix) || host === suffix.slice(1));
}
