// classifyAddress: whether an IP address is public, or which SSRF rule (loopback, private, metadata...) refuses it.
import ipaddr from 'ipaddr.js';
import type { FetchRule } from './fetch-errors.ts';

/** Why an address may not be fetched from: the rule and a sentence naming the address. */
export interface AddressVerdict {
  readonly address: string;
  readonly rule: FetchRule;
  readonly why: string;
}

/**
 * Cloud instance-metadata services. They answer anyone on the instance with its credentials, so
 * they stay refused even with ALLOW_PRIVATE_FETCH. AWS, GCP, Azure, OpenStack, DigitalOcean and
 * Oracle use 169.254.169.254; ECS and EKS credential agents 169.254.170.2/.23; Alibaba 100.100.100.200;
 * Azure's WireServer 168.63.129.16 (a public-range address); Tencent 169.254.0.23; Scaleway
 * 169.254.42.42; Oracle Classic 192.0.0.192; AWS over IPv6 fd00:ec2::254 and ::23; GCP fd20:ce::254.
 */
const METADATA_ADDRESSES: ReadonlySet<string> = new Set([
  '169.254.169.254',
  '169.254.170.2',
  '169.254.170.23',
  '100.100.100.200',
  '168.63.129.16',
  '169.254.0.23',
  '169.254.42.42',
  '192.0.0.192',
  'fd00:ec2::254',
  'fd00:ec2::23',
  'fd20:ce::254',
]);

const V4_RULES: Readonly<Record<string, FetchRule>> = {
  unspecified: 'unspecified',
  loopback: 'loopback',
  private: 'private',
  carrierGradeNat: 'private',
  linkLocal: 'link-local',
  multicast: 'multicast',
};

const V6_RULES: Readonly<Record<string, FetchRule>> = {
  unspecified: 'unspecified',
  loopback: 'loopback',
  uniqueLocal: 'private',
  deprecatedSiteLocal: 'private',
  linkLocal: 'link-local',
  multicast: 'multicast',
};

const DESCRIPTIONS: Readonly<Partial<Record<FetchRule, string>>> = {
  unspecified: 'the unspecified address (it reaches this machine)',
  loopback: 'a loopback address',
  private: 'a private address',
  'link-local': 'a link-local address',
  multicast: 'a multicast address',
  metadata: 'a cloud metadata address (refused even with ALLOW_PRIVATE_FETCH=true)',
  reserved: 'a reserved, non-public address',
};

/**
 * The IP address a URL host or a DNS answer names, or undefined for a host name. Takes URL
 * hostnames (`[::1]`, zone ids `fe80::1%eth0`) and every IPv4 spelling (`2130706433`, `0x7f.1`,
 * `0177.0.0.1`), though WHATWG URL parsing has already turned those into dotted quads.
 */
export function parseIpLiteral(host: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  let text = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const zone = text.indexOf('%');
  if (zone >= 0 && text.includes(':')) text = text.slice(0, zone);
  if (text.includes(':')) return ipaddr.IPv6.isValid(text) ? ipaddr.IPv6.parse(text) : undefined;
  // ipaddr's IPv4 parser reads the octal, hex and one-to-four-part forms that inet_aton accepts.
  return ipaddr.IPv4.isValid(text) ? ipaddr.IPv4.parse(text) : undefined;
}

/** The verdict against an address, or undefined when it is a public unicast address. */
export function classifyAddress(address: ipaddr.IPv4 | ipaddr.IPv6): AddressVerdict | undefined {
  const text = address.toString();
  if (METADATA_ADDRESSES.has(text)) return verdict(text, 'metadata');
  if (address.kind() === 'ipv4') {
    const range = address.range();
    if (range === 'unicast') return undefined;
    return verdict(text, V4_RULES[range] ?? 'reserved');
  }
  const v6 = address as ipaddr.IPv6;
  const embedded = embeddedIPv4(v6);
  if (embedded) {
    const inner = classifyAddress(embedded);
    return inner && { ...inner, address: text, why: `${text} (${inner.address}) is ${describe(inner.rule)}` };
  }
  const range = v6.range();
  if (V6_RULES[range]) return verdict(text, V6_RULES[range]);
  // Only global unicast (2000::/3) is public; the rest (documentation, Teredo, ORCHID, the
  // IPv4-compatible ::/96, unallocated space) is not somewhere a feed lives.
  if (range !== 'unicast' || !v6.match(ipaddr.IPv6.parse('2000::'), 3)) return verdict(text, 'reserved');
  return undefined;
}

/**
 * The IPv4 address an IPv6 one carries and is routed to: IPv4-mapped (::ffff:a.b.c.d), IPv4-
 * translated (::ffff:0:a.b.c.d, RFC 6145), NAT64 (64:ff9b::/96, RFC 6052) and 6to4 (2002::/16,
 * RFC 3056). Checking the IPv4 address inside stops `[::ffff:127.0.0.1]` reaching loopback.
 */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const range = address.range();
  const parts = address.parts;
  const v4 = (high: number | undefined, low: number | undefined) =>
    new ipaddr.IPv4([(high ?? 0) >> 8, (high ?? 0) & 0xff, (low ?? 0) >> 8, (low ?? 0) & 0xff]);
  if (range === 'ipv4Mapped' || range === 'rfc6145') return v4(parts[6], parts[7]);
  if (range === 'rfc6052' && parts[2] === 0) return v4(parts[6], parts[7]);
  if (range === '6to4') return v4(parts[1], parts[2]);
  return undefined;
}

function verdict(address: string, rule: FetchRule): AddressVerdict {
  return { address, rule, why: `${address} is ${describe(rule)}` };
}

function describe(rule: FetchRule): string {
  return DESCRIPTIONS[rule] ?? 'not a public address';
}
