// Limits on tus uploads per principal: how many unfinished uploads one may hold at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_OPEN_UPLOADS } from '../../../src/catalog/tus/tus-records.ts';
import { createToken, createUser, openStudioApp } from '../../helpers/studio-client.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';
import { TUS } from '../../helpers/tus.ts';

describe('tus upload limits', () => {
  const newDir = tempDirs();
  let studio: Awaited<ReturnType<typeof openStudioApp>>;
  let first: Record<string, string>;
  let second: Record<string, string>;

  beforeAll(async () => {
    studio = await openStudioApp(await newDir());
    await createUser(studio, 'one@example.com', 'contributor');
    await createUser(studio, 'two@example.com', 'contributor');
    first = { authorization: `Bearer ${await createToken(studio, 'one@example.com')}` };
    second = { authorization: `Bearer ${await createToken(studio, 'two@example.com')}` };
  });
  afterAll(() => studio.demo.close());

  const create = (auth: Record<string, string>) =>
    studio.demo.app.request('/api/v1/uploads', {
      method: 'POST',
      headers: { ...TUS, ...auth, 'upload-length': '1000' },
    });

  it(`holds one user to ${MAX_OPEN_UPLOADS} unfinished uploads, even when creations arrive at once`, async () => {
    const answers = await Promise.all(Array.from({ length: MAX_OPEN_UPLOADS + 10 }, () => create(first)));
    const created = answers.filter((r) => r.status === 201);
    expect(created.length).toBeLessThanOrEqual(MAX_OPEN_UPLOADS);
    const refused = answers.find((r) => r.status === 429) as Response;
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.headers.get('tus-resumable')).toBe('1.0.0');
    expect((await refused.json()).detail).toContain('unfinished uploads');
    // Top up to the cap one at a time; one more is refused.
    for (let n = created.length; n < MAX_OPEN_UPLOADS; n++) expect((await create(first)).status).toBe(201);
    expect((await create(first)).status).toBe(429);
    // Another user is not held back; ending one upload frees a place.
    expect((await create(second)).status).toBe(201);
    const url = new URL(created[0]?.headers.get('location') as string).pathname;
    const ended = await studio.demo.app.request(url, { method: 'DELETE', headers: { ...TUS, ...first } });
    expect(ended.status).toBe(204);
    expect((await create(first)).status).toBe(201);
  });

  it('counts only unexpired uploads', async () => {
    studio.clock.at += 25 * 60 * 60 * 1000;
    expect((await create(first)).status).toBe(201);
  });
});
