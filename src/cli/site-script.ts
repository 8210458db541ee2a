// buildSiteScript(): the public site's script (src/site-client) bundled by esbuild into the TS module that serves it.
import { build } from 'esbuild';
import { REPO_ROOT_URL } from './repo-root.ts';

/** The committed module the app imports (the same on Node and in the Worker bundle). */
export const SITE_SCRIPT_MODULE = 'src/pages/assets/player-js.ts';

/**
 * The module's text: the minified bundle as one string constant. esbuild's output depends only on
 * its pinned version and the sources, so a rebuild gives the same bytes, which a test checks.
 */
export async function buildSiteScript(): Promise<string> {
  const result = await build({
    entryPoints: [new URL('src/site-client/main.ts', REPO_ROOT_URL).pathname],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  return [
    '// The site script, bundled from src/site-client by `npm run build:site-assets` (esbuild): do not edit by hand.',
    '',
    `export const PLAYER_JS = ${JSON.stringify(code)};`,
    '',
  ].join('\n');
}
