import { spawn } from 'node:child_process';
import { copyFile, mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { findAssetByKey } from '../../src/db/queries/media-assets.ts';
import { mediaAssets, mediaJournal } from '../../src/db/schema.ts';
import { collect, REPO_ROOT } from '../helpers/spawn-podwire.ts';
import { openTempDb } from '../helpers/temp-db.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

function podwire(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['src/cli/podwire.js', ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collect(child);
}

const fixture = (name: string) => join(REPO_ROOT, 'test/fixtures/audio', name);

describe('podwire scan', () => {
  const newDir = tempDirs();

  it('registers new files, skips unchanged ones, re-probes changed ones and reports bad ones', async () => {
    const dir = await newDir();
    const media = join(dir, 'media');
    await mkdir(join(media, 'shows', 'one'), { recursive: true });
    await copyFile(fixture('mp3-vbr-no-header.mp3'), join(media, 'shows/one/episode.mp3'));
    await copyFile(fixture('opus.opus'), join(media, 'shows/one/bonus.opus'));
    await writeFile(join(media, 'shows/one/broken.m4a'), 'this is text, not audio');
    await writeFile(join(media, 'shows/one/notes.txt'), 'ignored');
    const env = { DATABASE_URL: `file:${join(dir, 'p.db')}`, MEDIA_DIR: media };

    const first = await podwire(['scan'], env);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('new     shows/one/episode.mp3 0:07');
    expect(first.stdout).toContain('new     shows/one/bonus.opus 0:07');
    expect(first.stdout).toMatch(
      /scanned 3 media files under .*: 2 new, 0 updated, 0 unchanged, 1 failed; 1 other files skipped/,
    );
    expect(first.stderr).toMatch(
      /podwire: shows\/one\/broken\.m4a: not an audio file podwire can read \(it looks like text\)/,
    );

    // replace the episode's audio with other bytes: same key, new facts
    await copyFile(fixture('mp3-speech-no-header.mp3'), join(media, 'shows/one/episode.mp3'));
    const later = new Date(Date.now() + 60_000);
    await utimes(join(media, 'shows/one/episode.mp3'), later, later);
    const second = await podwire(['scan', join(media, 'shows')], env);
    expect(second.stdout).toContain('updated shows/one/episode.mp3 0:11');
    expect(second.stdout).toMatch(/0 new, 1 updated, 1 unchanged, 1 failed/);

    const opened = await openTempDb(dir, 'p.db');
    const asset = await findAssetByKey(opened.db, 'shows/one/episode.mp3');
    expect(asset?.durationSeconds).toBe(10.584);
    // under a minute: the IAB threshold is the whole file
    expect(asset?.minuteBytes).toBe(asset?.sizeBytes);
    opened.close();
  });

  it('probes again the audio recorded before minute_bytes existed, though unchanged, and says so', async () => {
    const dir = await newDir();
    const media = join(dir, 'media');
    await mkdir(join(media, 'shows'), { recursive: true });
    await copyFile(fixture('mp3-vbr-xing.mp3'), join(media, 'shows/episode.mp3'));
    await copyFile(fixture('opus.opus'), join(media, 'shows/bonus.opus'));
    const env = { DATABASE_URL: `file:${join(dir, 'p.db')}`, MEDIA_DIR: media };
    expect((await podwire(['scan'], env)).code).toBe(0);

    // as a record written before migration 0005 would be
    let opened = await openTempDb(dir, 'p.db');
    const before = await findAssetByKey(opened.db, 'shows/episode.mp3');
    await opened.db
      .update(mediaAssets)
      .set({ minuteBytes: null })
      .where(eq(mediaAssets.key, 'shows/episode.mp3'));
    opened.close();

    const again = await podwire(['scan'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('backfilled shows/episode.mp3 0:07');
    expect(again.stdout).toMatch(
      /0 new, 0 updated, 1 unchanged, 0 failed; 1 probed again to record facts they lacked \(first-minute bytes, inline chapters\)/,
    );
    opened = await openTempDb(dir, 'p.db');
    const after = await findAssetByKey(opened.db, 'shows/episode.mp3');
    opened.close();
    expect(after?.minuteBytes).toBe(before?.sizeBytes);
    expect(after?.createdAt).toEqual(before?.createdAt);

    const third = await podwire(['scan'], env);
    expect(third.stdout).toMatch(/0 new, 0 updated, 2 unchanged, 0 failed/);
    expect(third.stdout).not.toContain('probed again');
  });

  it('refuses a folder outside MEDIA_DIR', async () => {
    const dir = await newDir();
    await mkdir(join(dir, 'media'));
    const result = await podwire(['scan', '/tmp'], {
      DATABASE_URL: `file:${join(dir, 'p.db')}`,
      MEDIA_DIR: join(dir, 'media'),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\/tmp is outside MEDIA_DIR/);
  });

  it('removes what dead uploads left and never adopts a file an upload stored without recording it', async () => {
    const dir = await newDir();
    const media = join(dir, 'media');
    const env = { DATABASE_URL: `file:${join(dir, 'p.db')}`, MEDIA_DIR: media };
    await mkdir(join(media, 'shows', 'one'), { recursive: true });
    // a temporary file of a dead process (pid 2^22 + 1 is above Linux's pid_max), and one of an older podwire
    await writeFile(join(media, 'shows/one/.upload-4194305-0123abcd'), 'partial');
    await writeFile(join(media, 'shows/one/.upload-0123456789abcdef'), 'partial');
    // stored by an upload whose process died before it was recorded (journalled), and one from before the journal
    await copyFile(fixture('mp3-cbr-info.mp3'), join(media, 'shows/one/ep-0badcafe.mp3'));
    await copyFile(fixture('mp3-cbr-info.mp3'), join(media, 'shows/one/old-12345678.mp3'));
    // replaced an hour ago less a minute: still in its grace period
    await copyFile(fixture('mp3-cbr-info.mp3'), join(media, 'shows/one/replaced-abcdef12.mp3'));
    const opened = await openTempDb(dir, 'p.db');
    await opened.db.insert(mediaJournal).values({
      key: 'shows/one/ep-0badcafe.mp3',
      action: 'upload',
      owner: `node:4194305@${hostname()}`,
      dueAt: new Date(),
    });
    await opened.db.insert(mediaJournal).values({
      key: 'shows/one/replaced-abcdef12.mp3',
      action: 'remove',
      dueAt: new Date(Date.now() + 60_000),
    });
    opened.close();

    const scan = await podwire(['scan'], env);
    expect(scan.code, scan.stderr).toBe(0);
    expect(scan.stdout).toContain(
      'removed shows/one/.upload-4194305-0123abcd (left by an interrupted upload)',
    );
    expect(scan.stdout).toContain(
      'removed shows/one/.upload-0123456789abcdef (left by an interrupted upload)',
    );
    expect(scan.stdout).toContain('removed shows/one/ep-0badcafe.mp3 (left by an interrupted upload)');
    expect(scan.stderr).toContain('podwire: shows/one/old-12345678.mp3: not adopted');
    expect(scan.stdout).toContain('leaving shows/one/replaced-abcdef12.mp3 (replaced or deleted');
    expect(scan.stderr).not.toContain('replaced-abcdef12');
    expect((await readdir(join(media, 'shows/one'))).sort()).toEqual([
      'old-12345678.mp3',
      'replaced-abcdef12.mp3',
    ]);
    const check = await openTempDb(dir, 'p.db');
    expect(await findAssetByKey(check.db, 'shows/one/old-12345678.mp3')).toBeUndefined();
    expect((await check.db.select().from(mediaJournal)).map((e) => e.key)).toEqual([
      'shows/one/replaced-abcdef12.mp3',
    ]);
    check.close();
  });
});
