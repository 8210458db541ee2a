import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/catalog/accounts/audit.ts';
import { publishDueItems, SCHEDULE_ACTOR } from '../../src/catalog/publish-due.ts';
import { articles } from '../../src/db/schema.ts';
import { insertArticle, insertSection } from '../helpers/fixtures.ts';
import { openTempDb } from '../helpers/temp-db.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

describe('publishDueItems', () => {
  const newDir = tempDirs();

  it('records scheduled items whose time has come as published, keeps later ones scheduled, and is idempotent', async () => {
    const opened = await openTempDb(await newDir());
    const section = await insertSection(opened.db);
    const due = await insertArticle(opened.db, section.id, {
      status: 'scheduled',
      publishedAt: new Date('2026-05-01T00:00:00Z'),
    });
    const later = await insertArticle(opened.db, section.id, {
      status: 'scheduled',
      publishedAt: new Date('2026-07-01T00:00:00Z'),
    });
    const now = new Date('2026-06-01T00:00:00Z');
    expect(await publishDueItems(opened.db, now)).toEqual({ articles: 1, episodes: 0 });
    expect(await publishDueItems(opened.db, now)).toEqual({ articles: 0, episodes: 0 });
    const status = async (id: number) =>
      (await opened.db.select().from(articles).where(eq(articles.id, id)))[0]?.status;
    expect(await status(due.id)).toBe('published');
    expect(await status(later.id)).toBe('scheduled');
    // The item's history says so, once: no person acted, the schedule did.
    const history = await listAuditEvents(opened, { entity: 'article', entityId: due.id });
    expect(history.map((e) => [e.actor, e.action, e.summary, e.at.getTime()])).toEqual([
      [SCHEDULE_ACTOR, 'publish', 'went live as scheduled', now.getTime()],
    ]);
    expect(await listAuditEvents(opened, { entity: 'article', entityId: later.id })).toEqual([]);
    opened.close();
  });
});
