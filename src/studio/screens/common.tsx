/** @jsxImportSource hono/jsx */
// Parts every content screen shares: breadcrumbs, a refusal, state badges, times in the site's zone, hidden form fields.
import type { Child } from 'hono/jsx';
import type { StudioState } from '../../catalog/studio/listings.ts';
import { formatDateTime } from '../../domain/dates.ts';
import { CsrfField } from '../forms.tsx';
import { useStudioBase } from './links.ts';

/** A request the actor's role does not allow, or one the catalogue refused (409): said, not hidden. */
export function Refusal(props: { text?: string }) {
  return props.text ? (
    <div class="refusal" role="alert">
      <p>{props.text}</p>
    </div>
  ) : null;
}

/**
 * The editor's two columns (form, and the panels beside it). Read-only: a note first, and the
 * columns in a disabled fieldset, which disables every form control in them, links staying live.
 */
export function Layout(props: { readOnly?: string; children: Child }) {
  if (!props.readOnly) return <div class="layout">{props.children}</div>;
  return (
    <>
      <p class="notice read-only-note" role="note">
        {props.readOnly}
      </p>
      <fieldset class="layout read-only" disabled aria-label="Read only">
        {props.children}
      </fieldset>
    </>
  );
}

/** `trail`: labels and paths below the studio's root (`['Articles', '/articles']`). */
export function Crumbs(props: { trail: readonly (readonly [string, string])[] }) {
  const base = useStudioBase();
  return (
    <nav class="crumbs" aria-label="Breadcrumb">
      <ol>
        {props.trail.map(([label, href]) => (
          <li>
            <a href={`${base}${href}`}>{label}</a>
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

/** The record's entity tag when the form was shown: the save is refused if it changed meanwhile (If-Match). */
export function EtagField(props: { etag: string }) {
  return <input type="hidden" name="etag" value={props.etag} />;
}

/** A form that posts to `action` (a path below the studio's root), with the CSRF token (and the ETag, for writes to one record). */
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
  const base = useStudioBase();
  return (
    <form
      method="post"
      action={`${base}${props.action}`}
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
