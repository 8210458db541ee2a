import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessions } from '../../src/db/schema.ts';
import { openAdminApp } from '../helpers/admin-client.ts';
import {
  createUser,
  openStudioApp,
  postSignIn,
  signIn,
  TEST_PASSWORD,
  TEST_PASSWORDS,
} from '../helpers/studio-client.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

type StudioApp = Awaited<ReturnType<typeof openStudioApp>>;
const MINUTE = 60_000;

describe('studio sessions', () => {
  const newDir = tempDirs();
  let studio: StudioApp;

  beforeEach(async () => {
    studio = await openStudioApp(await newDir(), { SESSION_IDLE_MINUTES: '30', SESSION_MAX_DAYS: '2' });
    await createUser(studio, 'editor@example.com', 'editor');
  });
  afterEach(() => studio.demo.close());

  it('sets an HttpOnly, SameSite=Lax, Secure __Host- cookie holding only a random id when BASE_URL is https', async () => {
    const response = await postSignIn(studio.demo.app, 'editor@example.com', TEST_PASSWORD);
    const [line] = response.headers.getSetCookie();
    expect(line).toMatch(/^__Host-podwire_session=[A-Za-z0-9_-]{43};/);
    const attributes = (line as string)
      .split(/;\s*/)
      .slice(1)
      .map((a) => a.toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['path=/', 'httponly', 'secure', 'samesite=lax']));
    expect(attributes.some((a) => a.startsWith('domain='))).toBe(false);
    // The database keeps only the id's digest.
    const id = (line as string).split(';')[0]?.split('=')[1] as string;
    const rows = await studio.demo.deps.db.select().from(sessions);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(id);
    expect(rows[0]?.idHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('uses a plain podwire_session cookie without Secure when BASE_URL is http', async () => {
    const dir = await newDir();
    const plain = await openAdminApp(
      dir,
      { BASE_URL: 'http://localhost:8787' },
      { passwords: TEST_PASSWORDS },
    );
    try {
      await createUser(plain, 'editor@example.com', 'editor');
      const response = await plain.demo.app.request('/studio/sign-in', {
        method: 'POST',
        headers: { origin: 'http://localhost:8787' },
        body: new URLSearchParams({ email: 'editor@example.com', password: TEST_PASSWORD }),
      });
      const [line] = response.headers.getSetCookie();
      expect(line).toMatch(/^podwire_session=/);
      expect(line?.toLowerCase()).not.toContain('secure');
    } finally {
      plain.demo.close();
    }
  });

  it('ends a session left idle longer than SESSION_IDLE_MINUTES, and not one in use', async () => {
    const client = await signIn(studio, 'editor@example.com');
    for (let i = 0; i < 4; i++) {
      studio.clock.at += 20 * MINUTE;
      expect((await client.get('/studio')).status).toBe(200);
    }
    studio.clock.at += 30 * MINUTE;
    const expired = await client.get('/studio');
    expect(expired.status).toBe(303);
    expect(expired.headers.get('location')).toMatch(/^\/studio\/sign-in/);
    // The stale cookie is cleared.
    expect(expired.headers.getSetCookie().join()).toMatch(/__Host-podwire_session=;/);
  });

  it('ends a session SESSION_MAX_DAYS after sign-in however active', async () => {
    const client = await signIn(studio, 'editor@example.com');
    const start = studio.clock.at;
    while (studio.clock.at < start + 2 * 24 * 60 * MINUTE - 20 * MINUTE) {
      studio.clock.at += 20 * MINUTE;
      expect((await client.get('/studio')).status).toBe(200);
    }
    studio.clock.at = start + 2 * 24 * 60 * MINUTE;
    expect((await client.get('/studio')).status).toBe(303);
  });

  it('signs out with a POST: the cookie is cleared and the session no longer lets anyone in', async () => {
    const client = await signIn(studio, 'editor@example.com');
    const out = await client.post('/studio/sign-out');
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/studio/sign-in?done=signed-out');
    expect(await (await studio.demo.app.request('/studio/sign-in?done=signed-out')).text()).toContain(
      'You are signed out.',
    );
    expect(out.headers.getSetCookie().join()).toMatch(/Max-Age=0/i);
    expect((await client.get('/studio')).status).toBe(303);
    // A GET does not sign out.
    expect((await studio.demo.app.request('/studio/sign-out')).status).not.toBe(200);
  });

  it('refuses a cookie that is not a session id, without an error', async () => {
    for (const cookie of [
      '__Host-podwire_session=nonsense',
      `__Host-podwire_session=${'a'.repeat(43)}`,
      '__Host-podwire_session=%00%ff',
    ]) {
      const response = await studio.demo.app.request('/studio', { headers: { cookie } });
      expect(response.status, cookie).toBe(303);
    }
  });

  it('answers 401 problem+json to a fetch without a session, not a redirect', async () => {
    const response = await studio.demo.app.request('/studio/sign-out', {
      method: 'POST',
      headers: { origin: 'https://news.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});
