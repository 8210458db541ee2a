// Debian's Chromium for the browser suite: installed with apt-get when missing (CI and sessions run as
// root), launched headless by playwright-core. Browser downloads (npx playwright install) do not work here.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`the browser suite needs Chromium at ${CHROMIUM}: apt-get install chromium`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'ignore', env });
}

export async function launchChromium(): Promise<Browser> {
  ensureChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    // Players are started by the tests, not by a person: let media play without a gesture.
    args: ['--autoplay-policy=no-user-gesture-required', '--no-sandbox'],
  });
}
