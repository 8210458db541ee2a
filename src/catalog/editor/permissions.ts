// What each role may do to content: admins and editors everything; contributors only their own drafts, never publishing.
import { mayEditAll } from '../../auth/principal.ts';
import { ForbiddenError } from '../../errors.ts';
import type { EditorContext } from './context.ts';

/** The user id recorded as a new item's creator (null: ADMIN_TOKEN, the CLI or the seed). */
export const creatorOf = (ctx: EditorContext): number | null => ctx.actor?.userId ?? null;

/** Whether the actor may change anything (no actor: the CLI, seed or a test, trusted). */
const editsAll = (ctx: EditorContext) => !ctx.actor || mayEditAll(ctx.actor);

/** Publishing, scheduling and unpublishing: admins and editors only. */
export function requirePublisher(ctx: EditorContext): void {
  if (!editsAll(ctx))
    throw new ForbiddenError('contributors cannot publish, schedule or unpublish: ask an editor');
}

/** Sections and shows belong to editors: `what` says what was attempted ("change sections"). */
export function requireEditor(ctx: EditorContext, what: string): void {
  if (!editsAll(ctx)) throw new ForbiddenError(`contributors cannot ${what}`);
}

/**
 * A contributor may change an article or episode only while it is a draft they created; editors
 * and admins any. `what` names the item in the message ("article 12").
 */
export function requireOwnDraft(
  ctx: EditorContext,
  item: { createdBy: number | null; status: string },
  what: string,
): void {
  if (editsAll(ctx)) return;
  if (item.createdBy === null || item.createdBy !== ctx.actor?.userId) {
    throw new ForbiddenError(`contributors can change only their own drafts, and ${what} is not yours`);
  }
  if (item.status !== 'draft') {
    throw new ForbiddenError(
      `contributors cannot edit a published or scheduled item (${what}): ask an editor`,
    );
  }
}

/**
 * The version a write must find: If-Match's when sent; for a contributor always the version their
 * right was checked against (their own draft), so an editor publishing it in between makes the
 * write fail (412) instead of changing a published item.
 */
export function guardedVersion(
  ctx: EditorContext,
  expected: number | undefined,
  checkedVersion: number,
): number | undefined {
  return expected ?? (editsAll(ctx) ? undefined : checkedVersion);
}
