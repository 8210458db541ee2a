/** @jsxImportSource hono/jsx */
// What every content screen's handlers share: the editor context with the signed-in actor, the form body, rendering in the studio frame, error answers.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { mayEditAll, type Principal } from '../../../auth/principal.ts';
import { type AuditEntity, listAuditEvents } from '../../../catalog/accounts/audit.ts';
import type { EditorContext } from '../../../catalog/editor/context.ts';
import { requireOwnDraft } from '../../../catalog/editor/permissions.ts';
import { viewEtag } from '../../../catalog/editor/record-version.ts';
import type { UploadContext } from '../../../catalog/editor/uploads.ts';
import type { PageContext } from '../../../catalog/pages/page-context.ts';
import type { AppEnv } from '../../../deps.ts';
import { ForbiddenError, NotFoundError, PodwireError } from '../../../errors.ts';
import { studioFormData } from '../../../http/studio-form-body.ts';
import { studioOf } from '../../../http/studio-session.ts';
import { studioHref } from '../../../studio/chrome.ts';
import { type FormValues, formValuesOf } from '../../../studio/form/form-values.ts';
import { StudioPage, type StudioSection } from '../../../studio/layout.tsx';
import { StudioBase } from '../../../studio/screens/links.ts';
import { changed, editorContext } from '../../api/openapi-helpers.ts';
import { pageContext } from '../../pages.tsx';
import { renderStudio, studioChrome } from '../render.tsx';

export type ScreenStatus = 200 | 400 | 403 | 404 | 409 | 412 | 413 | 415 | 422;

/** The signed-in user as the actor of the catalogue's use cases (roles checked there, writes audited). */
export function actorOf(c: Context<AppEnv>): Principal {
  const principal = c.var.principal;
  if (!principal) throw new Error('a content screen without requireStudioUser()');
  return principal;
}

export const studioContext = (c: Context<AppEnv>): EditorContext => ({
  ...editorContext(c),
  actor: actorOf(c),
});

export const studioUploadContext = (c: Context<AppEnv>): UploadContext => ({
  ...studioContext(c),
  media: c.var.deps.media,
  maxUploadBytes: c.var.deps.config.maxUploadBytes,
  instance: c.var.deps.instance ?? 'app',
});

export const studioPageContext = (c: Context<AppEnv>): PageContext => pageContext(c);

/** Publishes, unpublishes, deletes and edits everyone's work: editors and admins. */
export const mayPublish = (c: Context<AppEnv>) => mayEditAll(actorOf(c));

/**
 * Whether the actor may change (and delete) this article or episode, by the use cases' own rule
 * (catalog/editor/permissions.ts): screens show or hide their buttons by it, the use case decides.
 */
export function mayChange(c: Context<AppEnv>, item: { createdBy: number | null; status: string }): boolean {
  try {
    requireOwnDraft(studioContext(c), item, 'this item');
    return true;
  } catch {
    return false;
  }
}

/**
 * How the actor may use an article's or episode's screen: `edit`, or `read` (a contributor and an
 * item out of draft: shown, its forms disabled). Someone else's draft is none of a contributor's
 * business: 403, as the use cases answer when they try to change it.
 */
export function screenAccess(
  c: Context<AppEnv>,
  item: { createdBy: number | null; status: string },
  what: string,
): 'edit' | 'read' {
  const actor = actorOf(c);
  if (mayEditAll(actor)) return 'edit';
  if (item.status !== 'draft') return 'read';
  if (item.createdBy !== null && item.createdBy === actor.userId) return 'edit';
  throw new ForbiddenError(`contributors see only their own drafts, and ${what} is someone else’s draft`);
}

/** What a contributor is told on a screen they may read but not change. */
export const READ_ONLY_NOTE =
  'You can read this, not change it: contributors cannot edit a published or scheduled item. Ask an editor.';

export const csrfOf = (c: Context<AppEnv>) => studioOf(c).csrfToken;

export const timeZoneOf = (c: Context<AppEnv>) => c.var.deps.config.timeZone;

/** The record id in the path: decimal digits only (one spelling per record), else 404. */
export function idParam(c: Context<AppEnv>, name = 'id'): number {
  const text = c.req.param(name) ?? '';
  if (!/^[1-9]\d{0,14}$/.test(text)) throw new NotFoundError(`there is nothing at ${c.req.path}`);
  return Number(text);
}

/** The submitted form's text fields (the body was read once already, by the CSRF check); 415 for a body that is no form. */
export async function formOf(c: Context<AppEnv>): Promise<{ values: FormValues; form: FormData }> {
  const form = await studioFormData(c);
  return { values: formValuesOf(form), form };
}

/** The ETag the form carried (`etag` field), as the If-Match of the write. */
export const ifMatchOf = (values: FormValues) => {
  const etag = values.etag;
  return typeof etag === 'string' && etag !== '' ? { ifMatch: etag } : {};
};

export const etagOf = (view: unknown) => viewEtag(view);

/** Who saved the record last, by the audit trail (for "changed since you opened it"). */
export async function lastEditor(
  c: Context<AppEnv>,
  entity: AuditEntity,
  id: number,
): Promise<string | undefined> {
  const [last] = await listAuditEvents(studioContext(c), { entity, entityId: id, limit: 1 });
  return last?.actor;
}

/** A script asked (`Accept: application/json`): it gets JSON instead of a redirect or a page. */
export const wantsJson = (c: Context<AppEnv>) => /application\/json/.test(c.req.header('accept') ?? '');

/** A content screen in the studio frame, with links under the studio's root. */
export function screen(
  c: Context<AppEnv>,
  options: { title: string; current: StudioSection; status?: ScreenStatus; robots?: string },
  body: Child,
): Promise<Response> {
  const chrome = studioChrome(c);
  return renderStudio(
    c,
    <StudioBase.Provider value={studioHref(chrome)}>
      <StudioPage chrome={chrome} title={options.title} current={options.current}>
        {body}
      </StudioPage>
    </StudioBase.Provider>,
    options.status ?? 200,
  );
}

/** The error's status when a screen should show it (a person can act on it), else undefined (rethrow). */
export function shownStatus(error: unknown): ScreenStatus | undefined {
  if (!(error instanceof PodwireError)) return undefined;
  const status = error.status as ScreenStatus;
  return [400, 403, 404, 409, 412, 413, 415, 422].includes(status) ? status : undefined;
}

/** The message of an error a screen shows, as a sentence. */
export function sentence(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** Feeds and pages see a write at once (as after an API write). */
export { changed };

/** A page saying what went wrong with a request no form can take back (a missing record, a role refusal). */
export function problemScreen(c: Context<AppEnv>, status: ScreenStatus, error: unknown): Promise<Response> {
  const title = status === 404 ? 'Not found' : status === 403 ? 'Not allowed' : 'That did not work';
  return screen(
    c,
    { title, current: 'dashboard', status },
    <div class="screen">
      <h1>{title}</h1>
      <div class="refusal" role="alert">
        <p>{sentence(error)}</p>
      </div>
      <p>
        <a href={studioHref(studioChrome(c))}>Back to the dashboard</a>
      </p>
    </div>,
  );
}
