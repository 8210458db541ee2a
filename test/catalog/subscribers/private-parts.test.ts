import { describe, expect, it } from 'vitest';
import { networkPrefix } from '../../../src/analytics/network-prefix.ts';
import { createTokenHasher, newSubscriberToken } from '../../../src/auth/subscriber-token.ts';
import { fillPrivateFeed } from '../../../src/catalog/subscribers/private-feed.ts';
import { redactPrivatePath } from '../../../src/catalog/subscribers/private-urls.ts';
import { parseConfig } from '../../../src/config.ts';
import { ConfigError } from '../../../src/errors.ts';

describe('subscriber tokens', () => {
  it('carry 192 random bits as 32 base64url characters, never twice the same', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newSubscriberToken()));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('are stored as HMAC-SHA-256 hex under the key, and any text hashes (malformed ones too)', async () => {
    const hash = createTokenHasher('k'.repeat(32));
    const other = createTokenHasher(undefined);
    for (const text of ['abc', '', '../..', 'ä\u0000', 'x'.repeat(5000)]) {
      expect(await hash(text)).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(await hash('abc')).toBe(await hash('abc'));
    expect(await hash('abc')).not.toBe(await other('abc'));
  });
});

describe('networkPrefix', () => {
  it('is an IPv4 /24 and an IPv6 /48', () => {
    expect(networkPrefix('198.51.100.7')).toBe('198.51.100.0/24');
    expect(networkPrefix('198.51.100.200')).toBe(networkPrefix('198.51.100.7'));
    expect(networkPrefix('2001:db8:aaaa:1::1')).toBe('2001:db8:aaaa::/48');
    expect(networkPrefix('2001:db8:aaaa:ffff::9')).toBe('2001:db8:aaaa::/48');
    expect(networkPrefix('::ffff:198.51.100.7')).toBe('198.51.100.0/24');
    expect(networkPrefix('')).toBe('');
  });
});

describe('redactPrivatePath', () => {
  it('hides the token of private paths, whatever their case, and leaves others alone', () => {
    expect(redactPrivatePath('/private/SECRET/feed.xml')).toBe('/private/…/feed.xml');
    expect(redactPrivatePath('/private/SECRET/media/ab/c.mp3')).toBe('/private/…/media/ab/c.mp3');
    expect(redactPrivatePath('/private/SECRET')).toBe('/private/…');
    expect(redactPrivatePath('/PRIVATE/SECRET/x')).toBe('/PRIVATE/…/x');
    expect(redactPrivatePath('/podcasts/x/feed.xml')).toBe('/podcasts/x/feed.xml');
  });
});

describe('fillPrivateFeed', () => {
  it('puts the token in every slot', () => {
    const e = (s: string) => new TextEncoder().encode(s);
    const out = fillPrivateFeed({ parts: [e('<a>'), e('|'), e('</a>')] }, 'TOK');
    expect(new TextDecoder().decode(out)).toBe('<a>TOK|TOK</a>');
  });
});

describe('subscriber settings', () => {
  it('default to the built-in key and 5 networks, and refuse bad values by name', () => {
    const config = parseConfig({});
    expect(config.subscriberTokenKey).toBeUndefined();
    expect(config.subscriberMaxNetworks).toBe(5);
    expect(() => parseConfig({ SUBSCRIBER_TOKEN_KEY: 'short', SUBSCRIBER_MAX_NETWORKS: '0' })).toThrow(
      ConfigError,
    );
    expect(() => parseConfig({ SUBSCRIBER_TOKEN_KEY: 'short', SUBSCRIBER_MAX_NETWORKS: '1e3' })).toThrow(
      /SUBSCRIBER_TOKEN_KEY: [\s\S]*SUBSCRIBER_MAX_NETWORKS: /,
    );
  });
});
