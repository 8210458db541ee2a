/** @jsxImportSource hono/jsx */
// A refused save of an edit form: the form again with the refusal's message, or (a stale If-Match, 412) with both versions side by side.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AuditEntity } from '../../../catalog/accounts/audit.ts';
import type { AppEnv } from '../../../deps.ts';
import { PreconditionFailedError } from '../../../errors.ts';
import type { FieldErrors } from '../../../studio/form/field-errors.ts';
import type { FormValues } from '../../../studio/form/form-values.ts';
import { ConflictNotice } from '../../../studio/screens/conflict-compare.tsx';
import { lastEditor, type ScreenStatus, timeZoneOf } from './screen.tsx';
import { writeRefused } from './write-outcome.ts';

/** What the edit screen shows again: the refusal beside its field, or the conflict notice. */
export interface RefusedEdit {
  readonly status: ScreenStatus;
  readonly errors?: FieldErrors;
  readonly conflict?: Child;
}

/** The version saved meanwhile, for the conflict notice (see ConflictNotice for `fields`, `checkboxes`). */
export interface SavedMeanwhile {
  readonly entity: AuditEntity;
  readonly id: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly fields?: readonly string[];
  readonly checkboxes?: readonly string[];
  /** Theirs as the form shows it, and when it was saved (ISO 8601). */
  readonly theirs: FormValues;
  readonly updatedAt: string;
}

/**
 * The answer to a refused save: `again` renders the edit screen with the submitted `yours` and what
 * went wrong; on a stale If-Match, `meanwhile` loads the saved version for the comparison. Failures
 * of the server are rethrown (see writeRefused).
 */
export async function editRefused(
  c: Context<AppEnv>,
  error: unknown,
  yours: FormValues,
  again: (refused: RefusedEdit) => Response | Promise<Response>,
  meanwhile: () => Promise<SavedMeanwhile>,
): Promise<Response> {
  const refused = writeRefused(error);
  if (!(error instanceof PreconditionFailedError)) {
    return again({ errors: refused.errors, status: refused.status });
  }
  const saved = await meanwhile();
  const conflict = (
    <ConflictNotice
      labels={saved.labels}
      fields={saved.fields}
      checkboxes={saved.checkboxes}
      theirs={saved.theirs}
      yours={yours}
      savedBy={await lastEditor(c, saved.entity, saved.id)}
      savedAt={new Date(saved.updatedAt)}
      timeZone={timeZoneOf(c)}
    />
  );
  return again({ status: 412, conflict });
}
