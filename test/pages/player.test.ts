import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { DEMO_NOW, openDemoApp } from '../helpers/demo-app.ts';
import { PLAYER_CONTROL_NAMES } from '../helpers/player-control-names.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

const BASE = 'https://news.example';
const BROWSER = { accept: 'text/html' };
const ARTICLE = '/articles/tide-mill-turns-again';
const EPISODE = '/podcasts/courier-conversations/tide-mill-part-2-the-machine';

/** A button's accessible name as markup gives it: aria-label, else its text. */
const nameOf = (el: Element) => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';

describe('the player markup', () => {
  const newDir = tempDirs();
  let demo: Awaited<ReturnType<typeof openDemoApp>>;
  const page = async (path: string) => {
    const response = await demo.app.request(path, { headers: BROWSER });
    expect(response.status, path).toBe(200);
    return parseHTML(await response.text()).document;
  };

  beforeAll(async () => {
    demo = await openDemoApp(await newDir(), {
      config: parseConfig({ BASE_URL: BASE, TIME_ZONE: 'Europe/London' }),
      now: () => DEMO_NOW,
    });
  });
  afterAll(() => demo.close());

  it('renders the same control bar, hidden, on article, episode and embed pages', async () => {
    for (const [path, count] of [
      [ARTICLE, 2],
      [EPISODE, 1],
      [`${EPISODE}/embed`, 1],
    ] as const) {
      const doc = await page(path);
      const players = [...doc.querySelectorAll('[data-player]')];
      expect(players, path).toHaveLength(count);
      for (const player of players) {
        const bar = player.querySelector('fieldset.controls');
        // Without the script the bar stays hidden and the browser's own controls play.
        expect(bar?.hasAttribute('hidden'), path).toBe(true);
        expect(player.querySelector('audio')?.hasAttribute('controls')).toBe(true);
        expect(player.querySelector('audio')?.getAttribute('preload')).toBe('none');
        expect(player.querySelector('a[download]')?.textContent).toMatch(/^Download \(MP3, /);
        const buttons = [...(bar?.querySelectorAll('.buttons button') ?? [])];
        expect(buttons.map(nameOf), path).toEqual(PLAYER_CONTROL_NAMES);
        expect(buttons.every((b) => b.getAttribute('type') === 'button')).toBe(true);
        const seek = bar?.querySelector('input[type=range]');
        expect(seek?.getAttribute('aria-label')).toBe('Seek');
        expect(seek?.getAttribute('max')).toBe(player.getAttribute('data-duration'));
        expect(seek?.getAttribute('aria-valuetext')).toBe(
          `0:00 of ${player.getAttribute('data-duration-text')}`,
        );
        expect(bar?.getAttribute('aria-label')).toBe(`Player: ${player.getAttribute('data-title')}`);
        expect(bar?.querySelector('[role=status]')).not.toBeNull();
      }
    }
  });

  it('gives the script what it needs in data attributes: episode, share link, title, show, length, artwork', async () => {
    const doc = await page(EPISODE);
    const player = doc.querySelector('[data-player]');
    expect(player?.getAttribute('data-episode')).toBe(EPISODE);
    expect(player?.getAttribute('data-share')).toBe(`${BASE}${EPISODE}`);
    expect(player?.getAttribute('data-title')).toBe('The tide mill wakes up, part 2: the machine');
    expect(player?.getAttribute('data-show')).toBe('Courier Conversations');
    expect(player?.getAttribute('data-duration')).toBe('1585');
    expect(player?.getAttribute('data-duration-text')).toBe('26:25');
    expect(player?.getAttribute('data-artwork')).toMatch(new RegExp(`^${BASE}/media/`));
    // Chapter links name the player's audio: the script marks them on its seek bar.
    const audioId = player?.querySelector('audio')?.getAttribute('id');
    const chapters = [...doc.querySelectorAll('a[data-chapter]')];
    expect(chapters.length).toBeGreaterThan(1);
    expect(chapters.every((a) => a.getAttribute('data-audio') === audioId)).toBe(true);
    expect(chapters.map((a) => a.getAttribute('data-chapter'))[0]).toBe('Welcome back');
  });

  it('article players carry what episode players do: chapter list and marks, artwork, a named fragment', async () => {
    const article = await page(ARTICLE);
    const episode = await page(EPISODE);
    const players = [...article.querySelectorAll('[data-player]')];
    expect(players.map((p) => p.id)).toEqual([
      'episode-tide-mill-part-1-the-people',
      'episode-tide-mill-part-2-the-machine',
    ]);
    const onEpisodePage = episode.querySelector('[data-player]');
    const second = players[1];
    for (const name of ['data-episode', 'data-episode-url', 'data-title', 'data-show', 'data-artwork']) {
      expect(second?.getAttribute(name), name).toBe(onEpisodePage?.getAttribute(name) ?? null);
    }
    expect(second?.getAttribute('data-artwork')).toMatch(new RegExp(`^${BASE}/media/`));
    // A moment shared from an article player opens the article at that player.
    expect(second?.getAttribute('data-share')).toBe(`${BASE}${ARTICLE}#episode-tide-mill-part-2-the-machine`);
    expect(onEpisodePage?.getAttribute('data-share')).toBe(`${BASE}${EPISODE}`);
    for (const player of players) {
      const audioId = player.querySelector('audio')?.getAttribute('id');
      const links = [...player.querySelectorAll('details.player-chapters a[data-chapter]')];
      expect(links.length).toBeGreaterThan(1);
      expect(links.every((a) => a.getAttribute('data-audio') === audioId)).toBe(true);
    }
    // The same chapters as the episode page lists in its own section (so its player lists none).
    const titles = (doc: Document, scope: string) =>
      [...doc.querySelectorAll(`${scope} a[data-chapter]`)].map((a) => a.getAttribute('data-chapter'));
    expect(titles(article, '#episode-tide-mill-part-2-the-machine')).toEqual(titles(episode, 'section'));
    expect(onEpisodePage?.querySelector('details.player-chapters')).toBeNull();
  });

  it('the embed lists its chapters under the player, as links that seek it', async () => {
    const doc = await page(`${EPISODE}/embed`);
    const list = doc.querySelector('[data-player] details.player-chapters');
    expect(list?.querySelector('summary')?.textContent).toBe('Chapters (4)');
    const links = [...(list?.querySelectorAll('a[data-seek][data-chapter]') ?? [])];
    expect(links.map((a) => a.textContent)).toEqual(['0:00', '5:20', '13:20', '21:40']);
    expect(links[1]?.getAttribute('aria-label')).toBe('Play from 5:20: The wheel');
    expect(links[1]?.getAttribute('href')).toMatch(/\.mp3#t=320$/);
  });

  it('serves /listen-later as an empty-state shell, linked from every footer', async () => {
    const doc = await page('/listen-later');
    expect(doc.querySelector('h1')?.textContent).toBe('Listen later');
    expect(doc.querySelector('meta[name=robots]')?.getAttribute('content')).toBe('noindex');
    expect(doc.querySelector('[data-listen-later] [data-empty]')?.textContent).toMatch(/^Nothing here yet/);
    expect(doc.querySelector('[data-list]')?.hasAttribute('hidden')).toBe(true);
    expect(doc.querySelector('[data-list]')?.children).toHaveLength(0);
    const home = await page('/');
    expect(home.querySelector('.site-footer a[href$="/listen-later"]')?.getAttribute('href')).toBe(
      `${BASE}/listen-later`,
    );
  });

  it('answers ?t= on episode and article pages with the same page (the script reads it)', async () => {
    for (const path of [EPISODE, ARTICLE]) {
      const plain = await (await demo.app.request(path, { headers: BROWSER })).text();
      for (const t of ['807', 'abc', '-1', '99999999']) {
        const response = await demo.app.request(`${path}?t=${t}`, { headers: BROWSER });
        expect(response.status, `${path}?t=${t}`).toBe(200);
        expect(await response.text()).toBe(plain);
      }
    }
  });
});
