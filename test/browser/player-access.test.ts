import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYER_CONTROL_NAMES } from '../helpers/player-control-names.ts';
import { tempDirs } from '../helpers/temp-dir.ts';
import { ARTICLE, EPISODE, PHONE, type PlayerSite, startPlayerSite } from './player-site.ts';

describe('the player without JavaScript, and from the keyboard', () => {
  const newDir = tempDirs();
  let site: PlayerSite;

  beforeAll(async () => {
    site = await startPlayerSite(await newDir());
  });
  afterAll(() => site?.stop());

  it('without JavaScript: the browser’s own controls, the printed length, Download and chapter links', async () => {
    for (const [path, lengths] of [
      [ARTICLE, ['0:00 / 25:36', '0:00 / 26:25']],
      [EPISODE, ['0:00 / 26:25']],
      [`${EPISODE}/embed`, ['0:00 / 26:25']],
    ] as const) {
      const page = await site.open(path, { javaScriptEnabled: false, viewport: PHONE });
      const players = page.locator('.player');
      expect(await players.count(), path).toBe(lengths.length);
      expect(await page.locator('.player .time').allTextContents()).toEqual(lengths);
      for (let nth = 0; nth < lengths.length; nth++) {
        const player = players.nth(nth);
        expect(await player.locator('audio').evaluate((el: HTMLAudioElement) => el.controls)).toBe(true);
        expect(await player.locator('audio').isVisible()).toBe(true);
        expect(await player.locator('fieldset.controls').isHidden()).toBe(true);
        expect(await player.getByRole('button').count(), 'no button that would do nothing').toBe(0);
        const download = player.getByRole('link', { name: /^Download \(MP3, / });
        expect(await download.isVisible()).toBe(true);
        expect(await download.getAttribute('href')).toMatch(/\.mp3\?download$/);
      }
      // Chapter links open the audio at their time (W3C media fragments).
      const chapter = page.getByRole('link', { name: 'Play from 5:20: The wheel', includeHidden: true });
      expect(await chapter.getAttribute('href'), path).toMatch(/\.mp3#t=320$/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} is wider than a phone`).toBeLessThanOrEqual(0);
      await page.context().close();
    }
  });

  it('every control is reached with Tab in order, and shows where focus is', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await site.open(EPISODE, { colorScheme: scheme });
      const player = page.locator('.player');
      await player.getByRole('slider', { name: 'Seek' }).focus();
      const reached: string[] = [];
      for (let i = 0; i < PLAYER_CONTROL_NAMES.length; i++) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const style = getComputedStyle(el);
          return {
            name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '',
            visible: el.matches(':focus-visible'),
            outline: `${style.outlineStyle} ${style.outlineWidth}`,
          };
        });
        expect(focus.visible, focus.name).toBe(true);
        expect(focus.outline, `${focus.name} (${scheme})`).toBe('solid 3px');
        reached.push(focus.name);
      }
      expect(reached).toEqual(PLAYER_CONTROL_NAMES);
      // Enter and Space press the focused button, as on any button: speed twice, then Mute.
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
        'Playback speed 1×',
      );
      await page.keyboard.press('Enter');
      await page.keyboard.press(' ');
      const rate = await player.locator('audio').evaluate((el: HTMLAudioElement) => el.playbackRate);
      expect(rate).toBe(1.5);
      await page.keyboard.press('Tab');
      await page.keyboard.press(' ');
      const mute = player.getByRole('button', { name: 'Mute', exact: true });
      await expect.poll(() => mute.getAttribute('aria-pressed')).toBe('true');
      expect(await player.locator('audio').evaluate((el: HTMLAudioElement) => el.muted)).toBe(true);
      await page.context().close();
    }
  });
});
