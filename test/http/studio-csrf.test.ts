import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE } from '../helpers/admin-client.ts';
import { createUser, openStudioApp, type StudioClient, signIn } from '../helpers/studio-client.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

describe('studio CSRF defences', () => {
  const newDir = tempDirs();
  let studio: Awaited<ReturnType<typeof openStudioApp>>;
  let client: StudioClient;

  beforeAll(async () => {
    studio = await openStudioApp(await newDir());
    await createUser(studio, 'editor@example.com', 'editor');
  });
  afterAll(() => studio.demo.close());

  // Sign-out is the simplest state-changing form: if it is refused, the session must survive.
  const signOut = (headers: Record<string, string>, fields: Record<string, string>) =>
    client.request('/studio/sign-out', { method: 'POST', headers, body: new URLSearchParams(fields) });
  const stillSignedIn = async () => (await client.get('/studio')).status === 200;

  it('refuses a POST from another site (Origin), even with the right token', async () => {
    client = await signIn(studio, 'editor@example.com');
    const response = await signOut({ origin: 'https://evil.example' }, { _csrf: client.csrfToken });
    expect(response.status).toBe(403);
    expect(await stillSignedIn()).toBe(true);
  });

  it('refuses a POST a browser marks Sec-Fetch-Site: cross-site or same-site', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const response = await signOut({ 'sec-fetch-site': site }, { _csrf: client.csrfToken });
      expect(response.status, site).toBe(403);
    }
    expect(await stillSignedIn()).toBe(true);
  });

  it('refuses a form that says nowhere where it came from', async () => {
    const response = await signOut({}, { _csrf: client.csrfToken });
    expect(response.status).toBe(403);
    expect(await stillSignedIn()).toBe(true);
  });

  it('refuses a same-origin POST with a missing or wrong _csrf token', async () => {
    expect((await signOut({ origin: BASE }, {})).status).toBe(403);
    expect((await signOut({ origin: BASE }, { _csrf: `${client.csrfToken}x` })).status).toBe(403);
    expect((await signOut({ origin: BASE }, { _csrf: '' })).status).toBe(403);
    // Another session's token is not this one's.
    const other = await signIn(studio, 'editor@example.com');
    expect((await signOut({ origin: BASE }, { _csrf: other.csrfToken })).status).toBe(403);
    expect(await stillSignedIn()).toBe(true);
  });

  it('answers a browser with a page and a script with problem+json', async () => {
    const page = await signOut({ origin: BASE, accept: 'text/html' }, {});
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const problem = await client.request('/studio/sign-out', {
      method: 'POST',
      headers: { origin: BASE, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(problem.status).toBe(403);
    expect(problem.headers.get('content-type')).toBe('application/problem+json');
  });

  it('accepts the token as X-CSRF-Token from a same-origin fetch', async () => {
    const response = await client.request('/studio/sign-out', {
      method: 'POST',
      headers: { origin: BASE, 'sec-fetch-site': 'same-origin', 'x-csrf-token': client.csrfToken },
    });
    expect(response.status).toBe(303);
    expect(await stillSignedIn()).toBe(false);
  });

  it('lets the right token through from a same-origin form', async () => {
    client = await signIn(studio, 'editor@example.com');
    const response = await signOut({ origin: BASE }, { _csrf: client.csrfToken });
    expect(response.status).toBe(303);
    expect(await stillSignedIn()).toBe(false);
  });

  it('refuses a cross-site sign-in form (login CSRF)', async () => {
    const response = await studio.demo.app.request('/studio/sign-in', {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      body: new URLSearchParams({ email: 'editor@example.com', password: 'correct horse battery' }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });
});
