import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../helpers/temp-dir.ts';
import {
  ARTICLE,
  currentTime,
  DESKTOP,
  EPISODE,
  EPISODE_TITLE,
  PART_2,
  type PlayerSite,
  startPlayerSite,
} from './player-site.ts';

const elapsed = (page: Page) => page.locator('.player [data-elapsed]').allTextContents();

describe('article players in Chromium', () => {
  const newDir = tempDirs();
  let site: PlayerSite;

  beforeAll(async () => {
    site = await startPlayerSite(await newDir());
  });
  afterAll(() => site?.stop());

  it('mark their chapters on the seek bar and list them as links that seek, within the CSP, from this site only', async () => {
    const context = await site.browser.newContext({ viewport: DESKTOP });
    const refused: string[] = [];
    const elsewhere: string[] = [];
    context.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    context.on('request', (request) => {
      if (new URL(request.url()).origin !== site.base) elsewhere.push(request.url());
    });
    const page = await context.newPage();
    await page.goto(`${site.base}${ARTICLE}`);
    const players = page.locator('.player');
    for (const nth of [0, 1]) {
      const player = players.nth(nth);
      const starts = await player
        .locator('a[data-chapter]')
        .evaluateAll((links) => links.map((a) => Number((a as HTMLElement).dataset.seek)));
      expect(starts.length).toBeGreaterThan(1);
      await expect.poll(() => player.locator('.marks span').count()).toBe(starts.filter((s) => s > 0).length);
    }
    const second = players.nth(1);
    await second.getByRole('button', { name: 'Mute', exact: true }).click();
    await second.getByText('Chapters (4)').click();
    await second.getByRole('link', { name: 'Play from 5:20: The wheel' }).click();
    await expect.poll(() => currentTime(page, 1)).toBeGreaterThanOrEqual(320);
    expect(await currentTime(page, 0)).toBe(0);
    await second.getByRole('button', { name: 'Pause', exact: true }).click();
    expect(refused).toEqual([]);
    expect(elsewhere).toEqual([]);
    await context.close();
  });

  it('remember a position per episode: the episode page offers back where its article player stopped', async () => {
    const page = await site.open(ARTICLE);
    const second = page.locator('.player').nth(1);
    await second.getByRole('button', { name: 'Mute', exact: true }).click();
    await second.locator('audio').evaluate((el: HTMLAudioElement) => {
      el.currentTime = 760;
    });
    await second.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => currentTime(page, 1)).toBeGreaterThan(760);
    await second.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.goto(`${site.base}${EPISODE}`);
    await expect.poll(() => page.getByRole('button', { name: /^Resume at 12:4\d$/ }).isVisible()).toBe(true);
    await page.goto(`${site.base}${ARTICLE}`);
    const offers = page.getByRole('button', { name: /^Resume at/ });
    await expect.poll(() => offers.count()).toBe(1); // only part 2 was played
    expect(
      await page
        .locator('.player')
        .nth(1)
        .getByRole('button', { name: /^Resume at/ })
        .count(),
    ).toBe(1);
    await page.context().close();
  });

  it('?t= starts the player its fragment names, else the first, and never breaks on a bad fragment', async () => {
    const errors: string[] = [];
    for (const [path, expected] of [
      [`${ARTICLE}?t=300`, ['5:00', '0:00']],
      [`${ARTICLE}?t=807#${PART_2}`, ['0:00', '13:27']],
      [`${ARTICLE}?t=807#podcasts`, ['13:27', '0:00']],
      [`${ARTICLE}?t=807#%E0%A4`, ['13:27', '0:00']],
      [`${ARTICLE}#${PART_2}`, ['0:00', '0:00']],
    ] as const) {
      const page = await site.open(path);
      page.on('pageerror', (error) => errors.push(`${path}: ${error.message}`));
      await expect.poll(() => elapsed(page), { message: path }).toEqual(expected);
      expect(await page.locator('.player audio').evaluateAll((els) => els.length)).toBe(2);
      if (path.includes(`#${PART_2}`)) {
        // The browser scrolled to the named player.
        const top = await page.locator(`#${PART_2}`).evaluate((el) => el.getBoundingClientRect().top);
        expect(top).toBeGreaterThanOrEqual(-1);
        expect(top).toBeLessThan(DESKTOP.height / 2);
      }
      await page.context().close();
    }
    expect(errors).toEqual([]);
  });

  it('Share copies the article at this player and moment, and the link opens it there', async () => {
    const context = await site.browser.newContext({ viewport: DESKTOP });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.base });
    const page = await context.newPage();
    await page.goto(`${site.base}${ARTICLE}`);
    const second = page.locator('.player').nth(1);
    await second.getByRole('button', { name: 'Skip forward 30 seconds' }).click();
    await second.getByRole('button', { name: 'Skip forward 30 seconds' }).click();
    await second.getByRole('button', { name: 'Share a link to this moment' }).click();
    await expect.poll(() => second.locator('[data-status]').textContent()).toBe('Link to 1:00 copied.');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${site.base}${ARTICLE}?t=60#${PART_2}`);
    await page.goto(link);
    await expect.poll(() => elapsed(page)).toEqual(['0:00', '1:00']);
    // Listen later keeps the episode (its page), wherever its player is.
    await page.locator('.player').nth(1).getByRole('button', { name: 'Listen later', exact: true }).click();
    await page.goto(`${site.base}/listen-later`);
    expect(await page.getByRole('link', { name: EPISODE_TITLE }).getAttribute('href')).toBe(
      `${site.base}${EPISODE}`,
    );
    await context.close();
  });

  it('Media Session describes the playing player, artwork included, and its handlers act on that player', async () => {
    const context = await site.browser.newContext({ viewport: DESKTOP });
    // Keep the handlers the page registers, as a lock screen or headset would call them.
    await context.addInitScript(() => {
      const handlers: Record<string, MediaSessionActionHandler | null> = {};
      const session = navigator.mediaSession;
      const set = session.setActionHandler.bind(session);
      session.setActionHandler = (action, handler) => {
        handlers[action] = handler;
        set(action, handler);
      };
      (window as unknown as { handlers: typeof handlers }).handlers = handlers;
    });
    const page = await context.newPage();
    await page.goto(`${site.base}${ARTICLE}`);
    const players = page.locator('.player');
    for (const nth of [0, 1]) {
      await players.nth(nth).getByRole('button', { name: 'Mute', exact: true }).click();
      await players.nth(nth).getByRole('button', { name: 'Play', exact: true }).click();
      await expect.poll(() => players.nth(nth).getByRole('button', { name: 'Pause' }).count()).toBe(1);
    }
    const session = await page.evaluate(() => {
      const meta = navigator.mediaSession.metadata;
      return { title: meta?.title, artist: meta?.artist, artwork: meta?.artwork.map((a) => a.src) };
    });
    expect(session).toEqual({
      title: EPISODE_TITLE,
      artist: 'Courier Conversations',
      artwork: [await players.nth(1).getAttribute('data-artwork')],
    });
    expect(session.artwork?.[0]).toMatch(/\/show-artwork\.jpg$/);

    const call = (action: string, details: object = {}) =>
      page.evaluate(
        ([a, d]) => {
          const handlers = (window as unknown as { handlers: Record<string, MediaSessionActionHandler> })
            .handlers;
          handlers[a as string]?.({ action: a as MediaSessionAction, ...(d as object) });
        },
        [action, details] as const,
      );
    const paused = () =>
      page.$$eval('.player audio', (els) => (els as HTMLAudioElement[]).map((el) => el.paused));
    await call('pause');
    await expect.poll(paused).toEqual([true, true]);
    await call('seekto', { seekTime: 600 });
    await expect.poll(() => currentTime(page, 1)).toBe(600);
    await call('seekforward');
    await expect.poll(() => currentTime(page, 1)).toBe(630);
    await call('seekbackward');
    await expect.poll(() => currentTime(page, 1)).toBe(615);
    await call('seekforward', { seekOffset: 10 });
    await expect.poll(() => currentTime(page, 1)).toBe(625);
    expect(await currentTime(page, 0)).toBeLessThan(60); // the other player was not moved
    await call('play');
    await expect.poll(paused).toEqual([true, false]);
    await call('pause');
    await context.close();
  });
});
