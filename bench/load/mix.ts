// The mixed workload: which requests, in what proportions, and what each must be answered with.
import type { Answer, LoadRequest } from './client.ts';
import type { Site } from './site.ts';

/**
 * Shares per thousand requests. Feed polling by podcast apps and readers dominates a podcast site's
 * request count and mostly revalidates; media dominates its bytes and comes as ranges (players seek
 * and fetch in windows); browsers load pages; editors write rarely (1% is far above a newsroom's pace,
 * to exercise invalidation: each write changes the catalogue version, so every cached page and feed
 * is rendered and compressed again on its next request).
 */
export const MIX = [
  { name: 'home page', kind: 'pages', weight: 120 },
  { name: 'article page', kind: 'pages', weight: 90 },
  { name: 'show page', kind: 'pages', weight: 40 },
  { name: 'episode page', kind: 'pages', weight: 50 },
  { name: 'podcast RSS', kind: 'feeds', weight: 200 },
  { name: 'news RSS', kind: 'feeds', weight: 110 },
  { name: 'news Atom', kind: 'feeds', weight: 70 },
  { name: 'news JSON Feed', kind: 'feeds', weight: 70 },
  { name: 'media range', kind: 'media', weight: 240 },
  { name: 'PATCH episode', kind: 'writes', weight: 4 },
  { name: 'PATCH article', kind: 'writes', weight: 3 },
  { name: 'section create/delete', kind: 'writes', weight: 2 },
  { name: 'draft episode create/delete', kind: 'writes', weight: 1 },
] as const;

/** Share of feed (and page) requests sent with If-None-Match once an ETag is known. */
export const CONDITIONAL = { feeds: 0.7, pages: 0.2 } as const;

/** Range windows are log-uniform between these sizes (bytes), at a uniform start. */
export const RANGE_BYTES = { min: 1024, max: 1024 * 1024 } as const;

const BROWSER = { accept: 'text/html', 'accept-encoding': 'gzip, deflate, br' };
const FEED_READER = { accept: '*/*', 'accept-encoding': 'gzip' };

/** Every page and feed the mix fetches, with the headers it sends (the baseline replays these). */
export function documentsOf(site: Site): { path: string; headers: Readonly<Record<string, string>> }[] {
  const pages = [
    site.home,
    ...site.articles.map((a) => a.path),
    site.show.path,
    ...site.episodes.map((e) => e.path),
  ];
  const feeds = [site.show.feed, ...site.newsFeeds];
  return [
    ...pages.map((path) => ({ path, headers: BROWSER })),
    ...feeds.map((path) => ({ path, headers: FEED_READER })),
  ];
}

export interface Workload {
  next(): LoadRequest;
  /** Deletes for what the run created and has not deleted yet. */
  cleanup(): LoadRequest[];
  /** Records created and deleted so far. */
  readonly created: { sections: number; episodes: number };
}

