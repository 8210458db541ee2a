// The studio end to end in Chromium, against `npm start` and against `npm run dev:worker`: a fresh editor publishes a
// show, a 150 MB episode uploaded with tus (cut off by a reload and resumed), a second episode and a paired article.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { parseFeed } from 'podcast-partytime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLargeMp3 } from '../helpers/large-mp3.ts';
import { REPO_ROOT } from '../helpers/spawn-podwire.ts';
import { tempDirs } from '../helpers/temp-dir.ts';
import { launchChromium } from './chromium.ts';
import { type StudioTarget, startNodeTarget, startWorkerTarget } from './studio-targets.ts';

const SHOTS = join(REPO_ROOT, 'test-results');
const EDITOR = 'new.editor@example.com';
const PASSWORD = 'a long editor password';
const ARTWORK = join(REPO_ROOT, 'test/fixtures/images/square-1400.jpg');
/** The demo's second briefing: 26:25 of speech, a real file an editor might send. */
const SHORT_AUDIO = join(REPO_ROOT, 'media/demo/briefing-02-tide-mill-machine.mp3');
const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 360, height: 740 },
] as const;
const LONG = { title: 'The Long Tide, Uncut', durationText: '5:27:45', seconds: 19665 };
const SHORT = { title: 'Lamps Along the Quay', durationText: '26:25' };

