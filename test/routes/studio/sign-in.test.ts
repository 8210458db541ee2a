import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BASE } from '../../helpers/admin-client.ts';
import {
  createUser,
  openStudioApp,
  PEER_HEADER,
  postSignIn,
  sessionCookieOf,
  signIn,
  TEST_PASSWORD,
} from '../../helpers/studio-client.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';

type StudioApp = Awaited<ReturnType<typeof openStudioApp>>;

describe('studio sign-in', () => {
  const newDir = tempDirs();
  let studio: StudioApp;
  const app = () => studio.demo.app;

  beforeEach(async () => {
    studio = await openStudioApp(await newDir());
    await createUser(studio, 'Editor@Example.com ', 'editor');
  });
  afterEach(() => studio.demo.close());

  it('sends a visitor without a session from /studio to the sign-in page, keeping where they were going', async () => {
    const response = await app().request('/studio');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/studio/sign-in?next=%2Fstudio');
    const deep = await app().request('/studio/account?tab=tokens');
    expect(deep.headers.get('location')).toBe(
      `/studio/sign-in?next=${encodeURIComponent('/studio/account?tab=tokens')}`,
    );
  });

  it('serves the sign-in form with fields named email and password, and the page security headers', async () => {
    const response = await app().request('/studio/sign-in?next=/studio/account');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('name="email"');
    expect(html).toContain('name="password"');
    expect(html).toContain('value="/studio/account"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('signs in (e-mail in any case, with spaces), redirects to the dashboard, which then answers 200', async () => {
    const response = await postSignIn(app(), '  EDITOR@example.COM', TEST_PASSWORD);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/studio');
    const cookie = sessionCookieOf(response) as string;
    const dashboard = await app().request('/studio', { headers: { cookie } });
    expect(dashboard.status).toBe(200);
    expect(dashboard.headers.get('cache-control')).toBe('no-store');
    const html = await dashboard.text();
    expect(html).toContain('<main id="main"');
    expect(html).toContain('editor@example.com');
  });

  it('answers 401 with the form and the same message for an unknown e-mail and a wrong password', async () => {
    const unknown = await postSignIn(app(), 'nobody@example.com', TEST_PASSWORD);
    const wrong = await postSignIn(app(), 'editor@example.com', 'not the password');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const message = (html: string) => /<p class="alert" role="alert">([^<]*)<\/p>/.exec(html)?.[1];
    const [a, b] = [await unknown.text(), await wrong.text()];
    expect(message(a)).toBe(message(b));
    expect(message(a)).toMatch(/do not match/);
    expect(b).toContain('name="password"');
    expect(b).not.toContain('not the password');
    expect(sessionCookieOf(wrong)).toBeUndefined();
  });

  it('goes to a studio page named by next, but never to another site', async () => {
    const to = (next: string) =>
      app().request('/studio/sign-in', {
        method: 'POST',
        headers: { origin: BASE },
        body: new URLSearchParams({ email: 'editor@example.com', password: TEST_PASSWORD, next }),
      });
    expect((await to('/studio/account')).headers.get('location')).toBe('/studio/account');
    for (const evil of [
      '//evil.example/studio',
      'https://evil.example/studio',
      '/\\evil.example',
      '/articles/x',
    ]) {
      expect((await to(evil)).headers.get('location'), evil).toBe('/studio');
    }
  });

  it('answers 429 with Retry-After after 5 failures for an account from one address within 15 minutes', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await postSignIn(app(), 'editor@example.com', `wrong ${i}`)).status).toBe(401);
    }
    const throttled = await postSignIn(app(), 'editor@example.com', TEST_PASSWORD);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBe(15 * 60);
    expect(sessionCookieOf(throttled)).toBeUndefined();
    expect(await throttled.text()).toContain('name="password"');
    // Another client address is not held back, nor is another account from this address.
    const other = await postSignIn(app(), 'editor@example.com', TEST_PASSWORD, {
      [PEER_HEADER]: '198.51.100.7',
    });
    expect(other.status).toBe(303);
    expect((await postSignIn(app(), 'someone@example.com', 'x'.repeat(10))).status).toBe(401);
    // Ten minutes on, still held; once the first failure is 15 minutes old, let through.
    studio.clock.at += 10 * 60_000;
    const later = await postSignIn(app(), 'editor@example.com', TEST_PASSWORD);
    expect(later.status).toBe(429);
    expect(Number(later.headers.get('retry-after'))).toBe(5 * 60);
    studio.clock.at += 5 * 60_000 + 1;
    expect((await postSignIn(app(), 'editor@example.com', TEST_PASSWORD)).status).toBe(303);
  });

  it('throttles guesses sent all at once: no more than 5 are checked, the rest answer 429', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => postSignIn(app(), 'editor@example.com', `wrong guess ${i}`)),
    );
    const statuses = guesses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    expect((await postSignIn(app(), 'editor@example.com', TEST_PASSWORD)).status).toBe(429);
  });

  it('does not count a successful sign-in as a failure', async () => {
    for (let i = 0; i < 4; i++) await postSignIn(app(), 'editor@example.com', `wrong ${i}`);
    for (let i = 0; i < 3; i++) {
      expect((await postSignIn(app(), 'editor@example.com', TEST_PASSWORD)).status).toBe(303);
    }
    expect((await postSignIn(app(), 'editor@example.com', 'wrong again')).status).toBe(401);
    expect((await postSignIn(app(), 'editor@example.com', TEST_PASSWORD)).status).toBe(429);
  });

  it('throttles unknown e-mails the same way (no hint that an account exists)', async () => {
    for (let i = 0; i < 5; i++) await postSignIn(app(), 'ghost@example.com', 'whatever 123');
    expect((await postSignIn(app(), 'ghost@example.com', 'whatever 123')).status).toBe(429);
  });

  it('reads the client from X-Forwarded-For only with TRUST_PROXY', async () => {
    // Without TRUST_PROXY a forged X-Forwarded-For changes nothing: still throttled.
    for (let i = 0; i < 5; i++) await postSignIn(app(), 'editor@example.com', 'wrong password');
    const forged = await postSignIn(app(), 'editor@example.com', TEST_PASSWORD, {
      'x-forwarded-for': '203.0.113.9',
    });
    expect(forged.status).toBe(429);
    studio.demo.close();

    studio = await openStudioApp(await newDir(), { TRUST_PROXY: 'true' });
    await createUser(studio, 'editor@example.com', 'editor');
    const viaProxy = (client: string, password: string) =>
      postSignIn(app(), 'editor@example.com', password, { 'x-forwarded-for': `10.9.9.9, ${client}` });
    for (let i = 0; i < 5; i++) expect((await viaProxy('203.0.113.1', 'wrong password')).status).toBe(401);
    expect((await viaProxy('203.0.113.1', TEST_PASSWORD)).status).toBe(429);
    // The proxy's entry (right-most) is the client: another client behind the same proxy gets in.
    expect((await viaProxy('203.0.113.2', TEST_PASSWORD)).status).toBe(303);
  });

  it('issues a new session at every sign-in: a cookie the browser came with names nothing afterwards', async () => {
    const first = await signIn(studio, 'editor@example.com');
    const again = await postSignIn(app(), 'editor@example.com', TEST_PASSWORD, { cookie: first.cookie });
    const second = sessionCookieOf(again) as string;
    expect(second).not.toBe(first.cookie);
    expect((await first.get('/studio')).status).toBe(303);
    expect((await app().request('/studio', { headers: { cookie: second } })).status).toBe(200);
  });

  it('answers 400 with the form when a field is missing', async () => {
    const response = await app().request('/studio/sign-in', {
      method: 'POST',
      headers: { origin: BASE },
      body: new URLSearchParams({ email: 'editor@example.com' }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Enter your e-mail and password');
  });

  it('redirects a signed-in user away from the sign-in page', async () => {
    const client = await signIn(studio, 'editor@example.com');
    const response = await client.get('/studio/sign-in');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/studio');
  });
});
