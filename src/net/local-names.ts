// localNameVerdict: host names that reach this machine or its network rather than the internet.
import type { AddressVerdict } from './address-rules.ts';

/** Names of metadata services, refused even with ALLOW_PRIVATE_FETCH (see address-rules.ts). */
const METADATA_NAMES: ReadonlySet<string> = new Set([
  'metadata.google.internal',
  'metadata.goog',
  'metadata',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.tencentyun.com',
  'metadata.platformequinix.com',
]);

/**
 * Suffixes that never name a public host: `localhost` (RFC 6761 §6.3), mDNS `.local` (RFC 6762),
 * `.internal` (reserved by ICANN for private use, 2024), `.home.arpa` (RFC 8375), and the
 * customary private `.localdomain`, `.lan`, `.intranet`, `.corp`, `.home`.
 */
const LOCAL_SUFFIXES = [
  'localhost',
  'local',
  'internal',
  'home.arpa',
  'localdomain',
  'lan',
  'intranet',
  'corp',
  'home',
];

/**
 * The verdict against a host name (not an IP literal), or undefined when it may be public. A
 * single-label name (`intranet`, `router`) is refused too: the resolver completes it with the
 * machine's search domains, which are local by nature.
 */
export function localNameVerdict(hostname: string): AddressVerdict | undefined {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (METADATA_NAMES.has(name)) {
    return {
      address: name,
      rule: 'metadata',
      why: `${name} is a cloud metadata service (refused even with ALLOW_PRIVATE_FETCH=true)`,
    };
  }
  if (LOCAL_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`))) {
    return { address: name, rule: 'local-name', why: `${name} is a local host name` };
  }
  if (!name.includes('.')) {
    return { address: name, rule: 'local-name', why: `${name} is a single-label (local) host name` };
  }
  return undefined;
}
