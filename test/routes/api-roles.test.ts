import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/catalog/accounts/audit.ts';
import { ADMIN_TOKEN, audioFixture, minimalShow } from '../helpers/admin-client.ts';
import { createToken, createUser, openStudioApp } from '../helpers/studio-client.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

describe('roles on the API (user tokens) and the audit trail', () => {
  const newDir = tempDirs();
  let studio: Awaited<ReturnType<typeof openStudioApp>>;
  const tokens: Record<'editor' | 'writer' | 'other', string> = { editor: '', writer: '', other: '' };
  let sectionId = 0;
  let showId = 0;

  beforeAll(async () => {
    studio = await openStudioApp(await newDir());
    await createUser(studio, 'editor@example.com', 'editor');
    await createUser(studio, 'writer@example.com', 'contributor');
    await createUser(studio, 'other@example.com', 'contributor');
    tokens.editor = await createToken(studio, 'editor@example.com');
    tokens.writer = await createToken(studio, 'writer@example.com');
    tokens.other = await createToken(studio, 'other@example.com');
    const sections = await (await studio.call('GET', '/sections')).json();
    sectionId = sections.items?.[0]?.id ?? sections[0]?.id;
    showId = (await (await studio.call('POST', '/shows', minimalShow('roles-show'))).json()).id;
  });
  afterAll(() => studio.demo.close());

  const as = (who: keyof typeof tokens | 'operator', method: string, path: string, body?: unknown) =>
    studio.demo.app.request(`/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${who === 'operator' ? ADMIN_TOKEN : tokens[who]}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const article = (slug: string) => ({ slug, headline: `Headline ${slug}`, sectionId });
  const episode = (slug: string) => ({ showId, slug, title: `Episode ${slug}` });

  it('lets a contributor create drafts and edit their own, but not publish them (403 with a clear detail)', async () => {
    const created = await as('writer', 'POST', '/articles', article('writer-draft'));
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect((await as('writer', 'PATCH', `/articles/${id}`, { headline: 'Better' })).status).toBe(200);
    const publish = await as('writer', 'POST', `/articles/${id}/publish`, {});
    expect(publish.status).toBe(403);
    expect(publish.headers.get('content-type')).toBe('application/problem+json');
    expect((await publish.json()).detail).toMatch(/^contributors cannot publish/);
    expect(
      (await as('writer', 'POST', `/articles/${id}/publish`, { at: '2027-01-01T00:00:00Z' })).status,
    ).toBe(403);
    // Still a draft.
    expect((await (await studio.call('GET', `/articles/${id}`)).json()).status).toBe('draft');
  });

  it('refuses a contributor someone else’s draft, sections, shows and anything published', async () => {
    const { id } = await (await as('writer', 'POST', '/articles', article('writers-own'))).json();
    const other = await as('other', 'PATCH', `/articles/${id}`, { headline: 'Mine now' });
    expect(other.status).toBe(403);
    expect((await other.json()).detail).toMatch(/only their own drafts/);
    expect((await as('other', 'DELETE', `/articles/${id}`)).status).toBe(403);
    expect((await as('other', 'PUT', `/articles/${id}/episodes`, { episodeIds: [] })).status).toBe(403);
    expect((await as('writer', 'POST', '/sections', { slug: 'nope', name: 'Nope' })).status).toBe(403);
    expect((await as('writer', 'PATCH', `/shows/${showId}`, { title: 'Nope' })).status).toBe(403);
    expect((await as('writer', 'POST', '/shows', minimalShow('writers-show'))).status).toBe(403);

    // An editor publishes the contributor's draft; from then on the contributor may not touch it.
    expect((await as('editor', 'POST', `/articles/${id}/publish`, {})).status).toBe(200);
    const edit = await as('writer', 'PATCH', `/articles/${id}`, { headline: 'Sneaky' });
    expect(edit.status).toBe(403);
    expect((await edit.json()).detail).toMatch(/cannot edit a published or scheduled item/);
    expect((await as('writer', 'POST', `/articles/${id}/unpublish`, {})).status).toBe(403);
  });

  it('lets a contributor upload audio to their own draft episode, not publish it, nor touch the demo’s', async () => {
    const { id } = await (await as('writer', 'POST', '/episodes', episode('writer-ep'))).json();
    const audio = await audioFixture('mp3-cbr-info.mp3');
    const upload = await studio.demo.app.request(`/api/v1/episodes/${id}/audio`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${tokens.writer}`, 'content-type': 'application/octet-stream' },
      body: audio as Uint8Array<ArrayBuffer>,
    });
    expect(upload.status).toBe(200);
    expect((await as('writer', 'POST', `/episodes/${id}/publish`, {})).status).toBe(403);
    expect((await as('editor', 'POST', `/episodes/${id}/publish`, {})).status).toBe(200);
    // Seeded episodes have no creator: never a contributor's.
    expect((await as('writer', 'PATCH', '/episodes/1', { title: 'x' })).status).toBe(403);
    expect((await as('writer', 'DELETE', `/episodes/${id}`)).status).toBe(403);
  });

  it('lets an editor do everything with content', async () => {
    const { id } = await (await as('writer', 'POST', '/articles', article('for-editor'))).json();
    expect((await as('editor', 'PATCH', `/articles/${id}`, { headline: 'Edited' })).status).toBe(200);
    expect((await as('editor', 'POST', '/sections', { slug: 'editors', name: 'Editors' })).status).toBe(201);
    expect((await as('editor', 'DELETE', `/articles/${id}`)).status).toBe(204);
  });

  it('records who made each write: user tokens by e-mail and user id, ADMIN_TOKEN as the operator', async () => {
    const { id } = await (await as('writer', 'POST', '/articles', article('audited'))).json();
    await as('editor', 'PATCH', `/articles/${id}`, { headline: 'Audited headline', tags: ['x'] });
    await as('operator', 'POST', `/articles/${id}/publish`, {});
    await as('operator', 'POST', `/articles/${id}/publish`, { at: '2030-01-01T00:00:00Z' });
    const refused = await as('writer', 'POST', `/articles/${id}/unpublish`, {});
    expect(refused.status).toBe(403);
    const events = await listAuditEvents(studio.demo.deps, { entity: 'article', entityId: id });
    expect(events.map((e) => [e.actor, e.action, e.summary]).reverse()).toEqual([
      ['writer@example.com', 'create', 'Headline audited'],
      ['editor@example.com', 'update', 'headline, tags changed'],
      ['ADMIN_TOKEN', 'publish', new Date(studio.clock.at).toISOString()],
      ['ADMIN_TOKEN', 'schedule', '2030-01-01T00:00:00.000Z'],
    ]);
    expect(events.every((e) => e.entityId === id)).toBe(true);
    expect(events.find((e) => e.actor === 'ADMIN_TOKEN')?.userId).toBeNull();
    expect(typeof events.find((e) => e.actor === 'writer@example.com')?.userId).toBe('number');
  });

  it('records nothing for a write that failed', async () => {
    const before = await listAuditEvents(studio.demo.deps, { entity: 'section' });
    expect((await as('editor', 'POST', '/sections', { slug: 'editors', name: 'Taken slug' })).status).toBe(
      409,
    );
    expect(await listAuditEvents(studio.demo.deps, { entity: 'section' })).toEqual(before);
  });
});
