import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminApp, minimalShow, openAdminApp } from '../helpers/admin-client.ts';
import { minuteMp3 } from '../helpers/minute-mp3.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

describe('admin API: soundbites, socialInteract, license, location (Podcast Index namespace)', () => {
  const newDir = tempDirs();
  let api: AdminApp;
  let showId: number;
  let episodeId: number;
  let audioSeconds: number;

  beforeAll(async () => {
    api = await openAdminApp(await newDir());
    showId = (await (await api.call('POST', '/shows', minimalShow('tag-show', 'Tag Show'))).json()).id;
    const episode = await api.call('POST', '/episodes', { showId, slug: 'tagged', title: 'Tagged' });
    episodeId = (await episode.json()).id;
    const audio = await minuteMp3();
    audioSeconds = audio.seconds;
    expect((await api.upload(`/episodes/${episodeId}/audio`, audio.bytes)).status).toBe(200);
  });
  afterAll(() => api.demo.close());

  const patchEpisode = (body: unknown) => api.call('PATCH', `/episodes/${episodeId}`, body);
  const problemOf = async (response: Response) => {
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    return (await response.json()) as { detail: string; errors?: string[] };
  };

  it('stores and returns every field, with SPDX and ISO spellings made canonical', async () => {
    const response = await patchEpisode({
      soundbites: [
        { startSeconds: 5, durationSeconds: 30, title: 'The machine turns' },
        { startSeconds: 40.5, durationSeconds: 15 },
      ],
      socialInteract: [
        {
          protocol: 'activitypub',
          uri: 'https://podcastindex.social/@dave/105079274766075912',
          accountId: '@dave',
          accountUrl: 'https://podcastindex.social/@dave',
          priority: 1,
        },
        { protocol: 'atproto', uri: 'at://did:plc:abc/app.bsky.feed.post/3k', priority: 2 },
      ],
      license: { name: 'cc-by-4.0' },
      location: { name: 'Austin, TX', geo: 'geo:30.2672,-97.7431;u=350', osm: 'R113314', country: 'us' },
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.soundbites).toHaveLength(2);
    expect(body.socialInteract[1]).toEqual({
      protocol: 'atproto',
      uri: 'at://did:plc:abc/app.bsky.feed.post/3k',
      priority: 2,
    });
    expect(body.license).toEqual({ name: 'CC-BY-4.0' });
    expect(body.location).toMatchObject({ country: 'US', osm: 'R113314' });
    expect(await (await api.call('GET', `/episodes/${episodeId}`)).json()).toMatchObject({
      license: { name: 'CC-BY-4.0' },
      soundbites: body.soundbites,
    });
  });

  it('keeps them when other fields are patched, and clears them with null', async () => {
    await patchEpisode({ title: 'Tagged again' });
    const kept = await (await api.call('GET', `/episodes/${episodeId}`)).json();
    expect(kept.soundbites).toHaveLength(2);
    const cleared = await (
      await patchEpisode({ license: null, location: null, soundbites: null, socialInteract: null })
    ).json();
    expect(cleared).toMatchObject({ license: null, location: null, soundbites: [], socialInteract: [] });
  });

  it('takes a custom licence with the URL of its text, and a disabled comment section alone', async () => {
    const response = await patchEpisode({
      license: { name: 'my-podcast-license-v1', url: 'https://example.org/licence.pdf' },
      socialInteract: [{ protocol: 'disabled' }],
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ socialInteract: [{ protocol: 'disabled' }] });
  });

  it('refuses a soundbite that runs past the end of the audio, saying where it ends', async () => {
    const problem = await problemOf(
      await patchEpisode({ soundbites: [{ startSeconds: audioSeconds - 10, durationSeconds: 20 }] }),
    );
    expect(problem.detail).toMatch(/soundbite 1 runs to .* past the end of the audio/);
  });

  const careless: [string, unknown, RegExp][] = [
    [
      'a 10 s soundbite',
      { soundbites: [{ startSeconds: 0, durationSeconds: 10 }] },
      /from 15 to 120 seconds/,
    ],
    [
      'a 121 s soundbite',
      { soundbites: [{ startSeconds: 0, durationSeconds: 121 }] },
      /from 15 to 120 seconds/,
    ],
    [
      'a negative start',
      { soundbites: [{ startSeconds: -1, durationSeconds: 20 }] },
      /soundbites\.0\.startSeconds/,
    ],
    ['seconds as text', { soundbites: [{ startSeconds: '5', durationSeconds: 20 }] }, /startSeconds/],
    [
      'a long soundbite title',
      { soundbites: [{ startSeconds: 0, durationSeconds: 20, title: 'x'.repeat(129) }] },
      /title/,
    ],
    [
      'an unknown protocol',
      { socialInteract: [{ protocol: 'myspace', uri: 'https://x.example/1' }] },
      /protocol/,
    ],
    [
      'a post without its uri',
      { socialInteract: [{ protocol: 'activitypub', accountId: '@a' }] },
      /uri: is required for protocol activitypub/,
    ],
    [
      'disabled with a uri',
      { socialInteract: [{ protocol: 'disabled', uri: 'https://x.example/1' }] },
      /disabled says comments are off/,
    ],
    [
      'disabled beside a post',
      { socialInteract: [{ protocol: 'disabled' }, { protocol: 'nostr', uri: 'nostr:note1abc' }] },
      /cannot stand beside/,
    ],
    [
      'a javascript: uri',
      { socialInteract: [{ protocol: 'activitypub', uri: 'javascript:alert(1)' }] },
      /absolute URI/,
    ],
    ['a relative uri', { socialInteract: [{ protocol: 'activitypub', uri: '/comments/1' }] }, /absolute URI/],
    [
      'a custom licence without url',
      { license: { name: 'All rights reserved by us' } },
      /license\.url: is required: .* is no well-known licence/,
    ],
    ['a licence name with spaces around', { license: { name: ' CC-BY-4.0 ' } }, /license\.name/],
    [
      'a licence url that is not http',
      { license: { name: 'mine', url: 'ftp://x.example/l' } },
      /license\.url/,
    ],
    ['a place without a name', { location: { geo: 'geo:1,2' } }, /location\.name/],
    ['a 129-character place', { location: { name: 'p'.repeat(129) } }, /location\.name/],
    ['a bare pair of numbers', { location: { name: 'A', geo: '30.26,-97.74' } }, /geo URI/],
    ['a latitude past the pole', { location: { name: 'A', geo: 'geo:91,0' } }, /latitude/],
    ['a longitude past the date line', { location: { name: 'A', geo: 'geo:0,-181' } }, /longitude/],
    ['an uncertainty in words', { location: { name: 'A', geo: 'geo:1,2;u=far' } }, /uncertainty|geo URI/],
    ['an OSM id without its type', { location: { name: 'A', osm: '113314' } }, /OpenStreetMap/],
    ['an OSM id of another type', { location: { name: 'A', osm: 'X113314' } }, /OpenStreetMap/],
    ['a three-letter country', { location: { name: 'A', country: 'GBR' } }, /ISO 3166-1/],
    ['a country that is no country', { location: { name: 'A', country: 'XX' } }, /ISO 3166-1/],
    ['an unknown location field', { location: { name: 'A', lat: 3 } }, /location/],
    ['an unknown rel', { location: { name: 'A', rel: 'listener' } }, /rel/],
  ];
  for (const [what, body, expected] of careless) {
    it(`answers 400 problem+json for ${what}`, async () => {
      const problem = await problemOf(await patchEpisode(body));
      expect(problem.detail).toMatch(expected);
      expect(problem.errors?.length).toBeGreaterThan(0);
    });
  }

  it('keeps hostile text well-formed: NUL and lone surrogates are refused, markup is stored as text', async () => {
    await problemOf(await patchEpisode({ location: { name: 'Bad\u0000Place' } }));
    await problemOf(
      await patchEpisode({ soundbites: [{ startSeconds: 0, durationSeconds: 20, title: '\ud800' }] }),
    );
    const ok = await patchEpisode({ location: { name: '<script>alert("x")</script> & "quotes"' } });
    expect(ok.status).toBe(200);
    const feed = await (await api.demo.app.request('/podcasts/tag-show/feed.xml')).text();
    // a draft is not in the feed; the show's own fields are, escaped
    expect(feed).not.toContain('<script>');
  });

  it('gives shows a licence and a place too, and clears them with null', async () => {
    const response = await api.call('PATCH', `/shows/${showId}`, {
      license: { name: 'CC0-1.0' },
      location: { name: 'Millbrook', rel: 'creator', country: 'gb' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      license: { name: 'CC0-1.0' },
      location: { name: 'Millbrook', rel: 'creator', country: 'GB' },
    });
    await problemOf(await api.call('PATCH', `/shows/${showId}`, { location: { name: 'x', geo: 'geo:' } }));
    const cleared = await (await api.call('PATCH', `/shows/${showId}`, { license: null })).json();
    expect(cleared.license).toBeNull();
    expect(cleared.location).toMatchObject({ name: 'Millbrook' });
  });

  it('documents the new fields in the OpenAPI document', async () => {
    const doc = await (await api.demo.app.request('/api/openapi.json')).json();
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'Soundbite',
        'SocialInteract',
        'License',
        'Location',
        'LiveItem',
        'LiveItemInput',
      ]),
    );
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/shows/{id}/live-items', '/v1/live-items/{id}']),
    );
  });
});
