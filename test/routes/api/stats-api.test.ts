import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminApp, openAdminApp } from '../../helpers/admin-client.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';

describe('GET /api/v1/{episodes,shows}/{id}/stats', () => {
  const newDir = tempDirs();
  let admin: AdminApp;
  beforeAll(async () => {
    admin = await openAdminApp(await newDir());
  });
  afterAll(() => admin?.demo.close());

  it('answers an empty report for an episode and a show nobody listened to, with every day of the range', async () => {
    const res = await admin.call('GET', '/episodes/1/stats?from=2026-10-30&to=2026-11-01');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      from: '2026-10-30',
      to: '2026-11-01',
      downloads: 0,
      days: [
        { day: '2026-10-30', downloads: 0 },
        { day: '2026-10-31', downloads: 0 },
        { day: '2026-11-01', downloads: 0 },
      ],
      apps: [],
      countries: [],
      sources: [],
    });
    const show = (await (await admin.call('GET', '/shows/1/stats')).json()) as Record<string, unknown>;
    // All time with no listening yet: today alone (the demo clock's day).
    expect(show).toMatchObject({ from: '2026-11-01', to: '2026-11-01', downloads: 0, episodes: [] });
  });

  it.each([
    ['from=2026-02-30', 'from'],
    ['to=yesterday', 'to'],
    ['from=2026-11-02&to=2026-11-01', 'from'],
    ['from=1900-01-01&to=2026-11-01', ''],
    ['from=2026-11-01T00:00:00Z', 'from'],
    // The day after 9999-12-31 is no longer written YYYY-MM-DD: listing the days never ended.
    ['from=9999-12-31&to=9999-12-31', 'from'],
    ['from=0000-01-01&to=0000-01-02', 'from'],
  ])('answers 400 problem+json for %s', async (query, field) => {
    const res = await admin.call('GET', `/episodes/1/stats?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = (await res.json()) as { detail?: string; errors?: { path?: string }[] };
    if (field) expect(JSON.stringify(body)).toContain(field);
    else expect(body.detail).toMatch(/at most 3660 days/);
  });

  it('answers 404 for an episode or show that does not exist, and 400 for an id that is not one', async () => {
    expect((await admin.call('GET', '/episodes/999/stats')).status).toBe(404);
    expect((await admin.call('GET', '/shows/999/stats')).status).toBe(404);
    expect((await admin.call('GET', '/episodes/abc/stats')).status).toBe(400);
  });

  it('is never public: 401 without credentials, and with a wrong token', async () => {
    for (const headers of [{}, { authorization: 'Bearer not-the-token-at-all' }] as Record<
      string,
      string
    >[]) {
      const res = await admin.demo.app.request('/api/v1/shows/1/stats', { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await admin.demo.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/episodes/{id}/stats', '/v1/shows/{id}/stats']),
    );
  });
});
