// What the load targets: the seeded demo's page, feed and media URLs and API ids, read from podwire's admin API.
import { Agent } from 'node:http';
import { type LoadRequest, send } from './client.ts';

export interface Site {
  readonly home: string;
  readonly articles: readonly { id: number; path: string; standfirst: string }[];
  readonly show: { id: number; path: string; feed: string };
  readonly episodes: readonly { id: number; path: string; title: string; summary: string }[];
  readonly newsFeeds: readonly string[];
  readonly media: readonly { path: string; size: number }[];
  readonly sections: number;
  readonly episodeCount: number;
}

interface Listed {
  items: Record<string, unknown>[];
  total?: number;
}

/** GETs an admin API list as JSON. */
export async function readApi(base: string, token: string, path: string): Promise<Listed> {
  const agent = new Agent();
  const spec: LoadRequest = {
    kind: 'setup',
    method: 'GET',
    path,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    keepBody: true,
    check: () => undefined,
  };
  const answer = await send(agent, new URL(base), spec, 10_000);
  agent.destroy();
  if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}`);
  return JSON.parse(answer.body?.toString('utf8') ?? '') as Listed;
}

const pathOf = (url: unknown) => new URL(String(url)).pathname;

/** The published demo content (the first page of each list is all of it). */
export async function discoverSite(base: string, token: string): Promise<Site> {
  const articles = (await readApi(base, token, '/api/v1/articles')).items.filter(
    (a) => a.status === 'published',
  );
  const [show] = (await readApi(base, token, '/api/v1/shows')).items;
  const episodeList = await readApi(base, token, '/api/v1/episodes');
  const episodes = episodeList.items.filter((e) => e.status === 'published' && e.audio);
  const sections = (await readApi(base, token, '/api/v1/sections')).items;
  if (!show || articles.length === 0 || episodes.length === 0) throw new Error('the demo is not seeded');
  return {
    home: '/',
    articles: articles.map((a) => ({
      id: Number(a.id),
      path: pathOf(a.url),
      standfirst: String(a.standfirst),
    })),
    show: { id: Number(show.id), path: pathOf(show.url), feed: pathOf(show.feedUrl) },
    episodes: episodes.map((e) => ({
      id: Number(e.id),
      path: pathOf(e.url),
      title: String(e.title),
      summary: String(e.summary),
    })),
    newsFeeds: ['/feed.xml', '/feed.atom', '/feed.json'],
    media: episodes.map((e) => {
      const audio = e.audio as { url: string; sizeBytes: number };
      return { path: pathOf(audio.url), size: audio.sizeBytes };
    }),
    sections: sections.length,
    episodeCount: episodeList.total ?? episodeList.items.length,
  };
}
