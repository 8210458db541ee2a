// Subscriber feeds end to end over HTTP, one suite for every runtime: Node over loopback and the Worker in workerd.
import { expect } from 'vitest';

export interface SubscriberTarget {
  /** A request to the running server (path under its origin). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  readonly adminToken: string;
  /** The server's origin as its feeds write it (BASE_URL). */
  readonly baseUrl: string;
  /** The header the server takes the client's address from (X-Forwarded-For with TRUST_PROXY, CF-Connecting-IP). */
  readonly addressHeader: string;
  /** Every log line the server wrote so far. */
  logs(): readonly string[];
}

export const SHOW = 'courier-conversations';
const PUBLIC_FEED = `/podcasts/${SHOW}/feed.xml`;

interface Subscriber {
  readonly id: number;
  readonly feedUrl: string;
  readonly token: string;
}

async function retry<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The steps of the suite, bound to one target; run in order (they share a show and its subscribers). */
export function subscriberSteps(t: SubscriberTarget) {
  const api = (method: string, path: string, body?: unknown) =>
    t.fetch(`/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${t.adminToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const path = (url: string) => url.slice(t.baseUrl.length);
  const enclosures = (xml: string) =>
    [...xml.matchAll(/<enclosure url="([^"]+)"/g)].map((m) => m[1] as string);
  let showId = 0;
  const made: Subscriber[] = [];

  const add = async (name: string): Promise<Subscriber> => {
    const res = await api('POST', `/shows/${showId}/subscribers`, { name, email: `${name}@example.com` });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const body = await res.json();
    const token = /\/private\/([^/]+)\/feed\.xml$/.exec(body.feedUrl)?.[1] ?? '';
    // base64url of at least 128 random bits
    expect(token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    const subscriber = { id: body.id as number, feedUrl: body.feedUrl as string, token };
    made.push(subscriber);
    return subscriber;
  };
  const list = async () => {
    const res = await api('GET', `/shows/${showId}/subscribers`);
    expect(res.status).toBe(200);
    return (await res.json()).items as {
      id: number;
      revokedAt: string | null;
      downloads: number;
      feedFetches: number;
      networksToday: number;
      sharedWarning: boolean;
    }[];
  };
  const countsOf = async (s: Subscriber, want: { downloads: number; feedFetches: number }) =>
    retry(
      async () => (await list()).find((row) => row.id === s.id),
      (row) => row?.downloads === want.downloads && row.feedFetches === want.feedFetches,
      `counts of subscriber ${s.id}`,
    );

  return {
    made,
    add,
    list,
    countsOf,
    enclosures,
    path,

    async findShow() {
      const shows = (await (await api('GET', '/shows')).json()).items as { id: number; slug: string }[];
      showId = shows.find((s) => s.slug === SHOW)?.id ?? 0;
      expect(showId).toBeGreaterThan(0);
      return showId;
    },

    /** A subscriber of a public show: the same feed plus itunes:block, every enclosure through the token. */
    async privateFeedOfPublicShow() {
      const s = await add('ada');
      const publicXml = await (await t.fetch(PUBLIC_FEED)).text();
      const res = await t.fetch(path(s.feedUrl));
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, no-cache');
      expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
      const xml = await res.text();
      expect(xml).toContain('<itunes:block>Yes</itunes:block>');
      expect(publicXml).not.toContain('<itunes:block>Yes</itunes:block>');
      const mine = enclosures(xml);
      expect(mine.length).toBe(enclosures(publicXml).length);
      expect(mine.length).toBeGreaterThan(0);
      for (const url of mine) expect(url.startsWith(`${t.baseUrl}/private/${s.token}/media/`)).toBe(true);
      // the same files as the public feed's, only through the token
      expect(mine.map((u) => u.replace(`/private/${s.token}`, ''))).toEqual(enclosures(publicXml));
      expect(xml).toContain(`<atom:link href="${s.feedUrl}" rel="self"`);
      expect(xml).not.toContain('rel="hub"');
      return { s, xml };
    },

    /** The audio through the token: ranges, the same bytes as the public file, private caching. */
    async privateMediaWithRange(s: Subscriber, xml: string) {
      const url = enclosures(xml)[0] as string;
      const res = await t.fetch(path(url), { headers: { range: 'bytes=0-99' } });
      expect(res.status).toBe(206);
      expect(res.headers.get('content-range')).toMatch(/^bytes 0-99\/\d+$/);
      expect(res.headers.get('cache-control')).toBe('private, no-cache');
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      const bytes = new Uint8Array(await res.arrayBuffer());
      const bare = await t.fetch(path(url.replace(`/private/${s.token}`, '')), {
        headers: { range: 'bytes=0-99' },
      });
      expect(new Uint8Array(await bare.arrayBuffer())).toEqual(bytes);
      expect(bytes.byteLength).toBe(100);
      return url;
    },

    /** access=subscribers: public feed and bare audio 404, pages without players; private feeds go on. */
    async gateShow(s: Subscriber, privateAudio: string) {
      const bareAudio = privateAudio.replace(`/private/${s.token}`, '');
      // warm every cache first (Node's hot responses, the edge cache)
      for (let i = 0; i < 2; i++) {
        expect((await t.fetch(PUBLIC_FEED)).status).toBe(200);
        expect((await t.fetch(path(bareAudio), { headers: { range: 'bytes=0-1' } })).status).toBe(206);
        expect((await t.fetch(`/podcasts/${SHOW}`)).status).toBe(200);
      }
      const patched = await api('PATCH', `/shows/${showId}`, { access: 'subscribers' });
      expect(patched.status).toBe(200);
      expect((await patched.json()).access).toBe('subscribers');
      expect((await t.fetch(PUBLIC_FEED)).status).toBe(404);
      expect((await t.fetch(path(bareAudio))).status).toBe(404);
      expect((await t.fetch(path(bareAudio), { headers: { range: 'bytes=0-1' } })).status).toBe(404);
      const bareMedia = new RegExp(
        `${t.baseUrl.replace(/[.:/]/g, '\\$&')}/media/[0-9a-f]+/[^"]+\\.(mp3|m4a|ogg|opus|flac|wav)`,
      );
      const episodes = (await (await api('GET', `/episodes`)).json()).items as {
        slug: string;
        showId: number;
      }[];
      const episode = episodes.find((e) => e.showId === showId)?.slug;
      for (const page of [
        `/podcasts/${SHOW}`,
        `/podcasts/${SHOW}/${episode}`,
        `/podcasts/${SHOW}/${episode}/embed`,
      ]) {
        const res = await t.fetch(page);
        expect(res.status, page).toBe(200);
        const html = await res.text();
        expect(html, page).not.toContain('<audio');
        expect(html, page).not.toMatch(bareMedia);
        expect(html, page).not.toContain('og:audio');
      }
      const opml = await (await t.fetch('/opml.xml')).text();
      expect(opml).not.toContain(PUBLIC_FEED);
      // the subscriber's feed and audio go on
      const again = await t.fetch(path(s.feedUrl));
      expect(again.status).toBe(200);
      expect(enclosures(await again.text())).toContain(privateAudio);
      expect((await t.fetch(path(privateAudio), { headers: { range: 'bytes=0-' } })).status).toBe(206);
    },

    /** Revoking: with every cache warm, the very next request with the token fails. */
    async revokeWarm(s: Subscriber, privateAudio: string) {
      for (let i = 0; i < 2; i++) {
        expect((await t.fetch(path(s.feedUrl))).status).toBe(200);
        expect((await t.fetch(path(privateAudio), { headers: { range: 'bytes=0-' } })).status).toBe(206);
      }
      expect((await api('DELETE', `/shows/${showId}/subscribers/${s.id}`)).status).toBe(204);
      expect((await t.fetch(path(s.feedUrl))).status).toBe(404);
      expect((await t.fetch(path(privateAudio), { headers: { range: 'bytes=0-' } })).status).toBe(404);
      expect((await t.fetch(path(privateAudio))).status).toBe(404);
      // revoking again changes nothing
      expect((await api('DELETE', `/shows/${showId}/subscribers/${s.id}`)).status).toBe(204);
      expect((await api('DELETE', `/shows/${showId}/subscribers/999999`)).status).toBe(404);
    },

    /** Unknown, malformed and revoked tokens: the same status, headers that matter, and body. */
    async sameNotFound(revoked: Subscriber) {
      const answers = [];
      const tokens = [
        revoked.token,
        'A'.repeat(revoked.token.length),
        'x',
        `${revoked.token}x`,
        '%E2%80%AE%00',
        'a'.repeat(2000),
      ];
      for (const token of tokens) {
        for (const file of ['feed.xml', 'media/0123456789abcdef/x.mp3', 'anything']) {
          const res = await t.fetch(`/private/${token}/${file}`, { headers: { 'x-request-id': 'same-id' } });
          answers.push({
            status: res.status,
            type: res.headers.get('content-type'),
            body: await res.text(),
          });
        }
      }
      expect(answers[0]?.status).toBe(404);
      for (const answer of answers) expect(answer).toEqual(answers[0]);
      expect(answers[0]?.body).not.toContain(revoked.token);
    },

    /** More networks in a day than SUBSCRIBER_MAX_NETWORKS (2 here): flagged in the list, logged once. */
    async sharedLink() {
      const s = await add('shared');
      const from = (address: string) => t.fetch(path(s.feedUrl), { headers: { [t.addressHeader]: address } });
      for (const address of ['198.51.100.7', '198.51.100.200', '203.0.113.9']) {
        expect((await from(address)).status).toBe(200);
      }
      // two networks so far (the first two share a /24): not shared yet
      const before = await retry(
        async () => (await list()).find((row) => row.id === s.id),
        (row) => row?.feedFetches === 3,
        'three fetches counted',
      );
      expect(before).toMatchObject({ networksToday: 2, sharedWarning: false });
      for (const address of ['2001:db8:aaaa:1::1', '2001:db8:aaaa:2::9', '192.0.2.1']) {
        expect((await from(address)).status).toBe(200);
      }
      const after = await retry(
        async () => (await list()).find((row) => row.id === s.id),
        (row) => row?.feedFetches === 6,
        'six fetches counted',
      );
      // the two IPv6 addresses share a /48
      expect(after).toMatchObject({ networksToday: 4, sharedWarning: true });
      const warnings = t
        .logs()
        .filter((line) => line.includes('more networks today than SUBSCRIBER_MAX_NETWORKS'));
      expect(warnings).toHaveLength(1);
      for (const address of ['198.51.100', '203.0.113', '2001:db8', '192.0.2.1']) {
        expect(t.logs().some((line) => line.includes(address) && line.includes('"level":"warn"'))).toBe(
          false,
        );
      }
    },

    /** No token in any log line the server wrote. */
    tokensNotLogged() {
      expect(made.length).toBeGreaterThan(0);
      const lines = t.logs();
      expect(lines.some((line) => line.includes('/private/'))).toBe(true);
      for (const s of made) {
        const leaked = lines.filter((line) => line.includes(s.token));
        expect(leaked).toEqual([]);
      }
    },
  };
}
