import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/spawn-podwire.ts';
import { tempDirs } from '../helpers/temp-dir.ts';
import { launchChromium } from './chromium.ts';
import { startStudioServer } from './studio-server.ts';

const SHOTS = join(REPO_ROOT, 'test-results');
const PASSWORD = 'browser test password';

// The studio's account screens in Chromium against `npm start`: sign-in by keyboard, then each screen
// checked by axe, for overflow at 360 px, in light and dark, with a screenshot.
describe('the studio’s account screens in Chromium', () => {
  const newDir = tempDirs();
  let stop: (() => Promise<void>) | undefined;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    const dir = await newDir();
    const env = { DATABASE_URL: `file:${join(dir, 'podwire.db')}` };
    const server = await startStudioServer(env, { email: 'admin@example.com', password: PASSWORD });
    base = server.base;
    stop = server.stop;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stop?.();
  });

  /** Signs in with the keyboard only: the form is reachable and submits with Enter. */
  async function signInByKeyboard(page: Page) {
    await page.goto(`${base}/studio/account`);
    expect(new URL(page.url()).pathname).toBe('/studio/sign-in');
    await page.keyboard.press('Tab'); // the skip link
    await page.keyboard.press('Tab'); // the studio's name
    await page.keyboard.press('Tab');
    await page.keyboard.type('admin@example.com');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await Promise.all([page.waitForURL(`${base}/studio/account`), page.keyboard.press('Enter')]);
  }

  async function audit(page: Page, name: string) {
    await page.screenshot({ path: join(SHOTS, `studio-${name}.png`), fullPage: true });
    await page.addScriptTag({ content: axe.source });
    const results = await page.evaluate(() =>
      (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      }),
    );
    expect(results.passes.length, name).toBeGreaterThan(15); // axe really ran
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious, name).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} is wider than the screen`).toBeLessThanOrEqual(0);
  }

  for (const [label, viewport] of [
    ['1280', { width: 1280, height: 900 }],
    ['360', { width: 360, height: 740 }],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`signs in and passes axe on sign-in, dashboard, account and users at ${label} px, ${scheme}`, async () => {
        // bypassCSP: axe is injected as a script, which the studio's policy rightly refuses.
        const context = await browser.newContext({ viewport, colorScheme: scheme, bypassCSP: true });
        const page = await context.newPage();
        await page.goto(`${base}/studio/sign-in`);
        await audit(page, `sign-in-${label}-${scheme}`);
        await signInByKeyboard(page);
        await page.getByLabel('New token’s name').fill('browser');
        await page.getByRole('button', { name: 'Create token' }).click();
        expect(await page.locator('#new-token').textContent()).toMatch(/^pw_/);
        await audit(page, `account-${label}-${scheme}`);
        await page.goto(`${base}/studio`);
        await audit(page, `dashboard-${label}-${scheme}`);
        await page.goto(`${base}/studio/users`);
        await audit(page, `users-${label}-${scheme}`);
        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.waitForURL(/\/studio\/sign-in/);
        expect(await page.getByRole('status').textContent()).toContain('You are signed out');
        await context.close();
      });
    }
  }
});
