/** @jsxImportSource hono/jsx */
// Parts every content screen shares: breadcrumbs, the flash notice, a refusal, state badges, times in the site's zone, hidden form fields.
import type { Child } from 'hono/jsx';
import type { StudioState } from '../../catalog/studio/listings.ts';
import { formatDateTime } from '../../domain/dates.ts';

/** What a redirect after a successful POST says (`?notice=<code>`): fixed texts, so nothing a URL carries is echoed. */
export const NOTICES = {
  created: 'Created.',
  saved: 'Saved.',
  published: 'Published.',
  scheduled: 'Scheduled.',
  unpublished: 'Taken back to draft.',
  deleted: 'Deleted.',
  paired: 'Episodes updated.',
  uploaded: 'File stored.',
  reordered: 'Order saved.',
} as const;

export type NoticeCode = keyof typeof NOTICES;

export const noticeOf = (code: string | undefined): string | undefined =>
  code !== undefined && Object.hasOwn(NOTICES, code) ? NOTICES[code as NoticeCode] : undefined;

export function Notice(props: { text?: string }) {
  return props.text ? (
    <p class="notice" role="status">
      {props.text}
    </p>
  ) : null;
}

/** A request the actor's role does not allow, or one the catalogue refused (409): said, not hidden. */
export function Refusal(props: { text?: string }) {
  return props.text ? (
    <div class="refusal" role="alert">
      <p>{props.text}</p>
    </div>
  ) : null;
}

export function Crumbs(props: { trail: readonly (readonly [string, string])[] }) {
  return (
    <nav class="crumbs" aria-label="Breadcrumb">
      <ol>
        {props.trail.map(([label, href]) => (
          <li>
            <a href={href}>{label}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

const STATE_LABELS: Record<StudioState, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  published: 'Published',
};

export function StateBadge(props: { state: StudioState }) {
  return <span class={`state state-${props.state}`}>{STATE_LABELS[props.state]}</span>;
}

/** A time as the site shows it, in TIME_ZONE, machine-readable too. */
export function When(props: { at: Date; timeZone: string }) {
  return <time datetime={props.at.toISOString()}>{formatDateTime(props.at, props.timeZone)}</time>;
}

/** The per-session CSRF token every state-changing form carries (checked by the studio's middleware). */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/** The record's entity tag when the form was shown: the save is refused if it changed meanwhile (If-Match). */
export function EtagField(props: { etag: string }) {
  return <input type="hidden" name="etag" value={props.etag} />;
}

/** A form that posts to `action`, with the CSRF token (and the ETag, for writes to one record). */
export function PostForm(props: {
  action: string;
  csrf: string;
  etag?: string;
  class?: string;
  id?: string;
  label?: string;
  multipart?: boolean;
  children: Child;
}) {
  return (
    <form
      method="post"
      action={props.action}
      class={props.class}
      id={props.id}
      aria-label={props.label}
      enctype={props.multipart ? 'multipart/form-data' : undefined}
    >
      <CsrfField token={props.csrf} />
      {props.etag ? <EtagField etag={props.etag} /> : null}
      {props.children}
    </form>
  );
}
