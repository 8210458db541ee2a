import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/spawn-podwire.ts';
import { tempDirs } from '../helpers/temp-dir.ts';
import { launchChromium } from './chromium.ts';
import { startStudioServer } from './studio-server.ts';

const SHOTS = join(REPO_ROOT, 'test-results');
const PASSWORD = 'browser test password';
const AUDIO = (name: string) => join(REPO_ROOT, 'test/fixtures/audio', name);

// A first session in Chromium against `npm start`: a new show, its first episode, audio sent by the
// studio's script (tus) and the chapter editor following it, the episode page preview; and an admin
// setting another user's password on a 360 px screen.
describe('the studio’s first session in Chromium', () => {
  const newDir = tempDirs();
  let stop: (() => Promise<void>) | undefined;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    const dir = await newDir();
    // Uploads go to the test's own folder (the server's default, ./media, is the repository's demo folder).
    const media = join(dir, 'media');
    await mkdir(media, { recursive: true });
    const env = { DATABASE_URL: `file:${join(dir, 'podwire.db')}`, MEDIA_DIR: media };
    const server = await startStudioServer(env, { email: 'admin@example.com', password: PASSWORD });
    base = server.base;
    stop = server.stop;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stop?.();
  });

  async function signedIn(viewport: { width: number; height: number }): Promise<[BrowserContext, Page]> {
    // bypassCSP: axe is injected as a script, which the studio's policy rightly refuses.
    const context = await browser.newContext({ viewport, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${base}/studio/sign-in`);
    await page.getByLabel('E-mail').fill('admin@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await Promise.all([
      page.waitForURL(`${base}/studio`),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    return [context, page];
  }

  async function audit(page: Page, name: string) {
    await page.screenshot({ path: join(SHOTS, `studio-${name}.png`), fullPage: true });
    await page.addScriptTag({ content: axe.source });
    const results = await page.evaluate(() =>
      (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      }),
    );
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious, name).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} is wider than the screen`).toBeLessThanOrEqual(0);
  }

  it('creates a show, follows “Add the first episode”, uploads audio and sees the chapter editor follow it', async () => {
    const [context, page] = await signedIn({ width: 1280, height: 900 });
    await page.goto(`${base}/studio/shows/new`);
    const show = page.locator('form[aria-label="Show"]');
    await show.locator('[name="title"]').fill('Night Ferry');
    await show.locator('[name="description"]').fill('Stories from the late boat.');
    await show.locator('[name="author"]').fill('Millbrook Courier');
    await show.locator('[name="ownerEmail"]').fill('podcasts@example.com');
    await show.locator('#f-categories-1').selectOption('News');
    await Promise.all([
      page.waitForURL(/\/studio\/shows\/\d+/),
      page.getByRole('button', { name: 'Create show' }).click(),
    ]);
    expect(await page.locator('.flash').textContent()).toMatch(/first episode/);

    await Promise.all([
      page.waitForURL(/\/studio\/episodes\/new\?showId=\d+/),
      page.getByRole('link', { name: 'Add the first episode' }).click(),
    ]);
    await page.locator('form[aria-label="Episode"] [name="title"]').fill('The last crossing');
    await Promise.all([
      page.waitForURL(/#audio-panel$/),
      page.getByRole('button', { name: 'Create draft' }).click(),
    ]);
    await page.waitForFunction(() => document.activeElement?.id === 'f-audio-file', undefined, {
      timeout: 5000,
    });
    expect(await page.locator('.flash').textContent()).toMatch(/upload its audio/);
    await audit(page, 'new-episode-1280');

    const chapters = page.locator('#f-chapters');
    const hint = page.locator('[data-chapters-hint]');
    const status = page.locator('#audio-panel [data-upload-status]');
    expect(await chapters.inputValue()).toBe('');

    // 1. The first audio, with chapters: the editor takes them at once, as the facts appear.
    await page.locator('#f-audio-file').setInputFiles(AUDIO('mp3-chapters.mp3'));
    await page.getByRole('button', { name: 'Upload audio' }).click();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/mp3-chapters\.mp3 is stored/);
    const facts = await page.locator('[data-fact="chapters"] li').allTextContents();
    expect(facts.length).toBeGreaterThan(1);
    expect(await chapters.inputValue()).toBe(facts.join('\n'));
    expect(await hint.textContent()).toMatch(/found in the audio file/);
    // What the script shows is what a reload shows.
    await page.reload();
    expect(await chapters.inputValue()).toBe(facts.join('\n'));

    // 2. Lines typed and not saved are kept when other audio arrives, and the panel says so.
    await chapters.fill('0:00 Typed by hand');
    await page.locator('#f-audio-file').setInputFiles(AUDIO('wav.wav'));
    await page.getByRole('button', { name: 'Upload audio' }).click();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/wav\.wav is stored/);
    expect(await chapters.inputValue()).toBe('0:00 Typed by hand');
    expect(await hint.textContent()).toMatch(/unsaved lines are kept/);

    // 3. With its own chapters file, the episode keeps it, and the panel says why.
    await page.getByRole('button', { name: 'Save chapters' }).click();
    await page.waitForURL(/done=/);
    expect(await hint.textContent()).toMatch(/chapters file/);
    await page.locator('#f-audio-file').setInputFiles(AUDIO('mp3-chapters.mp3'));
    await page.getByRole('button', { name: 'Upload audio' }).click();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/mp3-chapters\.mp3 is stored/);
    expect(await chapters.inputValue()).toBe('0:00 Typed by hand');
    expect(await hint.textContent()).toMatch(/chapters file, kept/);

    // The episode page as readers would get it, marked as a preview.
    await Promise.all([
      page.waitForURL(/\/preview$/),
      page.getByRole('link', { name: 'Preview the episode page' }).click(),
    ]);
    expect(await page.locator('h1').textContent()).toBe('The last crossing');
    expect(await page.locator('.preview-banner').textContent()).toMatch(/not published/);
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toMatch(/noindex/);
    await context.close();
  });

  it('lets an admin set another user’s password on a 360 px screen', async () => {
    const [context, page] = await signedIn({ width: 360, height: 740 });
    await page.getByRole('link', { name: 'Users' }).click();
    await page.waitForURL(`${base}/studio/users`);
    await page.getByLabel('E-mail').fill('writer@example.com');
    await page.locator('input[name="role"][value="contributor"]').check();
    await page.getByLabel('Initial password').fill('their first password');
    await Promise.all([
      page.waitForURL(/done=user-added/),
      page.getByRole('button', { name: 'Add user' }).click(),
    ]);
    await audit(page, 'users-set-password-360');
    const link = page.getByRole('link', { name: 'Set a new password for writer@example.com' });
    await link.scrollIntoViewIfNeeded();
    await Promise.all([page.waitForURL(/\/password$/), link.click()]);
    await audit(page, 'user-password-360');
    await page.getByLabel('New password').fill('a brand new password');
    await Promise.all([
      page.waitForURL(/done=user-password-set/),
      page.getByRole('button', { name: 'Set the password' }).click(),
    ]);
    expect(await page.locator('.flash').textContent()).toMatch(/password is set/);
    await context.close();
  });
});
