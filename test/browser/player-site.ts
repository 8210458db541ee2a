// The demo site (`src/node/main.ts` on a fresh database) and Chromium for the player's browser tests,
// with the pages, viewports and actions those tests share.
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { spawnScript, waitForLog } from '../helpers/spawn-podwire.ts';
import { freePort } from '../helpers/worker-harness.ts';
import { launchChromium } from './chromium.ts';

export const ARTICLE = '/articles/tide-mill-turns-again';
export const EPISODE = '/podcasts/courier-conversations/tide-mill-part-2-the-machine';
export const EPISODE_TITLE = 'The tide mill wakes up, part 2: the machine';
/** The fragment id of the article's second player (part 2). */
export const PART_2 = 'episode-tide-mill-part-2-the-machine';
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 740 };

export interface PlayerSite {
  readonly base: string;
  readonly browser: Browser;
  /** A page in a context of its own (an empty localStorage), at `path`, which must answer 200. */
  open(path: string, options?: BrowserContextOptions): Promise<Page>;
  stop(): Promise<void>;
}

/** Starts the server on a free loopback port with its demo content, and Chromium. */
export async function startPlayerSite(dir: string): Promise<PlayerSite> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawnScript('src/node/main.ts', [], {
    DATABASE_URL: `file:${join(dir, 'podwire.db')}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    BASE_URL: base,
    TIME_ZONE: 'Europe/London',
  });
  await waitForLog(server, 'podwire listening', 60_000);
  const browser = await launchChromium();
  return {
    base,
    browser,
    async open(path, options = {}) {
      const context = await browser.newContext({ viewport: DESKTOP, ...options });
      const page = await context.newPage();
      const response = await page.goto(`${base}${path}`);
      expect(response?.status(), path).toBe(200);
      return page;
    },
    async stop() {
      await browser.close();
      server.kill('SIGTERM');
      await once(server, 'exit');
    },
  };
}

export const currentTime = (page: Page, nth = 0) =>
  page
    .locator('.player audio')
    .nth(nth)
    .evaluate((el: HTMLAudioElement) => el.currentTime);

/** Plays the player muted until the browser has the audio, then pauses it. */
export async function playThenPause(page: Page, nth = 0): Promise<void> {
  const player = page.locator('.player').nth(nth);
  await player.getByRole('button', { name: 'Mute', exact: true }).click();
  await player.getByRole('button', { name: 'Play', exact: true }).click();
  await expect
    .poll(() => player.locator('audio').evaluate((el: HTMLAudioElement) => el.readyState))
    .toBeGreaterThanOrEqual(2);
  await player.getByRole('button', { name: 'Pause', exact: true }).click();
}

/**
 * axe-core's serious and critical WCAG 2.1 AA and best-practice violations on the page as it is (in
 * a context with `bypassCSP`: the site's policy admits no inline script, and axe is one).
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }),
  );
  expect(results.passes.length).toBeGreaterThan(20);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
