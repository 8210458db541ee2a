import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.ts';
import { PUBLIC_WEBSUB_HUBS, PUBNOTIFY_URL } from '../src/config-push.ts';
import { isPublicHttpsOrigin } from '../src/domain/public-origin.ts';
import { ConfigError } from '../src/errors.ts';

const problems = (vars: Record<string, string>) => {
  try {
    parseConfig(vars);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
};

describe('push settings', () => {
  it('defaults to public hubs and pubnotify only on a public https origin, and never to Podping', () => {
    const site = parseConfig({ BASE_URL: 'https://news.example.org' });
    expect(site.websubHubs).toEqual(PUBLIC_WEBSUB_HUBS);
    expect(site.pubnotifyUrl).toBe(PUBNOTIFY_URL);
    expect(site.podpingToken).toBeUndefined();
    for (const base of [
      'http://news.example.org',
      'http://localhost:8787',
      'https://127.0.0.1',
      'https://news.test',
    ]) {
      const local = parseConfig({ BASE_URL: base });
      expect(local.websubHubs, base).toEqual([]);
      expect(local.pubnotifyUrl, base).toBeUndefined();
    }
  });

  it('uses targets an operator sets as given, loopback included, whatever BASE_URL is', () => {
    const config = parseConfig({
      BASE_URL: 'http://localhost:8787',
      WEBSUB_HUBS: 'http://127.0.0.1:9000/hub, https://hub.example.org/ ,http://127.0.0.1:9000/hub',
      PODPING_TOKEN: 'secret',
      PODPING_URL: 'http://[::1]:9001/',
      PUBNOTIFY_URL: 'http://localhost:9002/pubnotify',
      PODPING_NEWS_MEDIUM: 'newsletter',
    });
    expect(config.websubHubs).toEqual(['http://127.0.0.1:9000/hub', 'https://hub.example.org/']);
    expect(config.podpingUrl).toBe('http://[::1]:9001/');
    expect(config.pubnotifyUrl).toBe('http://localhost:9002/pubnotify');
    expect(config.podpingNewsMedium).toBe('newsletter');
  });

  it('turns defaults off with "off"', () => {
    const config = parseConfig({
      BASE_URL: 'https://news.example.org',
      WEBSUB_HUBS: 'off',
      PUBNOTIFY_URL: 'none',
    });
    expect(config.websubHubs).toEqual([]);
    expect(config.pubnotifyUrl).toBeUndefined();
  });

  it('refuses a misconfigured target at start-up, naming the variable', () => {
    expect(
      problems({
        WEBSUB_HUBS: 'https://hub.example.org/, hub.example.net',
        PODPING_URL: 'ftp://podping.example.org/',
        PUBNOTIFY_URL: 'https://user:pw@index.example.org/',
        PODPING_NEWS_MEDIUM: 'podcast',
        PODPING_TOKEN: 'a\nb',
      }),
    ).toEqual([
      'WEBSUB_HUBS: must be comma-separated absolute http(s) hub URLs (or off) (got "https://hub.example.org/, hub.example.net")',
      'PODPING_URL: must be an absolute http(s) URL (got "ftp://podping.example.org/")',
      'PODPING_TOKEN: must be one line (it is sent in the Authorization header) (got "a\\nb")',
      'PODPING_NEWS_MEDIUM: must be blog or newsletter (got "podcast")',
      'PUBNOTIFY_URL: must be an absolute http(s) URL (or off) (got "https://user:pw@index.example.org/")',
    ]);
  });
});

describe('isPublicHttpsOrigin', () => {
  it('is true only for https origins anyone on the internet can reach', () => {
    for (const url of [
      'https://news.example.org',
      'https://8.8.8.8',
      'https://[2001:4860::8888]/x',
      'https://a.b.co.uk/feed',
    ])
      expect(isPublicHttpsOrigin(url), url).toBe(true);
    for (const url of [
      'http://news.example.org',
      'https://localhost',
      'https://intranet',
      'https://news.local',
      'https://a.localhost',
      'https://news.example',
      'https://x.internal',
      'https://10.1.2.3',
      'https://192.168.0.1',
      'https://100.64.0.1',
      'https://169.254.169.254',
      'https://[::1]',
      'https://[::ffff:127.0.0.1]',
      'https://[fd00::1]',
      'not a url',
    ])
      expect(isPublicHttpsOrigin(url), url).toBe(false);
  });
});
