/** @jsxImportSource hono/jsx */
// The episode editor as a response: the form, publication, audio with its probed facts, artwork, transcript, chapters and history.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { listAuditEvents } from '../../../catalog/accounts/audit.ts';
import { episodeViewOf, getEpisode } from '../../../catalog/editor/episodes.ts';
import { listShowRecords } from '../../../catalog/editor/shows.ts';
import { loadChapters } from '../../../catalog/pages/episode-documents.ts';
import { studioState } from '../../../catalog/studio/listings.ts';
import type { AppEnv } from '../../../deps.ts';
import { toDateTimeLocal } from '../../../domain/zoned-time.ts';
import { sitePath } from '../../../http/studio-session.ts';
import type { FieldErrors } from '../../../studio/form/field-errors.ts';
import { type FormValues, firstValue } from '../../../studio/form/form-values.ts';
import { chapterLine } from '../../../studio/forms/chapters-form.ts';
import { episodeFormValues } from '../../../studio/forms/episode-form.ts';
import { AudioFacts } from '../../../studio/screens/audio-facts.tsx';
import { ChaptersPanel } from '../../../studio/screens/chapters-panel.tsx';
import { EpisodeEditor } from '../../../studio/screens/episode-editor.tsx';
import { HistoryPanel } from '../../../studio/screens/history-panel.tsx';
import { ListeningLinkPanel } from '../../../studio/screens/listening-link-panel.tsx';
import { PublicationPanel } from '../../../studio/screens/publication-panel.tsx';
import { UploadPanel } from '../../../studio/screens/upload-panel.tsx';
import {
  csrfOf,
  etagOf,
  mayChange,
  mayPublish,
  READ_ONLY_NOTE,
  type ScreenStatus,
  screen,
  screenAccess,
  studioContext,
  studioPageContext,
  timeZoneOf,
} from './screen.tsx';

/** The files an episode's screen uploads, each with its own panel and its own errors. */
export type EpisodeFileField = 'audio' | 'image' | 'transcript';

export interface EpisodeScreenState {
  readonly values?: FormValues;
  readonly errors?: FieldErrors;
  readonly status?: ScreenStatus;
  readonly conflict?: Child;
  readonly refusal?: string;
  readonly at?: string;
  readonly publishErrors?: FieldErrors;
  readonly fileErrors?: { readonly field: EpisodeFileField; readonly errors: FieldErrors };
  readonly chapters?: { readonly lines: string; readonly errors: FieldErrors };
}

export async function showChoices(c: Context<AppEnv>) {
  return (await listShowRecords(studioContext(c))).map((r) => ({
    value: String(r.show.id),
    label: r.show.title,
  }));
}

export async function episodeScreen(c: Context<AppEnv>, id: number, state: EpisodeScreenState = {}) {
  const ctx = studioContext(c);
  const record = await getEpisode(ctx, id);
  const access = screenAccess(c, record.episode, `episode ${id}`);
  const view = episodeViewOf(ctx, record);
  const etag = await etagOf(view);
  const timeZone = timeZoneOf(c);
  const fromAudio = record.audio?.chapters ?? [];
  const [history, chapters] = await Promise.all([
    listAuditEvents(ctx, { entity: 'episode', entityId: id, limit: 20 }),
    loadChapters(studioPageContext(c), record.chapters, fromAudio),
  ]);
  const path = `/episodes/${id}`;
  const api = `${sitePath(c)}/api/v1${path}`;
  const errorsFor = (field: EpisodeFileField) =>
    state.fileErrors?.field === field ? state.fileErrors.errors : {};
  const upload = { csrf: csrfOf(c), etag };
  const publishedAt = record.episode.publishedAt;
  const aside = (
    <>
      <PublicationPanel
        path={path}
        etag={etag}
        csrf={csrfOf(c)}
        state={studioState(record.episode.status, publishedAt, ctx.now)}
        publishedAt={publishedAt}
        timeZone={timeZone}
        at={state.at ?? (publishedAt ? toDateTimeLocal(publishedAt, timeZone) : '')}
        errors={state.publishErrors ?? {}}
        mayPublish={mayPublish(c)}
        mayDelete={mayChange(c, record.episode)}
        previewLinks={[
          ['Preview the episode page', `${sitePath(c)}/studio${path}/preview`],
          ['Preview the feed item', `${sitePath(c)}/studio${path}/preview/feed`],
        ]}
      />
      <UploadPanel
        {...upload}
        title="Audio"
        action={`${path}/audio`}
        attach={`${api}/audio`}
        check="audio"
        label="Audio file"
        accept="audio/*,.mp3,.m4a,.ogg,.opus,.flac,.wav,.aiff"
        hint={`MP3, AAC/M4A, Ogg, Opus, FLAC, WAV or AIFF; probed when it arrives. Without JavaScript, files up to ${Math.floor(c.var.deps.config.maxBodyBytes / 1048576)} MB.`}
        errors={errorsFor('audio')}
      >
        <AudioFacts
          audio={
            view.audio && record.audio
              ? {
                  ...view.audio,
                  chapters: record.audio.chapters.map((ch) => ({
                    startSeconds: ch.startSeconds,
                    title: ch.title,
                  })),
                }
              : null
          }
        />
      </UploadPanel>
      <ChaptersPanel
        episodeId={id}
        {...upload}
        lines={state.chapters?.lines ?? chapters.map(chapterLine).join('\n')}
        source={record.chapters ? 'file' : fromAudio.length > 0 ? 'audio' : 'none'}
        errors={state.chapters?.errors ?? {}}
      />
      <UploadPanel
        {...upload}
        title="Transcript"
        action={`${path}/transcript`}
        attach={`${api}/transcript`}
        check="document"
        label="Transcript file"
        accept=".vtt,.srt,.json,.html,text/vtt,application/x-subrip,application/json,text/html"
        hint="WebVTT, SRT, JSON or HTML."
        errors={errorsFor('transcript')}
      >
        {view.transcript ? (
          <p>
            <a href={view.transcript.url}>The stored transcript</a> ({view.transcript.mimeType})
          </p>
        ) : (
          <p>No transcript.</p>
        )}
      </UploadPanel>
      <UploadPanel
        {...upload}
        title="Episode artwork"
        action={`${path}/image`}
        attach={`${api}/image`}
        check="artwork"
        label="Episode artwork file"
        accept="image/jpeg,image/png"
        hint="Optional (the show’s artwork otherwise): square JPEG or PNG, 1400–3000 pixels."
        errors={errorsFor('image')}
      >
        {view.image ? (
          <img class="thumb" src={view.image.url} alt={`Artwork of ${view.title}`} />
        ) : (
          <p>The show’s artwork.</p>
        )}
      </UploadPanel>
      <ListeningLinkPanel path={path} what="episode" />
      <HistoryPanel entries={history} timeZone={timeZone} />
    </>
  );
  const values = state.values ?? episodeFormValues(view);
  return screen(
    c,
    { title: `Episode: ${view.title}`, current: 'episodes', status: state.status },
    <EpisodeEditor
      episode={view}
      etag={etag}
      values={values}
      errors={state.errors ?? {}}
      sanitizedNotes={c.var.runtime.sanitize(firstValue(values, 'contentHtml'))}
      shows={[]}
      csrf={csrfOf(c)}
      refusal={state.refusal}
      readOnly={access === 'read' ? READ_ONLY_NOTE : undefined}
      conflict={state.conflict}
      aside={aside}
    />,
  );
}
