import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findForbiddenXmlChar } from '../../src/domain/xml-chars.ts';
import { type AdminApp, minimalShow, openAdminApp } from '../helpers/admin-client.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

// Text as editors (and attackers) type it: any Unicode XML can carry, markup and CDATA ends included.
const nasty = fc.constantFrom(
  '<img src=x onerror=alert(2)>',
  ']]>',
  '&amp;',
  '\u202Eevil',
  '"\'',
  '😀',
  'e\u0301',
);
const textOf = (min: number, max: number) =>
  fc
    .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), nasty), { maxLength: 4 })
    .map((parts) => parts.join('').slice(0, max))
    .filter((s) => s.length >= min && s.trim().length >= min && findForbiddenXmlChar(s) === undefined);
const slugArb = fc.stringMatching(/^[a-z0-9][a-z0-9-]{2,20}$/);
const person = fc.record({ name: textOf(1, 50), role: fc.constantFrom('host', 'guest') });
const url = fc.constantFrom('https://news.example/a', 'http://example.org/b?c=d&e=f');

/** A random non-empty subset of `fields`' keys, each with a value from its arbitrary. */
function patchOf<T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) {
  return fc.record(fields, { requiredKeys: [] }).filter((p) => Object.keys(p).length > 0);
}

/** What a read must show after `patch` on `before`: every field sent replaced (null: `defaults`). */
function merged(
  before: Record<string, unknown>,
  patch: Record<string, unknown>,
  defaults: Record<string, unknown>,
) {
  const out = { ...before };
  for (const [key, value] of Object.entries(patch)) {
    out[key] = value === null ? (key in defaults ? defaults[key] : null) : value;
  }
  return out;
}

const pick = (view: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, view[k]]));

