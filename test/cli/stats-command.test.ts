import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyUserAgent } from '../../src/analytics/user-agents.ts';
import { runStats } from '../../src/cli/stats-command.ts';
import { parseConfig } from '../../src/config.ts';
import { closeDay } from '../../src/db/queries/listens.ts';
import { PodwireError } from '../../src/errors.ts';
import { AUTH, minimalShow } from '../helpers/admin-client.ts';
import { APPLE_UA, BOT_UA, CHROME_UA, type ListeningApp, openListeningApp } from '../helpers/listening.ts';
import { collect, REPO_ROOT } from '../helpers/spawn-podwire.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

const SITE = 'https://news.example';
const ARTICLE_1 = '/articles/tide-mill-turns-again';
const ARTICLE_2 = '/articles/quarry-meteor-count';

/** Runs the real `podwire stats` bin script against the database file. */
function podwire(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['src/cli/podwire.js', 'stats', ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collect(child, 60_000);
}

interface StatsJson {
  from: string;
  to: string;
  downloads: number;
  days: { day: string; downloads: number }[];
  apps: { app: string; downloads: number }[];
  sources: { source: string; page: string; title?: string; downloads: number }[];
  episodes?: { id: number; title: string; downloads: number }[];
}

describe('podwire stats', () => {
  const newDir = tempDirs();
  let app: ListeningApp;
  let env: Record<string, string>;
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    const dir = await newDir();
    app = await openListeningApp(dir);
    expect((await app.call('POST', '/shows', minimalShow('second-show', 'A second show'))).status).toBe(201);
    // Six downloads of the demo show between 29 and 31 October and on 1 November; a bot and a HEAD are not counted.
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
      { episode: 1, at: '2026-11-01T10:00:00Z', userAgent: APPLE_UA, peer: '198.51.100.8', method: 'HEAD' },
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
      // And one today, for the default range (the last 30 days up to today).
      { episode: 2, at: new Date().toISOString(), userAgent: APPLE_UA, peer: '203.0.113.6' },
    ]);
    env = { DATABASE_URL: `file:${join(dir, 'podwire.db')}` };
  });
  afterAll(() => app?.demo.close());

  it('answers --json with each show’s report, the same numbers the API gives', async () => {
    const run = await podwire(['--to', '2026-11-01', '--days', '7', '--json'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { shows } = JSON.parse(run.stdout) as { shows: { show: { slug: string }; stats: StatsJson }[] };
    expect(shows.map((s) => s.show.slug)).toEqual(['second-show', 'courier-conversations']);
    const demo = shows[1]?.stats as StatsJson;
    expect(demo.from).toBe('2026-10-26');
    expect(demo.downloads).toBe(6);
    expect(demo.days.filter((d) => d.downloads > 0)).toEqual([
      { day: '2026-10-29', downloads: 1 },
      { day: '2026-10-31', downloads: 3 },
      { day: '2026-11-01', downloads: 2 },
    ]);
    expect(demo.episodes?.map((e) => [e.id, e.downloads])).toEqual([
      [1, 4],
      [2, 2],
    ]);
    expect(demo.sources.map((s) => [s.source, s.page, s.title, s.downloads])).toEqual([
      [ARTICLE_2, 'article', 'Night-sky survey at the old quarry counts a record 212 meteors', 2],
      [ARTICLE_1, 'article', 'The tide mill on Saltings Creek turns again', 1],
    ]);
    expect(shows[0]?.stats.downloads).toBe(0);
    const api = await app.demo.app.request('/api/v1/shows/1/stats?from=2026-10-26&to=2026-11-01', {
      headers: AUTH,
    });
    expect(await api.json()).toEqual(demo);
  });

  it('prints a table per show: days with bars, apps, source pages, episodes, then the top articles', async () => {
    const run = await podwire(['--to', '2026-11-01', '--days', '7'], env);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(
      /^Courier Conversations \(courier-conversations\): 6 downloads, 2026-10-26 to 2026-11-01 \(UTC\)$/m,
    );
    expect(out).toMatch(/^A second show \(second-show\): 0 downloads/m);
    // The busiest day has the longest bar; a day without downloads has none.
    expect(out).toMatch(/^ {2}2026-10-31 +3 {2}#{30}$/m);
    expect(out).toMatch(/^ {2}2026-10-30 +0$/m);
    // Apps as the User-Agent lists name them (AppleCoreMedia for the player Apple's apps use).
    expect(out).toMatch(new RegExp(`^ {2}${classifyUserAgent(APPLE_UA).app} +3$`, 'm'));
    expect(out).toContain(`${classifyUserAgent(CHROME_UA).app}`);
    expect(out).toMatch(
      /article: The tide mill on Saltings Creek turns again \(\/articles\/tide-mill-turns-again\) +1$/m,
    );
    expect(out).toMatch(/^ {2} *1 {2}The tide mill wakes up, part 1: the people +4$/m);
    const top = out.slice(out.indexOf('Top articles by listening'));
    expect(top.indexOf(ARTICLE_2)).toBeLessThan(top.indexOf(ARTICLE_1));
  });

  it('reports one show by slug, one episode, and the last 30 days up to today by default', async () => {
    const show = await podwire(['--show', 'courier-conversations', '--json'], env);
    expect(show.code).toBe(0);
    const [only] = (JSON.parse(show.stdout) as { shows: { stats: StatsJson }[] }).shows;
    expect(only?.stats.to).toBe(today);
    expect(only?.stats.days).toHaveLength(30);
    expect(only?.stats.days.at(-1)).toEqual({ day: today, downloads: 1 });

    const episode = await podwire(['--episode', '2', '--from', '2026-11-01', '--to', '2026-11-01'], env);
    expect(episode.code).toBe(0);
    expect(episode.stdout).toMatch(
      /^Episode 2, The tide mill wakes up, part 2: the machine \(Courier Conversations\): 2 downloads/,
    );
    expect(episode.stdout).not.toMatch(/Episode +Downloads/);
  });

  it('recounts closed days from their raw events', async () => {
    // A day closed with nothing counted (as if closed before its events were written, or by older lists).
    await closeDay(app.demo.deps.db, '2026-10-31', [], [], new Date('2026-11-01T02:00:00Z'));
    const read = async () =>
      (
        JSON.parse(
          (
            await podwire(
              ['--show', 'courier-conversations', '--from', '2026-10-31', '--to', '2026-10-31', '--json'],
              env,
            )
          ).stdout,
        ) as {
          shows: { stats: StatsJson }[];
        }
      ).shows[0]?.stats.downloads;
    expect(await read()).toBe(0);
    const recount = await podwire(['recount', '--from', '2026-10-30'], env);
    expect(recount.stderr).toBe('');
    expect(recount.code).toBe(0);
    expect(recount.stdout).toMatch(/^recounted 2 days \(2026-10-31 to 2026-11-01\) in \S+podwire\.db$/m);
    expect(await read()).toBe(3);
  });

  it('explains bad arguments with a message and exit 1', async () => {
    const unknown = await podwire(['--show', 'no-such-show'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(
      /^podwire: there is no show with slug "no-such-show" \(shows: second-show, courier-conversations\)/,
    );
    const zero = await podwire(['--days', '0'], env);
    expect(zero.code).toBe(1);
    expect(zero.stderr).toMatch(/--days must be a whole number from 1 to 3660, or all; not "0"/);

    const environment = { config: () => parseConfig(env), wranglerEnv: {} };
    const cases: [string[], RegExp][] = [
      [['--days', 'abc'], /--days must be a whole number from 1 to 3660, or all; not "abc"/],
      [['--days', '3661'], /--days must be a whole number/],
      [['--from', '2026-02-30'], /--from must be a calendar date as YYYY-MM-DD, not "2026-02-30"/],
      [['--to', '1 Nov'], /--to must be a calendar date/],
      // Ten days back from year 0 (or on past 9999) is no longer a YYYY-MM-DD day: refused, not looped on.
      [['--to', '0000-01-05', '--days', '10'], /--to must be a calendar date/],
      [['--to', '9999-12-31', '--days', '1'], /--to must be a calendar date/],
      [['--from', '2026-11-02', '--to', '2026-11-01'], /from \(2026-11-02\) is after to \(2026-11-01\)/],
      [['--from', '2026-11-01', '--days', '3'], /give --days or --from, not both/],
      [['--episode', 'two'], /--episode must be an episode id, not "two"/],
      [['--episode', '99'], /there is no episode 99/],
      [
        ['--episode', '1', '--show', 'second-show'],
        /episode 1 is in the show "courier-conversations", not "second-show"/,
      ],
      [['--colour', 'red'], /Unknown option '--colour'/],
      [['--persist-to', 'x'], /--persist-to goes with --worker/],
      [['frob'], /unknown stats command "frob"/],
      [['recount', '--from', '31/10/2026'], /--from must be a calendar date/],
      [['recount', '--days', '3'], /usage: podwire stats recount/],
    ];
    for (const [args, message] of cases) {
      const failure = await runStats(args, { out: () => {} }, environment).catch((error: unknown) => error);
      expect(failure, args.join(' ')).toBeInstanceOf(PodwireError);
      expect((failure as Error).message, args.join(' ')).toMatch(message);
    }
  });
});
