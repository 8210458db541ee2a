// A contributor's right to write (their own draft) must still hold when the write lands, not only when it was checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../../src/auth/principal.ts';
import { getArticle, publishArticle, updateArticle } from '../../../src/catalog/editor/articles.ts';
import type { EditorContext } from '../../../src/catalog/editor/context.ts';
import { getEpisode, publishEpisode, updateEpisode } from '../../../src/catalog/editor/episodes.ts';
import type { Database } from '../../../src/db/database.ts';
import { audioFixture, BASE, minimalShow } from '../../helpers/admin-client.ts';
import { createToken, createUser, openStudioApp } from '../../helpers/studio-client.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';

/**
 * The database, with `first` run (on the real one) just before the first write batch goes out:
 * another request's write landing between the check and the write. Batches of reads alone (a
 * record read in one round trip) are let through.
 */
function interleaved(db: Database, first: () => Promise<unknown>): Database {
  let done = false;
  return new Proxy(db, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (name !== 'batch' || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const statements = (args[0] ?? []) as { toSQL?: () => { sql: string } }[];
        const writes = statements.some((q) => !/^\s*select/i.test(q.toSQL?.().sql ?? ''));
        if (!done && writes) {
          done = true;
          await first();
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe('a contributor’s write racing an editor’s publish', () => {
  const newDir = tempDirs();
  let studio: Awaited<ReturnType<typeof openStudioApp>>;
  let contributor: Principal;
  let token: string;
  const editor: Principal = { userId: null, role: 'admin', label: 'ADMIN_TOKEN' };

  beforeAll(async () => {
    studio = await openStudioApp(await newDir());
    const user = await createUser(studio, 'writer@example.com', 'contributor');
    contributor = { userId: user.id, role: 'contributor', label: user.email };
    token = await createToken(studio, 'writer@example.com');
  });
  afterAll(() => studio.demo.close());

  const ctxOf = (actor: Principal, db: Database = studio.demo.deps.db): EditorContext => ({
    db,
    baseUrl: BASE,
    now: studio.demo.deps.now(),
    actor,
  });
  const asWriter = (path: string, body: unknown) =>
    studio.demo.app.request(`/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('refuses the contributor’s article edit when the draft was published after the check', async () => {
    const sections = await (await studio.call('GET', '/sections')).json();
    const sectionId = sections.items?.[0]?.id ?? sections[0]?.id;
    const { id } = await (await asWriter('/articles', { slug: 'race', headline: 'Mine', sectionId })).json();
    const db = interleaved(studio.demo.deps.db, () => publishArticle(ctxOf(editor), id, undefined));
    await expect(updateArticle(ctxOf(contributor, db), id, { headline: 'Changed' })).rejects.toMatchObject({
      status: 412,
    });
    const now = await getArticle(ctxOf(editor), id);
    expect(now.article.status).toBe('published');
    expect(now.article.headline).toBe('Mine');
  });

  it('refuses the contributor’s episode edit when the draft was published after the check', async () => {
    const showId = (await (await studio.call('POST', '/shows', minimalShow('race-show'))).json()).id;
    const { id } = await (await asWriter('/episodes', { showId, slug: 'race', title: 'Mine' })).json();
    const audio = await studio.demo.app.request(`/api/v1/episodes/${id}/audio`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: (await audioFixture('mp3-cbr-info.mp3')) as Uint8Array<ArrayBuffer>,
    });
    expect(audio.status).toBe(200);
    const db = interleaved(studio.demo.deps.db, () => publishEpisode(ctxOf(editor), id, undefined));
    await expect(updateEpisode(ctxOf(contributor, db), id, { title: 'Changed' })).rejects.toMatchObject({
      status: 412,
    });
    const now = await getEpisode(ctxOf(editor), id);
    expect(now.episode.status).toBe('published');
    expect(now.episode.title).toBe('Mine');
  });

  it('still lets the contributor edit their draft when nothing came in between', async () => {
    const db = interleaved(studio.demo.deps.db, async () => {});
    const sections = await (await studio.call('GET', '/sections')).json();
    const sectionId = sections.items?.[0]?.id ?? sections[0]?.id;
    const { id } = await (await asWriter('/articles', { slug: 'calm', headline: 'Mine', sectionId })).json();
    const saved = await updateArticle(ctxOf(contributor, db), id, { headline: 'Changed' });
    expect(saved.article.headline).toBe('Changed');
  });
});
