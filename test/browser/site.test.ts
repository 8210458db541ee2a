import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { parseFeed as parseGeneral } from '@rowanmanning/feed-parser';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parseFeed as parsePodcast } from 'podcast-partytime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, spawnScript, waitForLog } from '../helpers/spawn-podwire.ts';
import { tempDirs } from '../helpers/temp-dir.ts';
import { freePort } from '../helpers/worker-harness.ts';
import { launchChromium } from './chromium.ts';

const ARTICLE = '/articles/tide-mill-turns-again';
const SHOW = '/podcasts/courier-conversations';
const EPISODE = `${SHOW}/tide-mill-part-2-the-machine`;
const SHOTS = join(REPO_ROOT, 'test-results');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 740 };

/** "25:36" → 1536; "1:00:01" → 3601 */
const seconds = (text: string) => text.split(':').reduce((total, part) => total * 60 + Number(part), 0);

describe('the demo site in Chromium', () => {
  const newDir = tempDirs();
  let server: ChildProcess;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    const dir = await newDir();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawnScript('src/node/main.ts', [], {
      DATABASE_URL: `file:${join(dir, 'podwire.db')}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      BASE_URL: base,
      TIME_ZONE: 'Europe/London',
    });
    await waitForLog(server, 'podwire listening', 60_000);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: DESKTOP });
  });
  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    if (server) await once(server, 'exit');
  });

  async function open(path: string, on: BrowserContext = context): Promise<Page> {
    const page = await on.newPage();
    const response = await page.goto(`${base}${path}`);
    expect(response?.status(), path).toBe(200);
    return page;
  }

  it('shows the article with two players at 0:00 of 25:36 and 26:25, as long as the browser measures', async () => {
    const page = await open(ARTICLE);
    const block = page.getByRole('region', { name: 'Podcasts' });
    await expect.poll(() => block.locator('.player').count()).toBe(2);
    expect(await block.locator('.player .time').allTextContents()).toEqual(['0:00 / 25:36', '0:00 / 26:25']);
    // The browser's own reading of each file: the players preload nothing, so the test asks each one
    // to load its metadata, as pressing play would.
    const durations = await page.$$eval('section.podcasts audio', (audios) =>
      Promise.all(
        (audios as HTMLAudioElement[]).map(
          (audio) =>
            new Promise<number>((resolve, reject) => {
              audio.addEventListener('loadedmetadata', () => resolve(audio.duration), { once: true });
              audio.addEventListener('error', () => reject(new Error(`cannot load ${audio.src}`)));
              audio.preload = 'metadata';
              audio.load();
            }),
        ),
      ),
    );
    expect(Math.abs((durations[0] ?? 0) - seconds('25:36'))).toBeLessThan(1);
    expect(Math.abs((durations[1] ?? 0) - seconds('26:25'))).toBeLessThan(1);
    await page.close();
  });

  it('opening an article, episode or embed page fetches no audio: a page view is not a download', async () => {
    for (const path of [ARTICLE, EPISODE, `${EPISODE}/embed`]) {
      const page = await context.newPage();
      const audio: string[] = [];
      page.on('request', (request) => {
        if (/\/media\/[^?#]*\.mp3(?:[?#]|$)/.test(new URL(request.url()).pathname)) audio.push(request.url());
      });
      const response = await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
      expect(response?.status(), path).toBe(200);
      // The length is on the page all the same, from the probe.
      expect(await page.locator('.player .time').first().textContent(), path).toMatch(/^0:00 \/ \d+:\d\d$/);
      expect(
        await page
          .locator('.player audio')
          .first()
          .evaluate((el: HTMLAudioElement) => el.readyState),
        path,
      ).toBe(0);
      expect(audio, path).toEqual([]);
      await page.close();
    }
  });

  it('seeks with a range request, and the elapsed time follows', async () => {
    const page = await open(ARTICLE);
    const ranges: { range: string; status: number }[] = [];
    page.on('response', (response) => {
      const range = response.request().headers().range;
      if (response.url().includes('/media/') && range) ranges.push({ range, status: response.status() });
    });
    const audio = page.locator('section.podcasts audio').first();
    await audio.evaluate(
      (el: HTMLAudioElement) =>
        new Promise<void>((resolve) => {
          el.addEventListener('seeked', () => resolve(), { once: true });
          el.muted = true;
          // Nothing is loaded until asked (preload="none"): load the metadata, then seek.
          el.addEventListener('loadedmetadata', () => (el.currentTime = 1000), { once: true });
          el.preload = 'metadata';
          el.load();
        }),
    );
    await expect
      .poll(() => ranges.some(({ range, status }) => /^bytes=[1-9]\d*-/.test(range) && status === 206))
      .toBe(true);
    await expect
      .poll(() => page.locator('section.podcasts .player [data-elapsed]').first().textContent())
      .toBe('16:40');
    await page.close();
  });

  it('episode page: a chapter link, used from the keyboard, seeks the player', async () => {
    const page = await open(EPISODE);
    const chapter = page.locator('.chapters a[data-seek]').nth(2);
    const start = Number(await chapter.getAttribute('data-seek'));
    expect(start).toBeGreaterThan(0);
    await chapter.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.player audio').evaluate((el: HTMLAudioElement) => el.currentTime))
      .toBeGreaterThanOrEqual(start);
    await page.locator('.player audio').evaluate((el: HTMLAudioElement) => el.pause());
    expect(page.url()).toBe(`${base}${EPISODE}`); // the link was handled on the page
    await page.close();
  });

  it('follows autodiscovery from the article to feeds that parse', async () => {
    const page = await open(ARTICLE);
    const links = await page.$$eval('link[rel=alternate]', (els) =>
      els.map((el) => ({ type: el.getAttribute('type'), href: (el as HTMLLinkElement).href })),
    );
    expect(links.map((l) => l.type)).toEqual([
      'application/rss+xml',
      'application/atom+xml',
      'application/feed+json',
      'application/rss+xml',
    ]);
    for (const { type, href } of links) {
      const response = await page.request.get(href);
      expect(response.status(), href).toBe(200);
      const text = await response.text();
      if (type === 'application/feed+json') {
        expect(JSON.parse(text).version).toBe('https://jsonfeed.org/version/1.1');
      } else if (href.includes('/podcasts/')) {
        const feed = parsePodcast(text);
        expect(feed?.items.map((item) => item.duration)).toEqual([1585, 1536]);
      } else {
        expect(parseGeneral(text).items[0]?.title).toBe('The tide mill on Saltings Creek turns again');
      }
    }
    await page.close();
  });

  it('copies the feed address with the show page button', async () => {
    const withClipboard = await browser.newContext({ viewport: DESKTOP });
    await withClipboard.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const page = await open(SHOW, withClipboard);
    const copy = page.getByRole('button', { name: 'Copy' });
    await copy.click();
    await expect.poll(() => page.locator('#copy-status').textContent()).toBe('Feed address copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${base}${SHOW}/feed.xml`);
    await withClipboard.close();
  });

  it('works without JavaScript: players, lengths and subscribe links are in the page', async () => {
    const noScript = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const article = await open(ARTICLE, noScript);
    expect(await article.locator('section.podcasts .time').allTextContents()).toEqual([
      '0:00 / 25:36',
      '0:00 / 26:25',
    ]);
    expect(await article.locator('section.podcasts audio[controls]').count()).toBe(2);
    // The script's control bar stays hidden; the download links remain.
    expect(await article.locator('.player .controls').first().isHidden()).toBe(true);
    expect(await article.getByRole('link', { name: /^Download/ }).count()).toBe(2);
    const later = await open('/listen-later', noScript);
    expect(await later.locator('[data-empty]').isVisible()).toBe(true);
    const show = await open(SHOW, noScript);
    expect(await show.locator('#feed-url').inputValue()).toBe(`${base}${SHOW}/feed.xml`);
    expect(await show.getByRole('button', { name: 'Copy' }).isHidden()).toBe(true);
    await noScript.close();
  });

  it('lets other sites frame the embed player, and no other page', async () => {
    const port = await freePort();
    const other: Server = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(
        `<!DOCTYPE html><title>Another site</title><iframe id="embed" src="${base}${EPISODE}/embed" width="480" height="200"></iframe><iframe id="article" src="${base}${ARTICLE}"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => other.listen(port, '127.0.0.1', resolve));
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });
    const embed = page.frameLocator('#embed');
    await expect.poll(() => embed.locator('.player .time').textContent()).toBe('0:00 / 26:25');
    // The article refused to be framed: its frame shows Chromium's error page, not the article.
    const articleFrame = page.frames().find((f) => f.parentFrame() && !f.url().includes('/embed'));
    expect(articleFrame?.url()).not.toContain(ARTICLE);
    expect(await page.frameLocator('#article').locator('section.podcasts').count()).toBe(0);
    await page.close();
    other.close();
  });

  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`${label}: no serious accessibility violations, nothing wider than the screen; screenshots`, async () => {
      for (const scheme of ['light', 'dark'] as const) {
        // bypassCSP: axe is injected as a script, which the pages' policy rightly refuses.
        const audit = await browser.newContext({ viewport, colorScheme: scheme, bypassCSP: true });
        for (const [name, path] of [
          ['home', '/'],
          ['article', ARTICLE],
          ['section', '/sections/town'],
          ['podcasts', '/podcasts'],
          ['show', SHOW],
          ['episode', EPISODE],
          ['embed', `${EPISODE}/embed`],
          ['listen-later', '/listen-later'],
          ['not-found', '/articles/no-such-article'],
        ] as const) {
          const page = await audit.newPage();
          await page.goto(`${base}${path}`);
          await page.addScriptTag({ content: axe.source });
          const results = await page.evaluate(() =>
            (window as unknown as { axe: typeof axe }).axe.run(document, {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
            }),
          );
          expect(results.passes.length).toBeGreaterThan(20); // axe really ran
          const serious = results.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          expect(serious, `${name} (${label}, ${scheme})`).toEqual([]);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, `${name} (${label}) is wider than the screen`).toBeLessThanOrEqual(0);
          await page.screenshot({ path: join(SHOTS, `${name}-${label}-${scheme}.png`), fullPage: true });
          await page.close();
        }
        await audit.close();
      }
    });
  }
});
