import { describe, expect, it } from 'vitest';
import { classifyAddress, parseIpLiteral } from '../../src/net/address-rules.ts';

const verdictOf = (text: string) => {
  const ip = parseIpLiteral(text);
  if (!ip) throw new Error(`${text} is no address`);
  return classifyAddress(ip);
};

describe('classifyAddress', () => {
  it.each([
    '93.184.215.14',
    '8.8.8.8',
    '1.1.1.1',
    '100.63.255.255', // just below carrier-grade NAT
    '100.128.0.0', // just above it
    '172.32.0.1', // just outside 172.16/12
    '2606:4700:4700::1111',
    '2a00:1450:4009:81f::200e',
    '::ffff:8.8.8.8', // IPv4-mapped public
    '64:ff9b::808:808', // NAT64 of a public address
    '2002:808:808::1', // 6to4 of a public address
  ])('lets the public address %s through', (address) => {
    expect(verdictOf(address)).toBeUndefined();
  });

  it.each([
    ['100.64.0.0', 'private'], // carrier-grade NAT, RFC 6598
    ['100.127.255.255', 'private'],
    ['172.31.255.255', 'private'],
    ['64:ff9b:1::a00:1', 'reserved'], // local-use NAT64, RFC 8215
    ['2001::1', 'reserved'], // Teredo
    ['4000::1', 'reserved'], // outside global unicast
    ['::ffff:10.0.0.1', 'private'],
    ['2002:a00:1::', 'private'], // 6to4 of 10.0.0.1
  ])('refuses %s as %s', (address, rule) => {
    expect(verdictOf(address)?.rule).toBe(rule);
  });

  it('names the IPv4 address inside a mapped one', () => {
    expect(verdictOf('::ffff:127.0.0.1')?.why).toBe('::ffff:7f00:1 (127.0.0.1) is a loopback address');
  });

  it('reads zone ids and brackets, and no host names', () => {
    expect(parseIpLiteral('[fe80::1%eth0]')?.toString()).toBe('fe80::1');
    expect(parseIpLiteral('feeds.example.com')).toBeUndefined();
    expect(parseIpLiteral('1.2.3.4.example')).toBeUndefined();
  });
});