/** A deterministic generator (mulberry32), so runs with one seed send the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createWorkload(site: Site, token: string, random: () => number): Workload {
  const etags = new Map<string, string>();
  const pending = { sections: [] as number[], episodes: [] as number[] };
  const created = { sections: 0, episodes: 0 };
  let edits = 0;
  const total = MIX.reduce((s, m) => s + m.weight, 0);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const admin = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

  const document = (kind: 'pages' | 'feeds', path: string): LoadRequest => {
    const headers: Record<string, string> = { ...(kind === 'pages' ? BROWSER : FEED_READER) };
    const known = etags.get(path);
    const conditional = known !== undefined && random() < CONDITIONAL[kind];
    if (conditional) headers['if-none-match'] = known;
    return {
      kind,
      method: 'GET',
      path,
      headers,
      check(answer) {
        if (answer.status === 304 && conditional) return undefined;
        if (answer.status !== 200) return `unexpected status ${answer.status}`;
        const etag = answer.headers.etag;
        if (!etag) return '200 without an ETag';
        etags.set(path, etag);
        return lengthProblem(answer);
      },
    };
  };

  const range = (): LoadRequest => {
    const file = pick(site.media);
    const start = Math.floor(random() * file.size);
    const length = Math.floor(
      Math.exp(Math.log(RANGE_BYTES.min) + random() * Math.log(RANGE_BYTES.max / RANGE_BYTES.min)),
    );
    const end = Math.min(start + length - 1, file.size - 1);
    return {
      kind: 'media',
      method: 'GET',
      path: file.path,
      headers: { range: `bytes=${start}-${end}` },
      check(answer) {
        if (answer.status !== 206) return `unexpected status ${answer.status}`;
        const expected = `bytes ${start}-${end}/${file.size}`;
        if (answer.headers['content-range'] !== expected) return `content-range is not ${expected}`;
        if (answer.bytes !== end - start + 1)
          return `body of ${answer.bytes} bytes for a ${end - start + 1}-byte range`;
        return undefined;
      },
    };
  };

  const write = (
    method: string,
    path: string,
    expect: number,
    body?: unknown,
    onBody?: (json: { id: number }) => void,
  ): LoadRequest => ({
    kind: 'writes',
    method,
    path,
    headers: body === undefined ? { authorization: admin.authorization } : admin,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    keepBody: true,
    check(answer) {
      if (answer.status !== expect) return `${method} answered ${answer.status}, not ${expect}`;
      if (onBody) onBody(JSON.parse(answer.body?.toString('utf8') ?? '{}') as { id: number });
      return undefined;
    },
  });

  const createOrDelete = (which: 'sections' | 'episodes'): LoadRequest => {
    const id = pending[which].shift();
    if (id !== undefined) return write('DELETE', `/api/v1/${which}/${id}`, 204);
    const n = ++created[which];
    const body =
      which === 'sections'
        ? { slug: `load-section-${n}`, name: `Load ${n}`, description: 'Made by bench/load.ts', position: 50 }
        : {
            showId: site.show.id,
            slug: `load-draft-${n}`,
            title: `Load draft ${n}`,
            summary: 'Made by bench/load.ts',
          };
    return write('POST', `/api/v1/${which}`, 201, body, (json) => pending[which].push(json.id));
  };

  const make: Readonly<Record<(typeof MIX)[number]['name'], () => LoadRequest>> = {
    'home page': () => document('pages', site.home),
    'article page': () => document('pages', pick(site.articles).path),
    'show page': () => document('pages', site.show.path),
    'episode page': () => document('pages', pick(site.episodes).path),
    'podcast RSS': () => document('feeds', site.show.feed),
    'news RSS': () => document('feeds', site.newsFeeds[0] as string),
    'news Atom': () => document('feeds', site.newsFeeds[1] as string),
    'news JSON Feed': () => document('feeds', site.newsFeeds[2] as string),
    'media range': range,
    'PATCH episode': () => {
      const episode = pick(site.episodes);
      edits++;
      // Alternating titles and a counting summary: the row keeps its size, the catalogue version moves on.
      return write('PATCH', `/api/v1/episodes/${episode.id}`, 200, {
        title: edits % 2 === 0 ? episode.title : `${episode.title} (revised)`,
        summary: `${episode.summary} [edit ${edits}]`,
      });
    },
    'PATCH article': () => {
      const article = pick(site.articles);
      edits++;
      return write('PATCH', `/api/v1/articles/${article.id}`, 200, {
        standfirst: `${article.standfirst} [edit ${edits}]`,
      });
    },
    'section create/delete': () => createOrDelete('sections'),
    'draft episode create/delete': () => createOrDelete('episodes'),
  };

  return {
    created,
    next() {
      let roll = random() * total;
      for (const entry of MIX) {
        roll -= entry.weight;
        if (roll < 0) return make[entry.name]();
      }
      return range();
    },
    cleanup() {
      const deletes = (['sections', 'episodes'] as const).flatMap((which) =>
        pending[which].map((id) => write('DELETE', `/api/v1/${which}/${id}`, 204)),
      );
      pending.sections = [];
      pending.episodes = [];
      return deletes;
    },
  };
}

/** A 200 or 206 whose body is not as long as its Content-Length says. */
function lengthProblem(answer: Answer): string | undefined {
  const declared = answer.headers['content-length'];
  if (declared !== undefined && Number(declared) !== answer.bytes) {
    return `body of ${answer.bytes} bytes, Content-Length ${declared}`;
  }
  return undefined;
}
