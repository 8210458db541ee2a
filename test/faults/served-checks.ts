// After a restart, through the restarted server's HTTP API: the episodes as they are, their audio, and deletions.
import { createHash } from 'node:crypto';
import type { CatalogModel, EpisodeView } from './catalog-model.ts';
import { ADMIN_TOKEN } from './podwire-process.ts';

const AUTH = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** Every episode of the show, drafts included (the model keeps the show within one page). */
export async function observeEpisodes(server: string, showId: number): Promise<EpisodeView[]> {
  const response = await fetch(`${server}/api/v1/episodes?showId=${showId}`, { headers: AUTH });
  if (response.status !== 200) throw new Error(`listing episodes answered ${response.status}`);
  const list = (await response.json()) as { items: EpisodeView[]; total: number };
  if (list.total !== list.items.length)
    throw new Error(`the show has ${list.total} episodes: more than a page`);
  return list.items;
}

const pathOf = (url: string) => new URL(url).pathname;

/**
 * Audio of every episode (settled model): a published one's to anyone, a draft's to the admin, 200
 * with the right Content-Length and exactly the uploaded bytes; replaced URLs answer 301; every
 * other published episode's audio 200 with its Content-Length. Deleted episodes answer 404 in the
 * API and, if they were published, 410 at their page and audio URL.
 */
export async function checkServed(server: string, model: CatalogModel): Promise<string[]> {
  const problems: string[] = [];
  for (const episode of model.episodes.values()) {
    if (!episode.audio?.url) continue;
    const url = episode.audio.url;
    const response = await fetch(`${server}${pathOf(url)}`, { headers: episode.published ? {} : AUTH });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const length = response.headers.get('content-length');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (response.status !== 200 || length !== String(episode.audio.size) || sha256 !== episode.audio.sha256) {
      problems.push(
        `episode ${episode.id} (${episode.published ? 'published' : 'draft'}): ${url} answered ${response.status}, ` +
          `Content-Length ${length}, ${bytes.byteLength} bytes ${sha256 === episode.audio.sha256 ? '' : 'not '}of ${episode.audio.body}`,
      );
    }
    for (const old of episode.replacedUrls) {
      const moved = await fetch(`${server}${pathOf(old)}`, { headers: AUTH, redirect: 'manual' });
      await moved.body?.cancel();
      if (moved.status !== 301)
        problems.push(`episode ${episode.id}: replaced ${old} answered ${moved.status}, not 301`);
    }
  }
  // The other shows' published episodes (the demo's) are served too, whole.
  const published = await fetch(`${server}/api/v1/episodes`);
  for (const episode of ((await published.json()) as { items: EpisodeView[] }).items) {
    if (model.episodes.has(episode.id) || !episode.audio) continue;
    const head = await fetch(`${server}${pathOf(episode.audio.url)}`, { method: 'HEAD' });
    const length = head.headers.get('content-length');
    if (head.status !== 200 || length !== String(episode.audio.sizeBytes)) {
      problems.push(
        `episode ${episode.id}: ${episode.audio.url} answered ${head.status}, Content-Length ${length}`,
      );
    }
  }
  for (const gone of model.deleted.values()) {
    const api = await fetch(`${server}/api/v1/episodes/${gone.id}`, { headers: AUTH });
    await api.body?.cancel();
    if (api.status !== 404) problems.push(`deleted episode ${gone.id} answered ${api.status} in the API`);
    const wanted = gone.wasPublished ? 410 : 404;
    const paths = [
      `/podcasts/${model.showSlug}/${gone.slug}`,
      ...(gone.audioUrl ? [pathOf(gone.audioUrl)] : []),
    ];
    for (const path of paths) {
      const response = await fetch(`${server}${path}`, { headers: AUTH, redirect: 'manual' });
      await response.body?.cancel();
      if (response.status !== wanted) {
        problems.push(`deleted episode ${gone.id}: ${path} answered ${response.status}, not ${wanted}`);
      }
    }
  }
  return problems;
}
