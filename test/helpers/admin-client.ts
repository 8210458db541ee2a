// An admin API client over a demo app on a real database file and its own media folder, with a settable clock.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseConfig } from '../../src/config.ts';
import type { AppDeps } from '../../src/deps.ts';
import { AUDIO_FIXTURES } from './byte-reader.ts';
import { DEMO_NOW, openDemoApp } from './demo-app.ts';
import { REPO_ROOT } from './spawn-podwire.ts';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const AUTH = { authorization: `Bearer ${ADMIN_TOKEN}` } as const;
export const BASE = 'https://news.example';

export const audioFixture = async (name: string) =>
  new Uint8Array(await readFile(new URL(name, AUDIO_FIXTURES)));
export const imageFixture = async (name: string) =>
  new Uint8Array(await readFile(join(REPO_ROOT, 'test/fixtures/images', name)));

/** The demo app with writes enabled; `clock.at` is what the app takes for now; `deps` overrides others. */
export async function openAdminApp(
  dir: string,
  vars: Record<string, string> = {},
  deps: Partial<Omit<AppDeps, 'config' | 'now'>> = {},
) {
  const clock = { at: DEMO_NOW.getTime() };
  const demo = await openDemoApp(
    dir,
    {
      config: parseConfig({
        BASE_URL: BASE,
        ADMIN_TOKEN,
        MAX_UPLOAD_BYTES: String(2 * 1024 * 1024),
        ...vars,
      }),
      now: () => new Date(clock.at),
      ...deps,
    },
    { writableMedia: true },
  );
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    demo.app.request(`/api/v1${path}`, {
      method,
      headers: {
        ...AUTH,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  const upload = (path: string, bytes: Uint8Array, headers: Record<string, string> = {}) =>
    demo.app.request(`/api/v1${path}`, {
      method: 'PUT',
      headers: { ...AUTH, 'content-type': 'application/octet-stream', ...headers },
      body: bytes as Uint8Array<ArrayBuffer>,
    });
  return { demo, clock, call, upload, mediaDir: join(dir, 'media') };
}

export type AdminApp = Awaited<ReturnType<typeof openAdminApp>>;

/** The least a show needs: for tests that only want one to put episodes in. */
export const minimalShow = (slug: string, title = slug) => ({
  slug,
  title,
  description: 'A show.',
  language: 'en',
  author: 'Newsroom',
  categories: [{ category: 'News' }],
});
