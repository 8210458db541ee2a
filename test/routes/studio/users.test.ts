import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '../../../src/db/schema.ts';
import { BASE } from '../../helpers/admin-client.ts';
import {
  createToken,
  createUser,
  openStudioApp,
  postSignIn,
  type StudioClient,
  signIn,
} from '../../helpers/studio-client.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';

describe('the Users page', () => {
  const newDir = tempDirs();
  let studio: Awaited<ReturnType<typeof openStudioApp>>;
  let admin: StudioClient;
  let editor: StudioClient;

  beforeAll(async () => {
    studio = await openStudioApp(await newDir());
    await createUser(studio, 'admin@example.com', 'admin');
    await createUser(studio, 'editor@example.com', 'editor');
    admin = await signIn(studio, 'admin@example.com');
    editor = await signIn(studio, 'editor@example.com');
  });
  afterAll(() => studio.demo.close());

  const idOf = async (email: string) =>
    (await studio.demo.deps.db.select().from(users)).find((u) => u.email === email)?.id as number;

  it('is for admins: the navigation offers it only to them, and others get 403', async () => {
    expect(await (await admin.get('/studio')).text()).toContain('href="/studio/users"');
    expect(await (await editor.get('/studio')).text()).not.toContain('href="/studio/users"');
    expect((await editor.get('/studio/users')).status).toBe(403);
    expect(
      (
        await editor.post('/studio/users', {
          email: 'x@example.com',
          role: 'admin',
          password: 'x'.repeat(12),
        })
      ).status,
    ).toBe(403);
    expect(
      (await editor.post(`/studio/users/${await idOf('admin@example.com')}/role`, { role: 'contributor' }))
        .status,
    ).toBe(403);
    expect(await idOf('x@example.com')).toBeUndefined();
  });

  it('lists users and adds one with a role and an initial password they can sign in with', async () => {
    const page = await (await admin.get('/studio/users')).text();
    expect(page).toContain('admin@example.com');
    expect(page).toContain('editor@example.com');
    const added = await admin.post('/studio/users', {
      email: ' New.Writer@Example.com',
      name: 'New Writer',
      role: 'contributor',
      password: 'their first password',
    });
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe('/studio/users?done=user-added');
    expect((await postSignIn(studio.demo.app, 'new.writer@example.com', 'their first password')).status).toBe(
      303,
    );
  });

  it('answers 400 with the fields kept and each error beside its field, 409 for a taken e-mail', async () => {
    const bad = await admin.post('/studio/users', {
      email: 'nope',
      name: 'N',
      role: 'editor',
      password: 'short',
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toMatch(/id="field-email-error">[^<]*is not an e-mail address/);
    expect(html).toContain('value="nope"');
    expect(html).not.toContain('value="short"');
    const short = await admin.post('/studio/users', {
      email: 'ok@example.com',
      role: 'editor',
      password: 'short',
    });
    expect(await short.text()).toMatch(/id="field-password-error">the password must be at least 10/);
    const taken = await admin.post('/studio/users', {
      email: 'EDITOR@example.com',
      role: 'editor',
      password: 'x'.repeat(12),
    });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain('already exists');
    const role = await admin.post('/studio/users', {
      email: 'r@example.com',
      role: 'owner',
      password: 'x'.repeat(12),
    });
    expect(role.status).toBe(400);
  });

  it('changes roles, and the new role takes effect on the next request', async () => {
    const id = await idOf('editor@example.com');
    expect((await admin.post(`/studio/users/${id}/role`, { role: 'admin' })).status).toBe(303);
    expect((await editor.get('/studio/users')).status).toBe(200);
    expect((await admin.post(`/studio/users/${id}/role`, { role: 'editor' })).status).toBe(303);
    expect((await editor.get('/studio/users')).status).toBe(403);
  });

  it('refuses to demote or remove the last admin (409), and removes others after a confirmation page', async () => {
    const adminId = await idOf('admin@example.com');
    const demote = await admin.post(`/studio/users/${adminId}/role`, { role: 'editor' });
    expect(demote.status).toBe(409);
    expect(await demote.text()).toContain('last admin');
    const remove = await admin.post(`/studio/users/${adminId}/remove`);
    expect(remove.status).toBe(409);
    expect(await idOf('admin@example.com')).toBe(adminId);

    const writer = await idOf('new.writer@example.com');
    const confirm = await admin.get(`/studio/users/${writer}/remove`);
    expect(await confirm.text()).toContain('Remove new.writer@example.com?');
    expect((await admin.post(`/studio/users/${writer}/remove`)).status).toBe(303);
    expect(await idOf('new.writer@example.com')).toBeUndefined();
    expect((await postSignIn(studio.demo.app, 'new.writer@example.com', 'their first password')).status).toBe(
      401,
    );
  });

  it('ends a removed user’s sessions at once', async () => {
    await createUser(studio, 'leaver@example.com', 'editor');
    const leaver = await signIn(studio, 'leaver@example.com');
    expect((await leaver.get('/studio')).status).toBe(200);
    await admin.post(`/studio/users/${await idOf('leaver@example.com')}/remove`);
    expect((await leaver.get('/studio')).status).toBe(303);
  });

  it('sets a new password for a user: they are signed out everywhere, their tokens stay, the audit trail says who', async () => {
    await createUser(studio, 'forgetful@example.com', 'editor');
    const id = await idOf('forgetful@example.com');
    const first = await signIn(studio, 'forgetful@example.com');
    const second = await signIn(studio, 'forgetful@example.com');
    const token = await createToken(studio, 'forgetful@example.com');
    const list = await (await admin.get('/studio/users')).text();
    expect(list).toContain(`href="/studio/users/${id}/password"`);
    const form = await admin.get(`/studio/users/${id}/password`);
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('Set a new password for forgetful@example.com');
    expect(html).toMatch(
      /<input id="field-password" name="password" type="password" required="" autocomplete="new-password" minlength="10"/,
    );
    expect(html).toContain('name="_csrf"');

    const short = await admin.post(`/studio/users/${id}/password`, { password: 'short' });
    expect(short.status).toBe(400);
    expect(await short.text()).toMatch(/id="field-password-error">the password must be at least 10/);
    expect((await first.get('/studio')).status).toBe(200); // a refused reset changes nothing

    const set = await admin.post(`/studio/users/${id}/password`, { password: 'a brand new password' });
    expect(set.status).toBe(303);
    expect(set.headers.get('location')).toBe('/studio/users?done=user-password-set');
    expect((await first.get('/studio')).status).toBe(303);
    expect((await second.get('/studio')).status).toBe(303);
    expect((await postSignIn(studio.demo.app, 'forgetful@example.com', 'a brand new password')).status).toBe(
      303,
    );
    expect((await postSignIn(studio.demo.app, 'forgetful@example.com', 'correct horse battery')).status).toBe(
      401,
    );
    const api = await studio.demo.app.request(`${BASE}/api/v1/shows`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(api.status).toBe(200);
    const audit = (await studio.demo.deps.db.select().from(auditEvents)).filter(
      (e) => e.entity === 'user' && e.entityId === id && e.action === 'update',
    );
    expect(audit.map((e) => [e.actor, e.summary])).toEqual([
      ['admin@example.com', 'password of forgetful@example.com set'],
    ]);
  });

  it('refuses a password reset by anyone but an admin, cross-site or without the CSRF token, and for the admin’s own account', async () => {
    const id = await idOf('forgetful@example.com');
    expect((await editor.get(`/studio/users/${id}/password`)).status).toBe(403);
    expect((await editor.post(`/studio/users/${id}/password`, { password: 'editor was here!' })).status).toBe(
      403,
    );
    expect(
      (await admin.post(`/studio/users/${id}/password`, { _csrf: 'wrong', password: 'x'.repeat(12) })).status,
    ).toBe(403);
    const crossSite = await admin.post(
      `/studio/users/${id}/password`,
      { password: 'x'.repeat(12) },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    expect((await postSignIn(studio.demo.app, 'forgetful@example.com', 'a brand new password')).status).toBe(
      303,
    );
    expect((await admin.post('/studio/users/999999/password', { password: 'x'.repeat(12) })).status).toBe(
      404,
    );

    const own = await idOf('admin@example.com');
    const ownForm = await admin.get(`/studio/users/${own}/password`);
    expect(ownForm.status).toBe(303);
    expect(ownForm.headers.get('location')).toBe('/studio/account');
    const ownPost = await admin.post(`/studio/users/${own}/password`, { password: 'x'.repeat(12) });
    expect(ownPost.status).toBe(403);
    expect(await ownPost.text()).toContain('Change your own password in Account');
    expect((await admin.get('/studio')).status).toBe(200);
  });
});
