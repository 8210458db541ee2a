import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/catalog/seed.ts';
import { countLiveArticles, findArticleBySlug } from '../../src/db/queries/articles.ts';
import { findAssetByKey } from '../../src/db/queries/media-assets.ts';
import { liveEpisodesOfArticles } from '../../src/db/queries/pairing.ts';
import { formatDuration } from '../../src/domain/duration.ts';
import { NotFoundError } from '../../src/errors.ts';
import { createMemoryMediaStore } from '../../src/media-store/memory-store.ts';
import { probeFile } from '../../src/node/file-reader.ts';
import { createFsMediaStore } from '../../src/node/fs-media-store.ts';
import { BUNDLED_MEDIA_DIR } from '../../src/node/server.ts';
import { openTempDb } from '../helpers/temp-db.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

const now = () => new Date('2026-11-01T00:00:00Z');

async function dump(db: Awaited<ReturnType<typeof openTempDb>>['db']) {
  const out: Record<string, unknown[]> = {};
  for (const table of ['sections', 'articles', 'shows', 'episodes', 'media_assets', 'article_episodes']) {
    out[table] = await db.all(sql`SELECT * FROM ${sql.identifier(table)} ORDER BY 1, 2`);
  }
  return out;
}

describe('seedDemo', () => {
  const newDir = tempDirs();

  it('seeds the demo, with the paired article carrying 25:36 and 26:25 probed from the audio files', async () => {
    const opened = await openTempDb(await newDir());
    const media = await createFsMediaStore({ root: BUNDLED_MEDIA_DIR });
    const report = await seedDemo({ db: opened.db, media, now });
    expect(report).toEqual({ sections: 3, articles: 7, shows: 1, episodes: 2, pairings: 2, mediaProbed: 5 });

    expect(await countLiveArticles(opened.db, now())).toBe(6); // the draft stays hidden
    const article = await findArticleBySlug(opened.db, 'tide-mill-turns-again');
    const paired = (await liveEpisodesOfArticles(opened.db, [article?.article.id ?? 0], now())).get(
      article?.article.id ?? 0,
    );
    expect(paired?.map((e) => formatDuration(e.audio.durationSeconds ?? 0))).toEqual(['25:36', '26:25']);
    expect(paired?.map((e) => Math.round(e.audio.durationSeconds ?? 0))).toEqual([1536, 1585]);

    const audio = await findAssetByKey(opened.db, 'demo/briefing-01-tide-mill-people.mp3');
    expect(audio).toMatchObject({ mimeType: 'audio/mpeg', sampleRate: 16000, channels: 1, bitrate: 16000 });
    expect(audio?.sizeBytes).toBe((await media.stat('demo/briefing-01-tide-mill-people.mp3'))?.size);
    // the IAB threshold: this 25-minute file's first minute, not the whole file
    expect(audio?.minuteBytes).toBe(
      (await probeFile(join(BUNDLED_MEDIA_DIR, 'demo/briefing-01-tide-mill-people.mp3'))).minuteBytes,
    );
    expect(audio?.minuteBytes).toBeLessThan((audio?.sizeBytes ?? 0) / 20);
    expect(audio?.chapters.map((c) => c.title)).toEqual([
      'Welcome',
      "The millers' families",
      'Volunteers and the mud',
      'What comes next',
    ]);
    const artwork = await findAssetByKey(opened.db, 'demo/show-artwork.jpg');
    expect(artwork).toMatchObject({ mimeType: 'image/jpeg', width: 1400, height: 1400 });
    opened.close();
  });

  it('is idempotent: a second run adds nothing and changes nothing', async () => {
    const opened = await openTempDb(await newDir());
    const media = await createFsMediaStore({ root: BUNDLED_MEDIA_DIR });
    await seedDemo({ db: opened.db, media, now });
    const before = await dump(opened.db);
    const again = await seedDemo({ db: opened.db, media, now });
    expect(again).toEqual({ sections: 0, articles: 0, shows: 0, episodes: 0, pairings: 0, mediaProbed: 0 });
    expect(await dump(opened.db)).toEqual(before);
    opened.close();
  });

  it('is deterministic: two databases seeded apart hold the same rows', async () => {
    const media = await createFsMediaStore({ root: BUNDLED_MEDIA_DIR });
    const one = await openTempDb(await newDir());
    const two = await openTempDb(await newDir());
    await seedDemo({ db: one.db, media, now });
    await seedDemo({ db: two.db, media, now: () => new Date('2030-01-01T00:00:00Z') });
    expect(await dump(two.db)).toEqual(await dump(one.db));
    one.close();
    two.close();
  });

  it('copies the demo files into an empty media store first', async () => {
    const opened = await openTempDb(await newDir());
    const media = createMemoryMediaStore();
    const demoSource = await createFsMediaStore({ root: BUNDLED_MEDIA_DIR });
    await seedDemo({ db: opened.db, media, demoSource, now });
    const stored = await media.stat('demo/briefing-02-tide-mill-machine.mp3');
    expect(stored?.size).toBe((await demoSource.stat('demo/briefing-02-tide-mill-machine.mp3'))?.size);
    opened.close();
  });

  it('fails cleanly, writing no rows, when the demo files are nowhere to be found', async () => {
    const opened = await openTempDb(await newDir());
    const error = await seedDemo({ db: opened.db, media: createMemoryMediaStore(), now }).catch((e) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toMatch(/demo media file demo\/briefing-01-tide-mill-people\.mp3 is missing/);
    const [row] = await opened.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM articles`);
    expect(row?.n).toBe(0);
    opened.close();
  });
});
