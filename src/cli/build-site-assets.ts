// `npm run build:site-assets`: writes the public site's bundled script module (see site-script.ts).
import { writeFile } from 'node:fs/promises';
import { REPO_ROOT_URL } from './repo-root.ts';
import { buildSiteScript, SITE_SCRIPT_MODULE } from './site-script.ts';

const text = await buildSiteScript();
await writeFile(new URL(SITE_SCRIPT_MODULE, REPO_ROOT_URL), text);
console.log(`wrote ${SITE_SCRIPT_MODULE} (${text.length} characters)`);
