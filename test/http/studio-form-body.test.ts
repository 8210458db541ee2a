import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE } from '../helpers/admin-client.ts';
import { createUser, openStudioApp, signIn } from '../helpers/studio-client.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

describe('studio form bodies', () => {
  const newDir = tempDirs();
  let studio: Awaited<ReturnType<typeof openStudioApp>>;

  beforeAll(async () => {
    studio = await openStudioApp(await newDir());
    await createUser(studio, 'editor@example.com', 'editor');
  });
  afterAll(() => studio.demo.close());

  const broken = (headers: Record<string, string>) => ({
    method: 'POST',
    headers: { origin: BASE, 'content-type': 'multipart/form-data; boundary=zzz', ...headers },
    body: 'this is not multipart',
  });

  it('answers a sign-in form whose body is not form data with 400, not 500', async () => {
    const response = await studio.demo.app.request('/studio/sign-in', broken({}));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).detail).toContain('the form could not be read');
  });

  it('answers a signed-in form with a broken body 400 as a page, and changes nothing', async () => {
    const client = await signIn(studio, 'editor@example.com');
    for (const path of ['/studio/account/tokens', '/studio/articles', '/studio/sign-out']) {
      const response = await client.request(
        path,
        broken({ 'x-csrf-token': client.csrfToken, accept: 'text/html' }),
      );
      expect(response.status, path).toBe(400);
      expect(response.headers.get('content-security-policy'), path).toContain("script-src 'self'");
      expect(await response.text(), path).toContain('the form could not be read');
    }
    const account = await (await client.get('/studio/account')).text();
    expect(account).not.toContain('Revoke');
  });

  it('answers a content form sent as JSON, text or nothing with 415, not 500', async () => {
    const client = await signIn(studio, 'editor@example.com');
    for (const path of ['/studio/articles', '/studio/sections', '/studio/articles/1/publish']) {
      for (const type of ['application/json', 'text/plain', undefined]) {
        const headers: Record<string, string> = { origin: BASE, 'x-csrf-token': client.csrfToken };
        if (type) headers['content-type'] = type;
        const response = await client.request(path, {
          method: 'POST',
          headers,
          body: type ? '{"headline":"x"}' : undefined,
        });
        expect(response.status, `${path} ${type}`).toBe(415);
        expect(await response.text()).toMatch(/studio forms are sent as/i);
      }
    }
  });

  it('still refuses a broken body from another site with 403 first', async () => {
    const response = await studio.demo.app.request(
      '/studio/sign-in',
      broken({ origin: 'https://evil.example' }),
    );
    expect(response.status).toBe(403);
  });
});
