// ensureSystemTools: Debian tools a test runs (sox, lame, ffmpeg...), installed with apt-get when missing (tests run as root).
import { execFileSync, spawnSync } from 'node:child_process';

/**
 * Installs the packages of the commands in `commands` (command → Debian package) that are not on
 * PATH. Sessions and CI run as root; elsewhere the error says what to install.
 */
export function ensureSystemTools(commands: Readonly<Record<string, string>>): void {
  const missing = Object.entries(commands).filter(([command]) => spawnSync('which', [command]).status !== 0);
  if (missing.length === 0) return;
  installDebianPackages([...new Set(missing.map(([, pkg]) => pkg))]);
}

/** apt-get installs `packages` (as root; elsewhere the error says what to install). */
export function installDebianPackages(packages: readonly string[]): void {
  if (process.getuid?.() !== 0) throw new Error(`this test needs: apt-get install ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'ignore', env });
}
