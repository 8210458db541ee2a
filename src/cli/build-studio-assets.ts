// `npm run build:studio-assets`: writes the studio's bundled script module (see studio-script.ts).
import { writeFile } from 'node:fs/promises';
import { REPO_ROOT_URL } from './repo-root.ts';
import { buildStudioScript, STUDIO_SCRIPT_MODULE } from './studio-script.ts';

const text = await buildStudioScript();
await writeFile(new URL(STUDIO_SCRIPT_MODULE, REPO_ROOT_URL), text);
console.log(`wrote ${STUDIO_SCRIPT_MODULE} (${text.length} characters)`);
