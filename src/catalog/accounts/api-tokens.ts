// API tokens: made per user (shown once, stored as a digest), listed, revoked, and resolved to their user's principal.
import type { Principal } from '../../auth/principal.ts';
import { randomSecret, secretDigest } from '../../auth/secrets.ts';
import type { Database } from '../../db/database.ts';
import {
  deleteTokenStatement,
  findTokenWithUser,
  insertApiTokenStatement,
  listUserTokens,
  markTokenUsed,
} from '../../db/queries/api-tokens.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { auditStatements } from './audit.ts';
import type { AccountContext } from './context.ts';
import { requireUserManager } from './users.ts';

/** Every podwire API token starts so: easy to tell apart from ADMIN_TOKEN, and for secret scanners to spot. */
export const TOKEN_PREFIX = 'pw_';
/** The characters shown in the studio to tell tokens apart (`pw_` and 7 more). */
const SHOWN_LENGTH = 10;
/** last_used_at is written at most this often. */
const MARK_USED_EVERY_MS = 60_000;

export interface ApiTokenSummary {
  readonly id: number;
  readonly name: string;
  readonly prefix: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
}

/** A user manages their own tokens; admins anyone's. */
function requireOwnerOrAdmin(ctx: AccountContext, userId: number): void {
  if (ctx.actor && ctx.actor.userId !== userId) requireUserManager(ctx);
}

/**
 * Makes a token for the user: `pw_` and 32 random bytes (base64url). Returned once, here; the
 * database keeps its SHA-256 and its first characters.
 */
export async function createApiToken(
  ctx: AccountContext,
  input: { userId: number; name: string },
): Promise<{ token: string; summary: ApiTokenSummary }> {
  requireOwnerOrAdmin(ctx, input.userId);
  const name = input.name.trim();
  if (name.length < 1 || name.length > 100) {
    throw new ValidationError('name the token (1 to 100 characters), such as "laptop" or "CI"', {
      context: { errors: ['name: give the token a name of 1 to 100 characters'] },
    });
  }
  const token = `${TOKEN_PREFIX}${randomSecret(32)}`;
  const [rows] = await ctx.db.batch([
    insertApiTokenStatement(ctx.db, {
      userId: input.userId,
      name,
      tokenHash: await secretDigest(token),
      prefix: token.slice(0, SHOWN_LENGTH),
      now: ctx.now,
    }),
    ...auditStatements(ctx, { entity: 'token', entityId: null, action: 'create', summary: name }),
  ]);
  const row = rows[0];
  if (!row) throw new Error('the token was not stored');
  return { token, summary: summaryOf(row) };
}

const summaryOf = (t: ApiTokenSummary): ApiTokenSummary => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt,
});

export async function listApiTokens(ctx: AccountContext, userId: number): Promise<ApiTokenSummary[]> {
  requireOwnerOrAdmin(ctx, userId);
  return (await listUserTokens(ctx.db, userId)).map(summaryOf);
}

/** Revokes one of the user's tokens: requests bearing it get 401 from now on. */
export async function revokeApiToken(ctx: AccountContext, userId: number, tokenId: number): Promise<void> {
  requireOwnerOrAdmin(ctx, userId);
  const [deleted] = await ctx.db.batch([
    deleteTokenStatement(ctx.db, userId, tokenId),
    ...auditStatements(ctx, { entity: 'token', entityId: tokenId, action: 'delete' }),
  ]);
  if (deleted.length === 0) throw new NotFoundError(`you have no token ${tokenId}`);
}

/**
 * The principal an API token acts as: its user, with the role they have now (a demoted user's
 * tokens are demoted too). Undefined for an unknown or revoked token. Marks it used, at most
 * once a minute.
 */
export async function principalForApiToken(
  ctx: { db: Database; now: Date },
  token: string,
): Promise<Principal | undefined> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return undefined;
  const found = await findTokenWithUser(ctx.db, await secretDigest(token));
  if (!found) return undefined;
  const { token: row, user } = found;
  const notBefore = new Date(ctx.now.getTime() - MARK_USED_EVERY_MS);
  if (!row.lastUsedAt || row.lastUsedAt.getTime() < notBefore.getTime()) {
    await markTokenUsed(ctx.db, row.id, ctx.now, notBefore);
  }
  return { userId: user.id, role: user.role, label: user.email };
}
