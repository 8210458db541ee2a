import { describe, expect, it } from 'vitest';
import {
  daySecretBytes,
  listenerIdentity,
  newDaySecret,
  webCryptoDayHmac,
} from '../../src/analytics/listener-identity.ts';
import { nodeDayHmac } from '../../src/node/node-day-hmac.ts';

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

describe('nodeDayHmac', () => {
  it('is HMAC-SHA-256: the RFC 4231 test case 2, as Web Crypto computes it', async () => {
    const key = new TextEncoder().encode('Jefe');
    const expected = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
    expect(hex(await (await nodeDayHmac(key))('what do ya want for nothing?'))).toBe(expected);
    expect(hex(await (await webCryptoDayHmac(key))('what do ya want for nothing?'))).toBe(expected);
  });

  it('hashes every listener as Web Crypto does, so Node and Workers count alike', async () => {
    const clients = [
      ['203.0.113.7', 'AppleCoreMedia/1.0.0.21F90 (iPhone; U; CPU OS 17_5 like Mac OS X; en_us)'],
      ['2001:db8:1:2:aaaa::1', 'Overcast/3.0 (+http://overcast.fm/; iOS podcast app)'],
      ['2001:db8:1:2:bbbb::9', 'Pocket Casts'],
      ['198.51.100.1', 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131 «ünïcode» 🎧'],
      ['198.51.100.2', ''],
    ] as const;
    for (let day = 0; day < 3; day++) {
      const secret = daySecretBytes(newDaySecret());
      const [node, web] = await Promise.all([nodeDayHmac(secret), webCryptoDayHmac(secret)]);
      for (const [address, userAgent] of clients) {
        const ours = await listenerIdentity(node, address, userAgent);
        expect(ours).toEqual(await listenerIdentity(web, address, userAgent));
        expect(ours.listener).toMatch(/^[0-9a-f]{32}$/);
      }
    }
  });
});
