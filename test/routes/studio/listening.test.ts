import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH } from '../../helpers/admin-client.ts';
import { APPLE_UA, BOT_UA, CHROME_UA, type ListeningApp, openListeningApp } from '../../helpers/listening.ts';
import { createUser, type StudioClient, signIn } from '../../helpers/studio-client.ts';
import { documentOf, page } from '../../helpers/studio-screens.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';

const SITE = 'https://news.example';
const ARTICLE_1 = '/articles/tide-mill-turns-again';
const ARTICLE_2 = '/articles/quarry-meteor-count';

/** The bars as the drawing shows them: each rect's height read against the y axis's labelled ticks. */
function barsOf(doc: Document): number[] {
  const ticks = [...doc.querySelectorAll('svg .chart-tick')].map((g) => ({
    value: Number(g.querySelector('text')?.textContent),
    y: Number(g.querySelector('line')?.getAttribute('y1')),
  }));
  const zero = ticks.find((t) => t.value === 0);
  const top = ticks.at(-1);
  if (!zero || !top || top.value === 0) throw new Error('the y axis has no labelled 0 and top');
  const perDownload = (zero.y - top.y) / top.value;
  return [...doc.querySelectorAll('svg rect.chart-bar')].map((rect) => {
    const y = Number(rect.getAttribute('y'));
    const height = Number(rect.getAttribute('height'));
    expect(y + height).toBeCloseTo(zero.y, 1); // every bar stands on the baseline
    const value = height / perDownload;
    expect(Math.abs(value - Math.round(value))).toBeLessThan(0.05);
    return Math.round(value);
  });
}

/** The chart's table: [label, downloads] per row. */
function tableOf(doc: Document): [string, number][] {
  return [...doc.querySelectorAll('table.chart-table tbody tr')].map((tr) => [
    tr.querySelector('th')?.textContent ?? '',
    Number(tr.querySelector('td')?.textContent),
  ]);
}

/** A count table's rows, by its class: [text of the first cell, downloads]. */
const countsOf = (doc: Document, table: string) =>
  [...doc.querySelectorAll(`table.${table} tbody tr`)].map((tr) => [
    tr.querySelector('td')?.textContent?.trim(),
    Number(tr.querySelector('td.number')?.textContent),
  ]);

/** The SVG's accessible name and description, resolved as a screen reader would from aria-labelledby. */
function accessibleText(doc: Document): string[] {
  const svg = doc.querySelector('figure.chart svg');
  expect(svg?.getAttribute('role')).toBe('img');
  return (svg?.getAttribute('aria-labelledby') ?? '')
    .split(' ')
    .map((id) => doc.getElementById(id)?.textContent ?? `(no #${id})`);
}