describe('admin API properties (fast-check)', () => {
  const newDir = tempDirs();
  let api: AdminApp;
  let sectionId: number;
  let showId: number;
  let counter = 0;
  const unique = (slug: string) => `${slug}-${++counter}`;

  beforeAll(async () => {
    api = await openAdminApp(await newDir());
    sectionId = (await (await api.call('POST', '/sections', { slug: 'props', name: 'Props' })).json()).id;
    const show = await api.call('POST', '/shows', minimalShow('props-show', 'Props'));
    showId = (await show.json()).id;
  });
  afterAll(() => api.demo.close());

  async function roundTrip(
    path: string,
    create: Record<string, unknown>,
    patch: Record<string, unknown>,
    defaults: Record<string, unknown>,
  ) {
    const created = await api.call('POST', path, create);
    expect(created.status, await created.clone().text()).toBe(201);
    const before = (await created.json()) as Record<string, unknown>;
    const response = await api.call('PATCH', `${path}/${before.id}`, patch);
    expect(response.status, await response.clone().text()).toBe(200);
    const after = (await (await api.call('GET', `${path}/${before.id}`)).json()) as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(create), ...Object.keys(patch)])];
    expect(pick(after, keys)).toEqual(pick(merged(before, patch, defaults), keys));
  }

  it('sections: create, then any PATCH, reads back as the creation merged with the patch', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ name: textOf(1, 200), description: textOf(0, 300), position: fc.nat(10_000) }),
        patchOf({
          name: textOf(1, 200),
          description: fc.option(textOf(0, 300)),
          position: fc.option(fc.nat(10_000)),
          slug: slugArb,
        }),
        async (create, patch) => {
          const withSlug = { ...patch, ...(patch.slug ? { slug: unique(String(patch.slug)) } : {}) };
          await roundTrip('/sections', { slug: unique('s'), ...create }, withSlug, {
            description: '',
            position: 0,
          });
        },
      ),
      { numRuns: 40, seed: 11 },
    );
  });

  it('articles: create, then any PATCH, reads back as the creation merged with the patch', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          headline: textOf(1, 200),
          standfirst: textOf(0, 300),
          bodyHtml: textOf(0, 300),
          tags: fc.array(textOf(1, 30), { maxLength: 3 }),
          imageAlt: textOf(0, 100),
        }),
        patchOf({
          headline: textOf(1, 200),
          standfirst: fc.option(textOf(0, 300)),
          bodyHtml: fc.option(textOf(0, 300)),
          authors: fc.option(fc.array(fc.record({ name: textOf(1, 50) }), { maxLength: 2 })),
          tags: fc.option(fc.array(textOf(1, 30), { maxLength: 3 })),
          imageAlt: fc.option(textOf(0, 100)),
        }),
        async (create, patch) => {
          await roundTrip('/articles', { slug: unique('a'), sectionId, ...create }, patch, {
            standfirst: '',
            bodyHtml: '',
            authors: [],
            tags: [],
            imageAlt: '',
          });
        },
      ),
      { numRuns: 40, seed: 12 },
    );
  });

  it('shows: create, then any PATCH, reads back as the creation merged with the patch', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          title: textOf(1, 100),
          subtitle: textOf(0, 100),
          explicit: fc.boolean(),
          type: fc.constantFrom('episodic', 'serial'),
          locked: fc.boolean(),
          persons: fc.array(person, { maxLength: 2 }),
        }),
        patchOf({
          title: textOf(1, 100),
          subtitle: fc.option(textOf(0, 100)),
          description: textOf(1, 300),
          explicit: fc.option(fc.boolean()),
          type: fc.option(fc.constantFrom('episodic', 'serial')),
          locked: fc.option(fc.boolean()),
          complete: fc.option(fc.boolean()),
          block: fc.option(fc.boolean()),
          copyright: textOf(1, 100),
          link: url,
          funding: fc.option(fc.array(fc.record({ url, title: textOf(1, 50) }), { maxLength: 2 })),
          persons: fc.option(fc.array(person, { maxLength: 2 })),
        }),
        async (create, patch) => {
          await roundTrip(
            '/shows',
            {
              slug: unique('show'),
              description: 'About.',
              language: 'en',
              author: 'Desk',
              categories: [{ category: 'News' }],
              ...create,
            },
            patch,
            {
              subtitle: '',
              explicit: false,
              type: 'episodic',
              locked: false,
              complete: false,
              block: false,
              funding: [],
              persons: [],
            },
          );
        },
      ),
      { numRuns: 40, seed: 13 },
    );
  });

  it('episodes: create, then any PATCH, reads back as the creation merged with the patch', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          title: textOf(1, 100),
          summary: textOf(0, 300),
          contentHtml: textOf(0, 300),
          season: fc.integer({ min: 1, max: 9 }),
          number: fc.integer({ min: 1, max: 99 }),
          type: fc.constantFrom('full', 'trailer', 'bonus'),
          explicit: fc.boolean(),
          block: fc.boolean(),
          persons: fc.array(person, { maxLength: 2 }),
        }),
        patchOf({
          title: textOf(1, 100),
          summary: fc.option(textOf(0, 300)),
          contentHtml: fc.option(textOf(0, 300)),
          season: fc.option(fc.integer({ min: 1, max: 9 })),
          number: fc.option(fc.integer({ min: 1, max: 99 })),
          type: fc.option(fc.constantFrom('full', 'trailer', 'bonus')),
          explicit: fc.option(fc.boolean()),
          block: fc.option(fc.boolean()),
          persons: fc.option(fc.array(person, { maxLength: 2 })),
        }),
        async (create, patch) => {
          await roundTrip('/episodes', { showId, slug: unique('e'), ...create }, patch, {
            summary: '',
            contentHtml: '',
            type: 'full',
            block: false,
            persons: [],
          });
        },
      ),
      { numRuns: 40, seed: 14 },
    );
  });

  it('text XML cannot carry is refused (400) in any field, and a refused write changes nothing', async () => {
    const episode = await (
      await api.call('POST', '/episodes', { showId, slug: unique('clean'), title: 'Clean', summary: 'Kept' })
    ).json();
    const forbidden = fc.constantFrom(
      '\u0000',
      '\u0001',
      '\u0008',
      '\u000B',
      '\u001F',
      '\uD800',
      '\uDFFF',
      '\uFFFE',
      '\uFFFF',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('title', 'summary', 'contentHtml'),
        fc.string({ maxLength: 10 }),
        forbidden,
        fc.string({ maxLength: 10 }),
        async (field, before, bad, after) => {
          const response = await api.call('PATCH', `/episodes/${episode.id}`, {
            [field]: `${before}${bad}${after}`,
          });
          expect(response.status).toBe(400);
          expect((await response.json()).detail).toContain(field);
        },
      ),
      { numRuns: 60, seed: 15 },
    );
    expect(await (await api.call('GET', `/episodes/${episode.id}`)).json()).toEqual(episode);
  });
});
