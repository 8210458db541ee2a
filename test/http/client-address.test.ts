import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { parseAddress, resolveClientAddress, rightmostForwardedFor } from '../../src/http/client-address.ts';

describe('parseAddress', () => {
  it.each([
    ['1.2.3.4', '1.2.3.4'],
    ['  1.2.3.4\t', '1.2.3.4'],
    ['1.2.3.4:5678', '1.2.3.4'],
    ['::1', '::1'],
    ['[::1]', '::1'],
    ['[::1]:80', '::1'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['[::ffff:7f00:1]:8080', '127.0.0.1'],
    ['fe80::1%eth0', 'fe80::1%eth0'],
  ])('reads %j as %j', (text, address) => {
    expect(parseAddress(text)).toBe(address);
  });

  it.each([
    undefined,
    '',
    '   ',
    'unknown',
    '_hidden',
    'localhost',
    '1.2.3',
    '256.1.1.1',
    '010.1.1.1',
    '0x7f.0.0.1',
    '1.2.3.4:',
    '1.2.3.4:99999999',
    '[1.2.3.4',
    '[::1]:x',
    '::1]',
    '1:2:3:4:5:6:7:8:9',
    `1.2.3.4${' '.repeat(200)}x`,
  ])('refuses %j', (text) => {
    expect(parseAddress(text)).toBeUndefined();
  });
});

describe('parseAddress on dotted IPv4 (its own check, not ipaddr.js)', () => {
  it('answers as ipaddr.js does for every octet value and spelling of one', () => {
    const spellings = ['0', '00', '000', '007', '7', '07', '99', '099', '100', '199', '200', '249', '250'];
    for (let n = 0; n <= 999; n++) spellings.push(String(n));
    for (const octet of spellings) {
      for (const text of [`${octet}.1.2.3`, `1.${octet}.2.3`, `1.2.${octet}.3`, `1.2.3.${octet}`]) {
        const expected = ipaddr.IPv4.isValidFourPartDecimal(text)
          ? ipaddr.IPv4.parse(text).toString()
          : undefined;
        expect(parseAddress(text), text).toBe(expected);
      }
    }
  });
});

describe('rightmostForwardedFor', () => {
  it('takes the entry the proxy appended, never one the client wrote', () => {
    expect(rightmostForwardedFor('6.6.6.6, 10.0.0.7')).toBe('10.0.0.7');
    expect(rightmostForwardedFor('6.6.6.6,10.0.0.7:4711')).toBe('10.0.0.7');
    expect(rightmostForwardedFor('6.6.6.6, [2001:db8::7]:443')).toBe('2001:db8::7');
    expect(rightmostForwardedFor('  203.0.113.9  ')).toBe('203.0.113.9');
  });

  it('gives nothing when the right-most entry is not an address', () => {
    expect(rightmostForwardedFor(undefined)).toBeUndefined();
    expect(rightmostForwardedFor('')).toBeUndefined();
    expect(rightmostForwardedFor('1.2.3.4,')).toBeUndefined();
    expect(rightmostForwardedFor('1.2.3.4, unknown')).toBeUndefined();
    expect(rightmostForwardedFor('1.2.3.4, <script>')).toBeUndefined();
  });
});

describe('resolveClientAddress', () => {
  const peer = '::ffff:192.0.2.1';

  it('ignores X-Forwarded-For without TRUST_PROXY', () => {
    expect(resolveClientAddress({ trustProxy: false, forwardedFor: '6.6.6.6', peer })).toBe('192.0.2.1');
  });

  it('takes the right-most X-Forwarded-For entry with TRUST_PROXY', () => {
    expect(resolveClientAddress({ trustProxy: true, forwardedFor: '6.6.6.6, 198.51.100.4', peer })).toBe(
      '198.51.100.4',
    );
  });

  it('falls back to the peer when the header is missing or garbage', () => {
    expect(resolveClientAddress({ trustProxy: true, forwardedFor: undefined, peer })).toBe('192.0.2.1');
    expect(resolveClientAddress({ trustProxy: true, forwardedFor: 'garbage', peer })).toBe('192.0.2.1');
  });

  it('gives nothing when no source holds an address', () => {
    expect(resolveClientAddress({ trustProxy: true, forwardedFor: 'x', peer: undefined })).toBeUndefined();
  });
});