describe('studio listening screens', () => {
  const newDir = tempDirs();
  let app: ListeningApp;
  let editor: StudioClient;
  let contributor: StudioClient;

  beforeAll(async () => {
    app = await openListeningApp(await newDir());
    await createUser(app, 'editor@example.com', 'editor');
    await createUser(app, 'contributor@example.com', 'contributor');
    editor = await signIn(app, 'editor@example.com');
    contributor = await signIn(app, 'contributor@example.com');
    await app.play([
      { episode: 1, at: '2026-10-29T08:00:00Z', userAgent: APPLE_UA, peer: '203.0.113.1' },
      { episode: 1, at: '2026-10-31T07:00:00Z', userAgent: APPLE_UA, peer: '203.0.113.1' },
      { episode: 1, at: '2026-10-31T09:00:00Z', userAgent: APPLE_UA, peer: '203.0.113.2' },
      {
        episode: 1,
        at: '2026-10-31T10:00:00Z',
        userAgent: CHROME_UA,
        peer: '203.0.113.3',
        referer: `${SITE}${ARTICLE_1}`,
      },
      { episode: 1, at: '2026-11-01T10:00:00Z', userAgent: BOT_UA, peer: '198.51.100.9' },
      {
        episode: 2,
        at: '2026-11-01T11:00:00Z',
        userAgent: CHROME_UA,
        peer: '203.0.113.4',
        referer: `${SITE}${ARTICLE_2}`,
      },
      {
        episode: 2,
        at: '2026-11-01T11:30:00Z',
        userAgent: CHROME_UA,
        peer: '203.0.113.5',
        referer: `${SITE}${ARTICLE_2}`,
      },
    ]);
  });
  afterAll(() => app?.demo.close());

  it('lists every show with its downloads and the top articles by listening, for a contributor too', async () => {
    const { doc } = await page(contributor, '/studio/listening?range=7');
    expect(doc.querySelector('.studio-nav a[aria-current="page"]')?.textContent).toBe('Listening');
    expect(countsOf(doc, 'shows')).toEqual([['Courier Conversations', 6]]);
    expect(doc.querySelector('table.shows a')?.getAttribute('href')).toBe(
      '/studio/listening/shows/1?range=7',
    );
    expect(countsOf(doc, 'top-articles')).toEqual([
      ['Night-sky survey at the old quarry counts a record 212 meteors', 2],
      ['The tide mill on Saltings Creek turns again', 1],
    ]);
    expect(doc.querySelector('table.top-articles a')?.getAttribute('href')).toBe(ARTICLE_2);
    expect(doc.querySelector('nav[aria-label="Period"] [aria-current]')?.textContent).toBe('Last 7 days');
    expect(barsOf(doc)).toEqual([0, 0, 0, 1, 0, 3, 2]);
  });

  it('draws a show’s downloads per day as bars equal to its table and to the API, named and described', async () => {
    const { doc } = await page(editor, '/studio/listening/shows/1?range=7');
    const table = tableOf(doc);
    expect(table.map(([label]) => label)).toEqual([
      '26 Oct 2026',
      '27 Oct 2026',
      '28 Oct 2026',
      '29 Oct 2026',
      '30 Oct 2026',
      '31 Oct 2026',
      '1 Nov 2026',
    ]);
    expect(barsOf(doc)).toEqual(table.map(([, n]) => n));
    const api = await app.demo.app.request('/api/v1/shows/1/stats?from=2026-10-26&to=2026-11-01', {
      headers: AUTH,
    });
    const stats = (await api.json()) as {
      days: { downloads: number }[];
      apps: { app: string; downloads: number }[];
    };
    expect(table.map(([, n]) => n)).toEqual(stats.days.map((d) => d.downloads));
    // Bar titles (for pointer users) say the same.
    expect(doc.querySelector('rect.chart-bar[data-from="2026-10-31"] title')?.textContent).toBe(
      '31 Oct 2026: 3 downloads',
    );
    const [name, description] = accessibleText(doc);
    expect(name).toBe('Downloads per day, 26 Oct 2026 to 1 Nov 2026 (UTC)');
    expect(description).toMatch(/^6 downloads in total; the busiest day was 31 Oct 2026 with 3 downloads/);
    expect(doc.querySelector('table.chart-table caption')?.textContent).toBe(name);
    // The y ticks are labelled round numbers from 0.
    expect([...doc.querySelectorAll('svg .chart-tick text')].map((t) => t.textContent)).toEqual([
      '0',
      '1',
      '2',
      '3',
    ]);
    expect(countsOf(doc, 'episodes')).toEqual([
      ['The tide mill wakes up, part 1: the people', 4],
      ['The tide mill wakes up, part 2: the machine', 2],
    ]);
    expect(countsOf(doc, 'counts:not(.episodes):not(.sources)')).toEqual(
      stats.apps.map((a) => [a.app, a.downloads]),
    );
    expect(countsOf(doc, 'sources').map(([text]) => text)).toEqual([
      'Article: Night-sky survey at the old quarry counts a record 212 meteors',
      'Article: The tide mill on Saltings Creek turns again',
    ]);
  });

  it('shows one episode over the last 30 days by default, and all time from its first download', async () => {
    const { doc } = await page(contributor, '/studio/listening/episodes/1');
    expect(doc.querySelector('h1')?.textContent).toBe(
      'Listening: The tide mill wakes up, part 1: the people',
    );
    expect(tableOf(doc)).toHaveLength(30);
    expect(barsOf(doc).reduce((a, b) => a + b, 0)).toBe(4);
    const all = (await page(contributor, '/studio/listening/episodes/2?range=all')).doc;
    expect(tableOf(all)).toEqual([['1 Nov 2026', 2]]);
    expect(all.querySelector('table.sources a')?.getAttribute('href')).toBe(ARTICLE_2);
  });

  it('is linked from the show and episode screens', async () => {
    const show = (await page(editor, '/studio/shows/1')).doc;
    expect(show.querySelector('#listening-link-panel a')?.getAttribute('href')).toBe(
      '/studio/listening/shows/1',
    );
    const episode = (await page(contributor, '/studio/episodes/1')).doc;
    expect(episode.querySelector('#listening-link-panel a')?.getAttribute('href')).toBe(
      '/studio/listening/episodes/1',
    );
  });

  it('answers a bad period with 400, a missing show or episode with 404, and sends a visitor to sign in', async () => {
    const bad = await editor.get('/studio/listening?range=365');
    expect(bad.status).toBe(400);
    expect(documentOf(await bad.text()).querySelector('[role="alert"]')?.textContent).toMatch(
      /^The period \(range=365\) must be 7, 30 or 90 days, or all\.$/,
    );
    expect((await editor.get('/studio/listening/shows/99')).status).toBe(404);
    expect((await editor.get('/studio/listening/episodes/x1')).status).toBe(404);
    const visitor = await app.demo.app.request('/studio/listening/shows/1');
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get('location')).toBe(
      `/studio/sign-in?next=${encodeURIComponent('/studio/listening/shows/1')}`,
    );
  });

  // Last: it adds a download.
  it('shows a page it cannot vouch for (a forged Referer) as text, never as a link', async () => {
    await app.play([
      {
        episode: 2,
        at: '2026-11-01T12:00:00Z',
        userAgent: CHROME_UA,
        peer: '203.0.113.77',
        referer: `${SITE}//evil.example/x`,
      },
    ]);
    const { doc } = await page(editor, '/studio/listening/episodes/2?range=7');
    const row = [...doc.querySelectorAll('table.sources tbody tr')].find((tr) =>
      tr.textContent?.includes('evil'),
    );
    expect(row?.querySelector('td')?.textContent).toBe('Page: //evil.example/x');
    expect(row?.querySelector('a')).toBeNull();
    expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).not.toContain(
      '//evil.example/x',
    );
  });
});
