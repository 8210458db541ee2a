// API token queries: by digest (with the owner), a user's tokens, create, revoke, and the last-used time.
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { type ApiToken, apiTokens, type User, users } from '../schema.ts';

export function insertApiTokenStatement(
  db: Database,
  token: { userId: number; name: string; tokenHash: string; prefix: string; now: Date },
) {
  return db
    .insert(apiTokens)
    .values({
      userId: token.userId,
      name: token.name,
      tokenHash: token.tokenHash,
      prefix: token.prefix,
      createdAt: token.now,
    })
    .returning();
}

export async function findTokenWithUser(
  db: Database,
  tokenHash: string,
): Promise<{ token: ApiToken; user: User } | undefined> {
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, tokenHash));
  return row;
}

export async function listUserTokens(db: Database, userId: number): Promise<ApiToken[]> {
  return db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

export function deleteTokenStatement(db: Database, userId: number, tokenId: number) {
  return db
    .delete(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId)))
    .returning({ id: apiTokens.id, name: apiTokens.name });
}

/** Sets last_used_at to `now` unless it was set after `notBefore` (so at most once a minute). */
export async function markTokenUsed(db: Database, id: number, now: Date, notBefore: Date): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, notBefore))));
}
