import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYER_CONTROL_NAMES } from '../helpers/player-control-names.ts';
import { tempDirs } from '../helpers/temp-dir.ts';
import {
  ARTICLE,
  currentTime,
  DESKTOP,
  EPISODE,
  EPISODE_TITLE,
  PART_2,
  PHONE,
  type PlayerSite,
  playThenPause,
  seriousAxeViolations,
  startPlayerSite,
} from './player-site.ts';

describe('the player in Chromium', () => {
  const newDir = tempDirs();
  let site: PlayerSite;
  let base: string;

  beforeAll(async () => {
    site = await startPlayerSite(await newDir());
    base = site.base;
  });
  afterAll(() => site?.stop());

  const open = (path: string, viewport = DESKTOP) => site.open(path, { viewport });

  it('replaces the native controls with named buttons and a seek slider', async () => {
    const page = await open(EPISODE);
    const player = page.locator('.player');
    for (const name of PLAYER_CONTROL_NAMES) {
      await expect
        .poll(() => player.getByRole('button', { name, exact: true }).isVisible(), { message: name })
        .toBe(true);
    }
    expect(await player.getByRole('slider', { name: 'Seek' }).isVisible()).toBe(true);
    // The total is the probed length the server printed: shown before any audio has loaded.
    expect(await player.locator('.time').textContent()).toBe('0:00 / 26:25');
    expect(await player.locator('audio').evaluate((el: HTMLAudioElement) => el.readyState)).toBe(0);
    expect(await player.locator('audio').evaluate((el: HTMLAudioElement) => el.controls)).toBe(false);
    expect(await player.getByRole('link', { name: /^Download/ }).isVisible()).toBe(true);
    // Chapters of the page are marked on the seek bar.
    const chapters = await page.locator('.chapters a[data-chapter]').count();
    expect(chapters).toBeGreaterThan(1);
    expect(await player.locator('.marks span').count()).toBe(chapters - 1); // the first starts at 0:00
    await page.context().close();
  });

  it('skips back 15 s and forward 30 s, and changes the playback speed', async () => {
    const page = await open(EPISODE);
    await playThenPause(page);
    const start = await currentTime(page);
    await page.getByRole('button', { name: 'Skip forward 30 seconds' }).click();
    await expect.poll(() => currentTime(page)).toBeCloseTo(start + 30, 0);
    await page.getByRole('button', { name: 'Skip back 15 seconds' }).click();
    await expect.poll(() => currentTime(page)).toBeCloseTo(start + 15, 0);
    expect(await page.locator('.player [data-elapsed]').textContent()).toBe(
      `0:${String(Math.floor(start + 15)).padStart(2, '0')}`,
    );

    const speed = page.getByRole('button', { name: /^Playback speed/ });
    const rates: number[] = [];
    for (let i = 0; i < 6; i++) {
      await speed.click();
      rates.push(await page.locator('.player audio').evaluate((el: HTMLAudioElement) => el.playbackRate));
    }
    expect(rates).toEqual([1.25, 1.5, 1.75, 2, 0.75, 1]);
    await speed.click();
    expect(await speed.getAttribute('aria-label')).toBe('Playback speed 1.25×');
    await page.context().close();
  });

  it('seeks from the keyboard: arrows, PageUp/PageDown, Home and End', async () => {
    const page = await open(EPISODE);
    const seek = page.getByRole('slider', { name: 'Seek' });
    await seek.focus();
    const steps: [string, number][] = [
      ['ArrowRight', 5],
      ['ArrowUp', 10],
      ['PageUp', 70],
      ['ArrowLeft', 65],
      ['PageDown', 5],
      ['End', 1585],
      ['Home', 0],
    ];
    for (const [key, expected] of steps) {
      await page.keyboard.press(key);
      await expect.poll(() => currentTime(page), { message: key }).toBeCloseTo(expected, 0);
      expect(Number(await seek.inputValue()), key).toBe(expected);
    }
    expect(await seek.getAttribute('aria-valuetext')).toBe('0:00 of 26:25');
    await page.context().close();
  });

  it('remembers the position and offers to resume there after a reload', async () => {
    const page = await open(EPISODE);
    await playThenPause(page);
    await page.locator('.player audio').evaluate(
      (el: HTMLAudioElement) =>
        new Promise<void>((resolve) => {
          el.addEventListener('seeked', () => resolve(), { once: true });
          el.currentTime = 760;
        }),
    );
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.reload();
    const resume = page.getByRole('button', { name: /^Resume at 12:4\d$/ });
    await expect.poll(() => resume.isVisible()).toBe(true);
    expect(await currentTime(page)).toBe(0); // offered, not imposed
    await resume.click();
    await expect.poll(() => currentTime(page)).toBeGreaterThanOrEqual(760);
    expect(await resume.isHidden()).toBe(true);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.context().close();
  });

  it('starts at ?t=SECONDS without fetching audio, and ignores a bad ?t=', async () => {
    const page = await open(`${EPISODE}?t=807`);
    const elapsed = page.locator('.player [data-elapsed]');
    await expect.poll(() => elapsed.textContent()).toBe('13:27');
    expect(await currentTime(page)).toBe(807);
    expect(await page.locator('.player audio').evaluate((el: HTMLAudioElement) => el.readyState)).toBe(0);
    expect(await page.getByRole('slider', { name: 'Seek' }).inputValue()).toBe('807');
    await page.getByRole('button', { name: 'Mute', exact: true }).click();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => currentTime(page)).toBeGreaterThan(807);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    for (const bad of ['abc', '-5', '99999', '1e3', '12.5']) {
      await page.goto(`${base}${EPISODE}?t=${bad}`);
      expect(await page.locator('.player [data-elapsed]').textContent(), bad).toBe('0:00');
      expect(await currentTime(page), bad).toBe(0);
    }
    await page.context().close();
  });

  it('share copies a link to the current moment', async () => {
    const context = await site.browser.newContext({ viewport: DESKTOP });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const page = await context.newPage();
    await page.goto(`${base}${EPISODE}?t=120`);
    await page.getByRole('button', { name: 'Skip forward 30 seconds' }).click();
    await page.getByRole('button', { name: 'Share a link to this moment' }).click();
    await expect.poll(() => page.locator('.player [data-status]').textContent()).toBe('Link to 2:30 copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${base}${EPISODE}?t=150`);
    await context.close();
  });

  it('plays one player at a time', async () => {
    const page = await open(ARTICLE);
    const players = page.locator('.player');
    await players.nth(0).getByRole('button', { name: 'Mute', exact: true }).click();
    await players.nth(1).getByRole('button', { name: 'Mute', exact: true }).click();
    await players.nth(0).getByRole('button', { name: 'Play', exact: true }).click();
    await expect
      .poll(() => players.nth(0).getByRole('button', { name: 'Pause', exact: true }).isVisible())
      .toBe(true);
    await players.nth(1).getByRole('button', { name: 'Play', exact: true }).click();
    const paused = () =>
      page.$$eval('.player audio', (els) => (els as HTMLAudioElement[]).map((el) => el.paused));
    await expect.poll(paused).toEqual([true, false]);
    // Lock screens and headphones (Media Session) now describe the second player.
    const session = await page.evaluate(() => {
      const meta = navigator.mediaSession.metadata;
      return { title: meta?.title, artist: meta?.artist };
    });
    expect(session).toEqual({ title: EPISODE_TITLE, artist: 'Courier Conversations' });
    await players.nth(1).getByRole('button', { name: 'Pause', exact: true }).click();
    await page.context().close();
  });

  it('keeps episodes on the Listen later page, and removes them there', async () => {
    const page = await open(EPISODE);
    const later = page.getByRole('button', { name: 'Listen later', exact: true });
    await later.click();
    expect(await later.getAttribute('aria-pressed')).toBe('true');
    await page.goto(`${base}/listen-later`);
    const link = page.getByRole('link', { name: EPISODE_TITLE });
    expect(await link.getAttribute('href')).toBe(`${base}${EPISODE}`);
    expect(await page.locator('[data-empty]').isHidden()).toBe(true);
    await page.getByRole('button', { name: `Remove ${EPISODE_TITLE} from Listen later` }).click();
    expect(await link.count()).toBe(0);
    expect(await page.locator('[data-empty]').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.goto(`${base}${EPISODE}`);
    expect(
      await page.getByRole('button', { name: 'Listen later', exact: true }).getAttribute('aria-pressed'),
    ).toBe('false');
    await page.context().close();
  });

  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`${label}: the enhanced players and a filled Listen later page have no serious axe violations`, async () => {
      for (const scheme of ['light', 'dark'] as const) {
        const context = await site.browser.newContext({ viewport, colorScheme: scheme, bypassCSP: true });
        const page = await context.newPage();
        await page.goto(`${base}${EPISODE}`);
        await page.getByRole('button', { name: 'Listen later', exact: true }).click();
        for (const path of [
          ARTICLE,
          `${ARTICLE}?t=60#${PART_2}`,
          `${EPISODE}?t=60`,
          `${EPISODE}/embed`,
          '/listen-later',
        ]) {
          await page.goto(`${base}${path}`);
          // Chapter lists and the transcript are checked open, as a reader opens them.
          await page.evaluate(() => {
            for (const details of document.querySelectorAll('details')) details.open = true;
          });
          expect(await seriousAxeViolations(page), `${path} (${label}, ${scheme})`).toEqual([]);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, `${path} (${label}) is wider than the screen`).toBeLessThanOrEqual(0);
        }
        await context.close();
      }
    });
  }
});
