/** @jsxImportSource hono/jsx */
// The "Delete …?" screen of an article, episode, show or section: what goes, what else happens, and the button (or why not).
import type { Context } from 'hono';
import type { AppEnv } from '../../../deps.ts';
import { ConfirmDelete } from '../../../studio/screens/confirm-delete.tsx';
import { csrfOf, etagOf, READ_ONLY_NOTE, type ScreenStatus, screen } from './screen.tsx';

export interface DeleteScreen {
  /** The list it belongs to: its screen is `/<current>/<id>`. */
  readonly current: 'articles' | 'episodes' | 'shows' | 'sections';
  readonly noun: string;
  readonly id: number;
  readonly title: string;
  /** The record's view, for the If-Match the form carries. */
  readonly view: unknown;
  readonly goneUrls: readonly string[];
  readonly notes: readonly string[];
  /** Not the signed-in person's to delete (a published item for a contributor): 403 and the reason, no button. */
  readonly readOnly?: boolean;
  /** Why the last try was refused, and its status. */
  readonly blocked?: string;
  readonly status?: ScreenStatus;
}

/** Renders the confirmation in the studio frame. */
export async function deleteScreen(c: Context<AppEnv>, d: DeleteScreen): Promise<Response> {
  const path = `/${d.current}/${d.id}`;
  return screen(
    c,
    { title: `Delete ${d.title}`, current: d.current, status: d.status ?? (d.readOnly ? 403 : undefined) },
    <ConfirmDelete
      noun={d.noun}
      title={d.title}
      back={path}
      action={`${path}/delete`}
      csrf={csrfOf(c)}
      etag={await etagOf(d.view)}
      goneUrls={d.goneUrls}
      notes={d.notes}
      blocked={d.blocked ?? (d.readOnly ? READ_ONLY_NOTE : undefined)}
    />,
  );
}
