import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens } from '../../../src/db/schema.ts';
import { BASE, minimalShow } from '../../helpers/admin-client.ts';
import {
  createUser,
  openStudioApp,
  PEER_HEADER,
  postSignIn,
  type StudioClient,
  signIn,
  TEST_PASSWORD,
} from '../../helpers/studio-client.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';

describe('the Account page', () => {
  const newDir = tempDirs();
  let studio: Awaited<ReturnType<typeof openStudioApp>>;
  let client: StudioClient;

  beforeAll(async () => {
    studio = await openStudioApp(await newDir());
    await createUser(studio, 'editor@example.com', 'editor');
    client = await signIn(studio, 'editor@example.com');
  });
  afterAll(() => studio.demo.close());

  const api = (method: string, path: string, token: string, body?: unknown) =>
    studio.demo.app.request(`/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('shows the account, its sessions (this browser marked) and no tokens yet', async () => {
    const response = await client.get('/studio/account');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('editor@example.com');
    expect(html).toContain('(this browser)');
    expect(html).toContain('You have no API tokens.');
    expect(html).toMatch(/name="_csrf" value="[^"]+"/);
  });

  it('creates an API token shown once, stored only as a digest, usable as a bearer token on /api/v1', async () => {
    const created = await client.post('/studio/account/tokens', { name: 'laptop' });
    expect(created.status).toBe(200);
    const html = await created.text();
    const token = /<p class="secret" id="new-token">(pw_[A-Za-z0-9_-]{43})<\/p>/.exec(html)?.[1] as string;
    expect(token).toBeDefined();
    // Shown once: the page afterwards lists it by name and prefix only.
    const later = await (await client.get('/studio/account')).text();
    expect(later).not.toContain(token);
    expect(later).toContain('laptop');
    expect(later).toContain(`${token.slice(0, 10)}…`);
    const rows = await studio.demo.deps.db.select().from(apiTokens);
    expect(JSON.stringify(rows)).not.toContain(token.slice(3));
    expect(rows[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const section = await api('POST', '/sections', token, { slug: 'by-token', name: 'By token' });
    expect(section.status).toBe(201);
    const used = await studio.demo.deps.db.select().from(apiTokens);
    expect(used[0]?.lastUsedAt?.getTime()).toBe(studio.clock.at);
  });

  it('refuses a token name that is empty, with the form and 400', async () => {
    const response = await client.post('/studio/account/tokens', { name: '   ' });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/class="error"[^>]*>give the token a name/);
  });

  it('revokes a token: requests bearing it get 401 from then on', async () => {
    const html = await (await client.post('/studio/account/tokens', { name: 'ci' })).text();
    const token = /id="new-token">([^<]+)</.exec(html)?.[1] as string;
    expect((await api('POST', '/shows', token, minimalShow('tok-show'))).status).toBe(201);
    const id = /tokens\/(\d+)\/revoke"><input[^>]*\/><button[^>]*aria-label="Revoke token ci"/.exec(
      html,
    )?.[1];
    expect(id).toBeDefined();
    const revoked = await client.post(`/studio/account/tokens/${id}/revoke`);
    expect(revoked.status).toBe(303);
    expect(revoked.headers.get('location')).toBe('/studio/account?done=token-revoked');
    const refused = await api('POST', '/shows', token, minimalShow('tok-show-2'));
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('invalid_token');
    // Another user cannot revoke it (it is not theirs): 404, the token list unchanged.
    expect((await client.post('/studio/account/tokens/999999/revoke')).status).toBe(404);
  });

  it('changes the password after checking the current one; other sessions end, this one stays', async () => {
    const other = await signIn(studio, 'editor@example.com');
    const wrong = await client.post('/studio/account/password', {
      current: 'not it at all',
      next: 'a brand new password',
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('the current password is not right');
    const short = await client.post('/studio/account/password', { current: TEST_PASSWORD, next: 'short' });
    expect(short.status).toBe(400);
    expect(await short.text()).toMatch(/at least 10 characters/);

    const changed = await client.post('/studio/account/password', {
      current: TEST_PASSWORD,
      next: 'a brand new password',
    });
    expect(changed.status).toBe(303);
    expect((await client.get('/studio')).status).toBe(200);
    expect((await other.get('/studio')).status).toBe(303);
    expect((await postSignIn(studio.demo.app, 'editor@example.com', TEST_PASSWORD)).status).toBe(401);
    const page = await (await client.get('/studio/account?done=password-changed')).text();
    expect(page).toContain('Your password is changed');
    // Back to the shared test password for the tests after this one.
    await client.post('/studio/account/password', { current: 'a brand new password', next: TEST_PASSWORD });
  });

  it('throttles guesses at the current password as failed sign-ins: a borrowed session cannot find it', async () => {
    await createUser(studio, 'guessed@example.com', 'editor');
    const victim = await signIn(studio, 'guessed@example.com');
    const guesses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        victim.post('/studio/account/password', { current: `guess number ${i}`, next: 'taken over now!' }),
      ),
    );
    const statuses = guesses.map((r) => r.status);
    expect(statuses.filter((s) => s === 400)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    const throttled = guesses.find((r) => r.status === 429) as Response;
    expect(Number(throttled.headers.get('retry-after'))).toBe(15 * 60);
    expect(await throttled.text()).toContain('too many wrong passwords');
    // Even the right password waits now, here and at the sign-in form from this address.
    const right = await victim.post('/studio/account/password', {
      current: TEST_PASSWORD,
      next: 'taken over now!',
    });
    expect(right.status).toBe(429);
    expect((await postSignIn(studio.demo.app, 'guessed@example.com', TEST_PASSWORD)).status).toBe(429);
    // From another address, the owner still signs in.
    const elsewhere = await postSignIn(studio.demo.app, 'guessed@example.com', TEST_PASSWORD, {
      [PEER_HEADER]: '198.51.100.99',
    });
    expect(elsewhere.status).toBe(303);
  });

  it('signs out everywhere: every session of the user ends, this one too', async () => {
    const other = await signIn(studio, 'editor@example.com');
    const response = await client.post('/studio/account/sign-out-everywhere');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/studio/sign-in?done=signed-out-everywhere');
    expect((await client.get('/studio')).status).toBe(303);
    expect((await other.get('/studio')).status).toBe(303);
    client = await signIn(studio, 'editor@example.com');
  });

  it('accepts the studio session on /api/v1 for same-origin fetches, writes only with X-CSRF-Token', async () => {
    const read = await client.request('/api/v1/articles');
    expect(read.status).toBe(200);
    const post = (headers: Record<string, string>) =>
      client.request('/api/v1/sections', {
        method: 'POST',
        headers: { origin: BASE, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ slug: `s-${Object.keys(headers).length}`, name: 'S' }),
      });
    expect((await post({})).status).toBe(403);
    expect((await post({ 'x-csrf-token': 'wrong' })).status).toBe(403);
    expect((await post({ 'x-csrf-token': client.csrfToken })).status).toBe(201);
  });
});
