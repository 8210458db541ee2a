// clientAddress(c): the client's IP address for logs and throttling, from the socket or, with TRUST_PROXY, the proxy.
import type { Context } from 'hono';
import ipaddr from 'ipaddr.js';
import type { AppEnv } from '../deps.ts';

/** Longer than any address with brackets, zone and port: not worth parsing. */
const MAX_ENTRY_LENGTH = 100;
const BRACKETED = /^\[([^\]]+)\](?::\d{1,5})?$/;
const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/;
// Cheap shapes checked before ipaddr.js, whose checks cost ~13 µs on input of the other family.
const IPV4_SHAPE = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/** IPv4 as RFC 3986's dec-octet writes it: 0-255, no leading zeros. */
const DOTTED_DECIMAL = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
/** Hex groups and colons, perhaps an embedded IPv4 and a zone id (RFC 4007 §11). */
const IPV6_SHAPE = /^[\da-f:.]*:[\da-f:.]*(?:%[\w.-]+)?$/i;

/**
 * One address in canonical form, or undefined when `text` is not one. Takes what proxies and
 * sockets write: surrounding spaces, a port (`1.2.3.4:5678`, `[::1]:80`), IPv6 in brackets.
 * IPv4-mapped IPv6 (`::ffff:1.2.3.4`, as dual-stack sockets report IPv4 peers) becomes plain IPv4;
 * other IPv6 is written as RFC 5952 recommends, so one client has one spelling. IPv4 must be four
 * decimal parts: `0x7f.1` and `010.1.1.1` are refused, not guessed.
 */
export function parseAddress(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  if (!trimmed || trimmed.length > MAX_ENTRY_LENGTH) return undefined;
  const host = BRACKETED.exec(trimmed)?.[1] ?? IPV4_WITH_PORT.exec(trimmed)?.[1] ?? trimmed;
  // Four decimal parts of 0-255 without leading zeros are already canonical: ipaddr.js's
  // isValidFourPartDecimal, parse and toString give the same answer in ~10x the time (bench/analytics).
  if (IPV4_SHAPE.test(host)) return DOTTED_DECIMAL.test(host) ? host : undefined;
  if (!IPV6_SHAPE.test(host) || !ipaddr.IPv6.isValid(host)) return undefined;
  const address = ipaddr.IPv6.parse(host);
  return address.isIPv4MappedAddress() ? address.toIPv4Address().toString() : address.toRFC5952String();
}

/**
 * The right-most `X-Forwarded-For` entry: the address the proxy in front of us saw and appended.
 * Entries to its left came from the client, who can write anything there, so they are never read.
 * Several X-Forwarded-For fields count as one list joined by commas (RFC 9110 §5.3), as both Node
 * and the Fetch API join them.
 */
export function rightmostForwardedFor(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  return parseAddress(header.slice(header.lastIndexOf(',') + 1));
}

export interface AddressSources {
  /** TRUST_PROXY: one proxy we run stands in front and appends to X-Forwarded-For. */
  readonly trustProxy: boolean;
  readonly forwardedFor: string | undefined;
  /** The connection's peer: the socket's address on Node, CF-Connecting-IP on Workers. */
  readonly peer: string | undefined;
}

/**
 * The client's address. With TRUST_PROXY the proxy's entry when it holds an address, else (and
 * always without TRUST_PROXY, so a forged header changes nothing) the connection's peer.
 */
export function resolveClientAddress(sources: AddressSources): string | undefined {
  return (
    (sources.trustProxy ? rightmostForwardedFor(sources.forwardedFor) : undefined) ??
    parseAddress(sources.peer)
  );
}

/** The client address of a request to the app; the one source for logs, throttling and the like. */
export function clientAddress(c: Context<AppEnv>): string | undefined {
  const { config, peerAddress } = c.get('deps');
  return resolveClientAddress({
    trustProxy: config.trustProxy,
    forwardedFor: config.trustProxy ? c.req.header('x-forwarded-for') : undefined,
    peer: peerAddress?.(c),
  });
}
