// buildStudioScript(): the studio's browser script (src/studio-client) bundled by esbuild into the TS module that serves it.
import { build } from 'esbuild';
import { REPO_ROOT_URL } from './repo-root.ts';

/** The committed module the app imports (it works the same on Node and in the Worker bundle). */
export const STUDIO_SCRIPT_MODULE = 'src/studio/assets/studio-js.ts';

/**
 * The module's text: the bundle (tus-js-client included) as one string constant. esbuild's output
 * depends only on its version (pinned in package.json) and the sources, so a rebuild gives the same
 * bytes, which a test checks: the committed module never goes stale.
 */
export async function buildStudioScript(): Promise<string> {
  const result = await build({
    entryPoints: [new URL('src/studio-client/main.ts', REPO_ROOT_URL).pathname],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    legalComments: 'eof',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  return [
    '// The studio script, bundled from src/studio-client by `npm run build:studio-assets` (esbuild): do not edit by hand.',
    '',
    `export const STUDIO_JS = ${JSON.stringify(code)};`,
    '',
  ].join('\n');
}
