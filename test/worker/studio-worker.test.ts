import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfTokenOf, sessionCookieOf } from '../helpers/studio-client.ts';
import { tempDirs } from '../helpers/temp-dir.ts';
import { runUserAdd } from '../helpers/user-add.ts';
import { startWorker, type WorkerHarness } from '../helpers/worker-harness.ts';

const PASSWORD = 'a worker-side password';

// The studio in the Worker: a user made by `podwire user add --worker` signs in, makes an API token
// in the Account page, and writes through /api/v1 with it.
describe('the studio in the Worker (wrangler dev: workerd, D1)', () => {
  const newDir = tempDirs();
  let worker: WorkerHarness;
  const logs: string[] = [];

  beforeAll(async () => {
    const state = await newDir();
    const args = ['editor@example.com', '--role', 'editor', '--worker', '--persist-to', state];
    const added = await runUserAdd(args, PASSWORD, {}, 90_000);
    if (added.code !== 0) throw new Error(`podwire user add --worker failed: ${added.stderr}`);
    expect(added.stdout).toMatch(/added editor@example\.com \(editor\) to the local Worker's D1/);
    worker = await startWorker(
      { BASE_URL: 'https://news.example' },
      { persist: state, onLog: (l) => logs.push(l) },
    );
  }, 180_000);
  afterAll(() => worker?.dispose());

  const signIn = (password: string) =>
    worker.fetch('/studio/sign-in', {
      method: 'POST',
      headers: { origin: worker.url },
      body: new URLSearchParams({ email: 'editor@example.com', password }),
      redirect: 'manual',
    });

  it('refuses a wrong password with 401 and signs in with the right one (hashed at 100,000 iterations)', async () => {
    expect((await signIn('not the password')).status).toBe(401);
    const response = await signIn(PASSWORD);
    expect(response.status).toBe(303);
    expect(sessionCookieOf(response)).toMatch(/^__Host-podwire_session=/);
    expect(logs.some((l) => l.includes('password hash cannot be checked'))).toBe(false);
  });

  it('makes an API token in the Account page and writes through /api/v1 with it', async () => {
    const cookie = sessionCookieOf(await signIn(PASSWORD)) as string;
    const account = await worker.fetch('/studio/account', { headers: { cookie } });
    expect(account.status).toBe(200);
    const csrf = csrfTokenOf(await account.text()) as string;
    const made = await worker.fetch('/studio/account/tokens', {
      method: 'POST',
      headers: { cookie, origin: worker.url },
      body: new URLSearchParams({ _csrf: csrf, name: 'worker test' }),
    });
    const token = /id="new-token">([^<]+)</.exec(await made.text())?.[1] as string;
    expect(token).toMatch(/^pw_/);
    const section = await worker.fetch('/api/v1/sections', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ slug: 'from-the-edge', name: 'From the edge' }),
    });
    expect(section.status).toBe(201);
    const refused = await worker.fetch('/api/v1/sections', {
      method: 'POST',
      headers: { authorization: 'Bearer pw_not-a-token-at-all', 'content-type': 'application/json' },
      body: JSON.stringify({ slug: 'nope', name: 'Nope' }),
    });
    expect(refused.status).toBe(401);
  });
});
