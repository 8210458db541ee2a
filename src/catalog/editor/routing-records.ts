// Redirects and gone paths written when editors rename or delete: old URLs answer 301 or 410, not 404.
import { eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../../db/database.ts';
import { gonePaths, redirects } from '../../db/schema.ts';

/**
 * Statements (for one batch with the rename) that send `from` to `to`: a new redirect, earlier
 * redirects to `from` repointed (no chains), and any redirect *from* `to` removed (a path given a
 * new life is served, not redirected).
 */
export function redirectStatements(db: Database, from: string, to: string, at: Date): BatchItem<'sqlite'>[] {
  return [
    db.delete(redirects).where(eq(redirects.fromPath, to)),
    db.update(redirects).set({ toPath: to }).where(eq(redirects.toPath, from)),
    db
      .insert(redirects)
      .values({ fromPath: from, toPath: to, createdAt: at })
      .onConflictDoUpdate({ target: redirects.fromPath, set: { toPath: to, createdAt: at } }),
    db.delete(gonePaths).where(eq(gonePaths.path, to)),
  ];
}

/** Statements marking `paths` gone (410) from `at`. */
export function goneStatements(db: Database, paths: readonly string[], at: Date): BatchItem<'sqlite'>[] {
  return paths.map((path) =>
    db
      .insert(gonePaths)
      .values({ path, goneAt: at })
      .onConflictDoUpdate({ target: gonePaths.path, set: { goneAt: sql`excluded.gone_at` } }),
  );
}

/** Where an old path now lives, if anywhere, and whether it is gone. */
export async function lookupMoved(
  db: Database,
  path: string,
): Promise<{ redirect?: string; gone?: boolean }> {
  const [redirect] = await db
    .select({ to: redirects.toPath })
    .from(redirects)
    .where(eq(redirects.fromPath, path));
  if (redirect) return { redirect: redirect.to };
  const [gone] = await db.select({ path: gonePaths.path }).from(gonePaths).where(eq(gonePaths.path, path));
  return gone ? { gone: true } : {};
}
