// The episodes listening scenarios fetch, made through the admin API of a running podwire (Node or workerd alike).
import { audioFixture } from './admin-client.ts';
import type { EpisodeFile } from './listening-player.ts';
import type { FileName } from './listening-scenarios.ts';
import { taggedLongMp3 } from './tagged-long-mp3.ts';

/** The demo's first episode (1536 s at 16 kbit/s, so a minute is about 120 KB). */
const DEMO_EPISODE_ID = 1;
const DEMO_SHOW_ID = 1;
/** The long episode: 4 minutes behind a 2 MB tag, so a download needs well over 2 MB. */
export const LONG_SECONDS = 240;
export const LONG_TAG_BYTES = 2 * 1024 * 1024;

/** An episode's audio as the API describes it. */
export async function episodeFile(baseUrl: string, token: string, id: number): Promise<EpisodeFile> {
  const response = await fetch(`${baseUrl}/api/v1/episodes/${id}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.status !== 200) throw new Error(`episode ${id}: ${response.status} ${await response.text()}`);
  const { audio } = (await response.json()) as {
    audio: { url: string; sizeBytes: number; durationSeconds: number };
  };
  return {
    episodeId: id,
    path: new URL(audio.url).pathname,
    sizeBytes: audio.sizeBytes,
    durationSeconds: audio.durationSeconds,
  };
}

/**
 * The files of the scenarios: the demo episode, a long published episode and a draft, the last two
 * uploaded now (MAX_UPLOAD_BYTES must allow 5 MB).
 */
export async function prepareListeningFiles(
  baseUrl: string,
  token: string,
): Promise<Record<FileName, EpisodeFile>> {
  const call = async (method: string, path: string, body: BodyInit, type = 'application/json') => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body,
    });
    if (response.status >= 300)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: number };
  };
  // The demo show is serial: its episodes carry a number.
  const episode = (slug: string, title: string, number: number) =>
    call('POST', '/episodes', JSON.stringify({ showId: DEMO_SHOW_ID, slug, title, number }));
  const long = await episode('the-long-tide', 'The long tide', 3);
  const { bytes } = await taggedLongMp3(LONG_SECONDS, LONG_TAG_BYTES);
  await call('PUT', `/episodes/${long.id}/audio`, bytes as Uint8Array<ArrayBuffer>, 'audio/mpeg');
  await call('POST', `/episodes/${long.id}/publish`, '{}');
  const draft = await episode('harbour-draft-audio', 'Harbour (draft)', 4);
  const draftAudio = await audioFixture('mp3-cbr-info.mp3');
  await call('PUT', `/episodes/${draft.id}/audio`, draftAudio as Uint8Array<ArrayBuffer>, 'audio/mpeg');
  return {
    episode: await episodeFile(baseUrl, token, DEMO_EPISODE_ID),
    long: await episodeFile(baseUrl, token, long.id),
    draft: await episodeFile(baseUrl, token, draft.id),
  };
}