describe.each([
  ['npm start', startNodeTarget],
  ['npm run dev:worker', startWorkerTarget],
] as const)('the studio end to end, against %s', (_name, start) => {
  const newDir = tempDirs();
  let target: StudioTarget;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let large: Awaited<ReturnType<typeof writeLargeMp3>>;
  /** Paths of the records made along the way, for the screenshots at the end. */
  const made: Record<string, string> = {};
  const at = (path: string) => `${target.base}${path}`;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    const dir = await newDir();
    [target, large] = await Promise.all([
      start(dir),
      writeLargeMp3(join(dir, 'the-long-tide-uncut.mp3'), 150 * 1024 * 1024),
    ]);
    await target.addUser(EDITOR, 'editor', PASSWORD);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: WIDTHS[0] });
    page = await context.newPage();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await target?.stop();
  });

  /** The path of the page the browser is on. */
  const here = () => new URL(page.url()).pathname;

  it('sends a signed-out visitor to the sign-in page, and signs the new editor in', async () => {
    await page.goto(at('/studio'));
    expect(here()).toBe('/studio/sign-in');
    await page.locator('input[name="email"]').fill(EDITOR);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await Promise.all([
      page.waitForURL(at('/studio')),
      page.locator('input[name="password"]').press('Enter'),
    ]);
    await expect.poll(() => page.getByRole('heading', { name: 'Drafts' }).count()).toBe(1);
  });

  it('creates a show, and gives it artwork checked against Apple’s rules', async () => {
    await page.goto(at('/studio/shows/new'));
    await page.getByLabel('Title', { exact: true }).fill('Harbour Lights');
    await page.getByLabel('Description').fill('Evenings on the quay: the people who keep the lamps lit.');
    await page.getByLabel('Author', { exact: true }).fill('Millbrook Courier');
    await page.getByLabel('Main category').selectOption({ label: 'News' });
    await Promise.all([
      page.waitForURL(/\/studio\/shows\/\d+/),
      page.getByRole('button', { name: 'Create show' }).click(),
    ]);
    made.show = here();
    const artwork = page.getByRole('region', { name: 'Artwork' });
    await artwork.getByLabel('Artwork file').setInputFiles(ARTWORK);
    await artwork.getByRole('button', { name: 'Upload artwork' }).click();
    await expect.poll(() => artwork.locator('[data-upload-status]').textContent()).toMatch(/is stored/);
    await page.reload();
    expect(await artwork.locator('img').count()).toBeGreaterThan(0);
  });

  it('uploads 150 MB of audio with tus, cut off by a reload and resumed, and shows its probed length', async () => {
    await createEpisodeDraft(LONG.title);
    made.episode = here();
    const uploads: Request[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/uploads')) uploads.push(request);
    });
    const audio = () => page.getByRole('region', { name: 'Audio', exact: true });
    await audio().getByLabel('Audio file').setInputFiles(large.path);
    await audio().getByRole('button', { name: 'Upload audio' }).click();
    // Well into the second 50 MiB part, the editor's tab reloads: that part is cut off mid-body.
    await expect
      .poll(
        () =>
          audio()
            .locator('progress')
            .evaluate((el) => (el as HTMLProgressElement).value),
        {
          timeout: 180_000,
          interval: 100,
        },
      )
      .toBeGreaterThanOrEqual(45);
    const beforeCut = uploads.length;
    await page.reload();
    await audio().getByLabel('Audio file').setInputFiles(large.path);
    await audio().getByRole('button', { name: 'Upload audio' }).click();
    await expect
      .poll(() => audio().locator('[data-upload-status]').textContent(), { timeout: 240_000 })
      .toMatch(/is stored/);

    const creations = uploads.filter((r) => r.method() === 'POST');
    expect(creations).toHaveLength(1); // resumed, not started again
    const after = uploads.slice(beforeCut);
    expect(after.some((r) => r.method() === 'HEAD')).toBe(true);
    const firstPatch = after.find((r) => r.method() === 'PATCH');
    const offset = Number(firstPatch?.headers()['upload-offset']);
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThan(large.sizeBytes);

    // The facts the probe read from the file, at once, and again after a reload.
    expect(await audio().locator('[data-fact="duration"]').textContent()).toBe(LONG.durationText);
    await page.reload();
    expect(await audio().locator('[data-fact="duration"]').textContent()).toBe(LONG.durationText);
    await publishHere();
  }, 600_000);

  it('adds a second episode and publishes it', async () => {
    await createEpisodeDraft(SHORT.title);
    const audio = page.getByRole('region', { name: 'Audio', exact: true });
    await audio.getByLabel('Audio file').setInputFiles(SHORT_AUDIO);
    await audio.getByRole('button', { name: 'Upload audio' }).click();
    await expect.poll(() => audio.locator('[data-upload-status]').textContent()).toMatch(/is stored/);
    expect(await audio.locator('[data-fact="duration"]').textContent()).toBe(SHORT.durationText);
    await publishHere();
  });

  it('writes an article, pairs both episodes and orders them from the keyboard', async () => {
    await page.goto(at('/studio/articles/new'));
    await page.getByLabel('Headline').fill('Harbour lights burn again');
    await page
      .getByLabel('Standfirst')
      .fill('After forty dark winters, the quay lamps are lit by volunteers.');
    await page.getByRole('textbox', { name: 'Body' }).fill('The first lamp was lit at dusk on Friday.');
    await Promise.all([
      page.waitForURL(/\/studio\/articles\/\d+/),
      page.getByRole('button', { name: 'Create draft' }).click(),
    ]);
    made.article = here();
    for (const title of [LONG.title, SHORT.title]) {
      await page.getByLabel('Add an episode').selectOption({ label: `${title} (Harbour Lights)` });
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Add episode' }).click(),
      ]);
    }
    const paired = () => page.getByRole('list', { name: 'Paired episodes, in order' }).locator('li a');
    expect(await paired().allTextContents()).toEqual([LONG.title, SHORT.title]);
    // The short one first: Alt+↑ with its Move button focused.
    await page.getByRole('button', { name: `Move up: ${SHORT.title}` }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => paired().allTextContents()).toEqual([SHORT.title, LONG.title]);
    await page.reload();
    expect(await paired().allTextContents()).toEqual([SHORT.title, LONG.title]);
  });

  it('previews the article page and its feed item before publishing, then publishes', async () => {
    const articleSlug = await page.getByLabel('Slug').inputValue();
    const preview = await context.newPage();
    await preview.goto(at(`${made.article}/preview`));
    expect(await preview.locator('section.podcasts .player .time').allTextContents()).toEqual([
      `0:00 / ${SHORT.durationText}`,
      `0:00 / ${LONG.durationText}`,
    ]);
    const item = await preview.request.get(at(`${made.article}/preview/feed`));
    expect(item.status()).toBe(200);
    expect(await item.text()).toContain('Harbour lights burn again');
    await preview.close();
    // Not public yet.
    expect((await page.request.get(at(`/articles/${articleSlug}`))).status()).toBe(404);
    await publishHere();
    made.articleSlug = articleSlug;
  });

  it('the published article carries both players, and the podcast feed both new items', async () => {
    const reader = await browser.newPage();
    await reader.goto(at(`/articles/${made.articleSlug}`));
    const block = reader.getByRole('region', { name: 'Podcasts' });
    expect(await block.locator('.player .time').allTextContents()).toEqual([
      `0:00 / ${SHORT.durationText}`,
      `0:00 / ${LONG.durationText}`,
    ]);
    await page.goto(at(made.show as string));
    const showSlug = await page.getByLabel('Slug').inputValue();
    const response = await reader.request.get(at(`/podcasts/${showSlug}/feed.xml`));
    expect(response.status()).toBe(200);
    const feed = parseFeed(await response.text());
    expect(feed?.title).toBe('Harbour Lights');
    const items = feed?.items ?? [];
    expect(items.map((i) => i.title).sort()).toEqual([LONG.title, SHORT.title].sort());
    const long = items.find((i) => i.title === LONG.title);
    expect(long?.duration).toBe(LONG.seconds);
    expect(long?.enclosure?.length).toBe(large.sizeBytes);
    // The enclosure serves the very bytes that were uploaded, resumable with a range.
    const tail = await reader.request.get(long?.enclosure?.url as string, {
      headers: { range: `bytes=${large.sizeBytes - 10}-` },
    });
    expect(tail.status()).toBe(206);
    expect(tail.headers()['content-range']).toBe(
      `bytes ${large.sizeBytes - 10}-${large.sizeBytes - 1}/${large.sizeBytes}`,
    );
    await reader.close();
  });

  it('every studio screen, at 1280 and 360 px and in dark mode: axe-clean, no sideways scrolling, screenshot in test-results/', async () => {
    const screens: [string, string][] = [
      ['dashboard', '/studio'],
      ['sections', '/studio/sections'],
      ['section-new', '/studio/sections/new'],
      ['articles', '/studio/articles'],
      ['article-new', '/studio/articles/new'],
      ['article', made.article as string],
      ['article-preview', `${made.article}/preview`],
      ['article-delete', `${made.article}/delete`],
      ['shows', '/studio/shows'],
      ['show-new', '/studio/shows/new'],
      ['show', made.show as string],
      ['episodes', '/studio/episodes'],
      ['episode-new', '/studio/episodes/new'],
      ['episode', made.episode as string],
      ['episode-delete', `${made.episode}/delete`],
      ['listening', '/studio/listening'],
      ['listening-show', (made.show as string).replace('/studio/shows/', '/studio/listening/shows/')],
      [
        'listening-episode',
        (made.episode as string).replace('/studio/episodes/', '/studio/listening/episodes/'),
      ],
      ['imports', '/studio/imports'],
      ['search-index', '/studio/search-index'],
      ['account', '/studio/account'],
    ];
    const checker = await browser.newContext({ bypassCSP: true, storageState: await context.storageState() });
    const view = await checker.newPage();
    const looks: { width: number; height: number; dark?: boolean }[] = [
      ...WIDTHS,
      { ...WIDTHS[0], dark: true },
    ];
    for (const { dark, ...viewport } of looks) {
      await view.setViewportSize(viewport);
      await view.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
      const shot = `${viewport.width}${dark ? '-dark' : ''}`;
      for (const [name, path] of screens) {
        const response = await view.goto(at(path));
        expect(response?.status(), path).toBe(200);
        const overflow = await view.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${name} at ${viewport.width} px scrolls sideways`).toBeLessThanOrEqual(0);
        await view.screenshot({
          path: join(SHOTS, `studio-${target.name}-${name}-${shot}.png`),
          fullPage: true,
        });
        await view.addScriptTag({ content: axe.source });
        const results = await view.evaluate(() =>
          (window as unknown as { axe: typeof axe }).axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          }),
        );
        const serious = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(serious, `${name} at ${shot} px`).toEqual([]);
      }
    }
    await checker.close();
  }, 300_000);

  /** A new draft episode of the show made above; leaves the browser on its screen. */
  async function createEpisodeDraft(title: string): Promise<void> {
    await page.goto(at('/studio/episodes/new'));
    await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Harbour Lights' });
    await page.getByLabel('Title', { exact: true }).fill(title);
    await Promise.all([
      page.waitForURL(/\/studio\/episodes\/\d+/),
      page.getByRole('button', { name: 'Create draft' }).click(),
    ]);
  }

  /** Publish now, on the screen the browser is on. */
  async function publishHere(): Promise<void> {
    const panel = page.getByRole('region', { name: 'Publication' });
    await Promise.all([page.waitForNavigation(), panel.getByRole('button', { name: 'Publish now' }).click()]);
    expect(await panel.getByRole('button', { name: 'Unpublish (back to draft)' }).count()).toBe(1);
  }
});
