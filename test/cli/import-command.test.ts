import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/cli/import-command.ts';
import { parseConfig } from '../../src/config.ts';
import { type ImportSource, startImportSource } from '../helpers/import-source.ts';
import { permissiveFetch } from '../helpers/permissive-fetch.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

const tempDir = tempDirs();
let source: ImportSource;
let config: ReturnType<typeof parseConfig>;

beforeAll(async () => {
  source = await startImportSource({ episodes: 4, documentsEvery: 2 });
  const dir = await tempDir();
  await mkdir(join(dir, 'media'));
  config = parseConfig({
    BASE_URL: 'https://pod.example',
    DATABASE_URL: `file:${join(dir, 'podwire.db')}`,
    MEDIA_DIR: join(dir, 'media'),
  });
});
afterAll(() => source.close());

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImport(
    config,
    args,
    { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false, progress: () => {} },
    { fetch: permissiveFetch },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('podwire import', () => {
  it('--dry-run prints the plan and writes nothing', async () => {
    const plan = await run([source.feedUrl, '--dry-run']);
    expect(plan.code).toBe(0);
    expect(plan.out).toContain('show: would create "The Old Host Hour"');
    expect(plan.out).toContain(
      '4 episodes: 4 to create, 0 to update, 0 unchanged, 0 in conflict; nothing was written',
    );
    expect((await run([source.feedUrl, '--dry-run'])).out).toContain('4 to create');
  });

  it('imports into --show, prints the summary and the steps that finish the move', async () => {
    const result = await run([source.feedUrl, '--show', 'moved-show']);
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      'into show moved-show (new): 4 episodes: 4 new, 0 updated, 0 unchanged, 0 failed',
    );
    expect(result.out).toContain(
      "podwire's feed for the show: https://pod.example/podcasts/moved-show/feed.xml",
    );
    expect(result.out).toContain(
      `1. At the old host, make ${source.feedUrl} answer "301 Moved Permanently" with "Location: https://pod.example/podcasts/moved-show/feed.xml"`,
    );
    expect(result.err).toContain('warning: category left out');
    const again = await run([source.feedUrl, '--show', 'moved-show']);
    expect(again.out).toContain('(unchanged): 4 episodes: 0 new, 0 updated, 4 unchanged, 0 failed');
  });

  it('exits 1 naming the reason when the import is refused', async () => {
    source.options = { ...source.options, lockedBy: 'boss@old.example' };
    try {
      const refused = await run([source.feedUrl, '--show', 'other-show']);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/^podwire: import refused: the feed is locked \(podcast:locked yes\)/);
    } finally {
      source.options = { ...source.options, lockedBy: undefined };
    }
  });

  it('refuses bad arguments with a message', async () => {
    await expect(run([])).rejects.toThrow(/give one feed URL/);
    await expect(run([source.feedUrl, '--show', 'Bad Slug'])).rejects.toThrow(/--show Bad Slug/);
  });
});
