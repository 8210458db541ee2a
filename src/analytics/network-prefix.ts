// networkPrefix(address): the network an address is in, for telling a shared private feed link from one listener.
import ipaddr from 'ipaddr.js';

/**
 * An IPv4 address's /24 and an IPv6 address's /48 (what one site or provider customer is given):
 * a phone moving between home Wi-Fi and its carrier counts as two networks, a household's devices
 * or one address's privacy rotations (RFC 8981) as one. Unparseable text is its own network.
 */
export function networkPrefix(address: string): string {
  try {
    const parsed = ipaddr.process(address);
    if (parsed.kind() === 'ipv4') {
      const octets = (parsed as ipaddr.IPv4).octets;
      return `${octets[0]}.${octets[1]}.${octets[2]}.0/24`;
    }
    const parts = (parsed as ipaddr.IPv6).parts.slice(0, 3);
    return `${parts.map((part) => part.toString(16)).join(':')}::/48`;
  } catch {
    return address;
  }
}
