/** @jsxImportSource hono/jsx */
// The article editor as a response: the record, its form (as stored or as submitted), publication, image, episodes and history.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { listAuditEvents } from '../../../catalog/accounts/audit.ts';
import { articleViewOf, getArticle } from '../../../catalog/editor/articles.ts';
import { listSectionRecords } from '../../../catalog/editor/sections.ts';
import { listStudioEpisodes, studioEpisodesByIds, studioState } from '../../../catalog/studio/listings.ts';
import type { AppEnv } from '../../../deps.ts';
import { toDateTimeLocal } from '../../../domain/zoned-time.ts';
import { sitePath } from '../../../http/studio-session.ts';
import type { FieldErrors } from '../../../studio/form/field-errors.ts';
import { type FormValues, firstValue } from '../../../studio/form/form-values.ts';
import { articleFormValues } from '../../../studio/forms/article-form.ts';
import { ArticleEditor } from '../../../studio/screens/article-editor.tsx';
import { HistoryPanel } from '../../../studio/screens/history-panel.tsx';
import { PairingPanel } from '../../../studio/screens/pairing-panel.tsx';
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
  timeZoneOf,
} from './screen.tsx';

export interface ArticleScreenState {
  /** The form as submitted (a failed save); else as stored. */
  readonly values?: FormValues;
  readonly errors?: FieldErrors;
  readonly status?: ScreenStatus;
  readonly conflict?: Child;
  readonly refusal?: string;
  /** The schedule field as submitted, and its errors. */
  readonly at?: string;
  readonly publishErrors?: FieldErrors;
  readonly imageErrors?: FieldErrors;
  readonly pairingError?: string;
}

/** The sections as the form's choices. */
export async function sectionChoices(c: Context<AppEnv>) {
  return (await listSectionRecords(studioContext(c))).map((s) => ({ value: String(s.id), label: s.name }));
}

export async function articleScreen(c: Context<AppEnv>, id: number, state: ArticleScreenState = {}) {
  const ctx = studioContext(c);
  const record = await getArticle(ctx, id);
  const access = screenAccess(c, record.article, `article ${id}`);
  const view = articleViewOf(ctx, record);
  const etag = await etagOf(view);
  const timeZone = timeZoneOf(c);
  const [sections, paired, recent, history] = await Promise.all([
    sectionChoices(c),
    studioEpisodesByIds(ctx, record.episodeIds),
    listStudioEpisodes(ctx, { limit: 100 }),
    listAuditEvents(ctx, { entity: 'article', entityId: id, limit: 20 }),
  ]);
  const values = state.values ?? articleFormValues(view);
  const publishedAt = record.article.publishedAt;
  const path = `/articles/${id}`;
  const pairedIds = new Set(record.episodeIds);
  const item = (r: (typeof paired)[number]) => ({
    id: r.id,
    title: r.title,
    showTitle: r.parent,
    state: r.state,
  });
  const aside = (
    <>
      <PublicationPanel
        path={path}
        etag={etag}
        csrf={csrfOf(c)}
        state={studioState(record.article.status, publishedAt, ctx.now)}
        publishedAt={publishedAt}
        timeZone={timeZone}
        at={state.at ?? (publishedAt ? toDateTimeLocal(publishedAt, timeZone) : '')}
        errors={state.publishErrors ?? {}}
        mayPublish={mayPublish(c)}
        mayDelete={mayChange(c, record.article)}
        previewLinks={[
          ['Preview the page', `${sitePath(c)}/studio${path}/preview`],
          ['Preview the feed item', `${sitePath(c)}/studio${path}/preview/feed`],
        ]}
      />
      <UploadPanel
        title="Image"
        action={`${path}/image`}
        attach={`${sitePath(c)}/api/v1/articles/${id}/image`}
        check="image"
        label="Image file"
        accept="image/jpeg,image/png,image/webp"
        hint="JPEG, PNG or WebP. Describe it in the form's image description."
        csrf={csrfOf(c)}
        etag={etag}
        errors={state.imageErrors ?? {}}
      >
        {view.image ? (
          <img
            class="thumb"
            src={view.image.url}
            alt={view.imageAlt}
            width={view.image.width ?? undefined}
            height={view.image.height ?? undefined}
          />
        ) : (
          <p>No image.</p>
        )}
      </UploadPanel>
      <PairingPanel
        articleId={id}
        etag={etag}
        csrf={csrfOf(c)}
        paired={paired.map(item)}
        candidates={recent.rows.filter((r) => !pairedIds.has(r.id)).map(item)}
        error={state.pairingError}
      />
      <HistoryPanel entries={history} timeZone={timeZone} />
    </>
  );
  return screen(
    c,
    { title: `Article: ${view.headline}`, current: 'articles', status: state.status },
    <ArticleEditor
      article={view}
      etag={etag}
      values={values}
      errors={state.errors ?? {}}
      sanitizedBody={c.var.runtime.sanitize(firstValue(values, 'bodyHtml'))}
      sections={sections}
      csrf={csrfOf(c)}
      refusal={state.refusal}
      readOnly={access === 'read' ? READ_ONLY_NOTE : undefined}
      conflict={state.conflict}
      aside={aside}
    />,
  );
}
