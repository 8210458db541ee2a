import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../../src/db/schema.ts';
import {
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
});
