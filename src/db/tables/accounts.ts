// users, sessions, api_tokens, sign_in_failures and audit_events: who may use the studio and the API, and what they did.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../../auth/principal.ts';
import { createdAt, oneOf, updatedAt, version } from './columns.ts';

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Lower-cased and trimmed when stored, so sign-in is case-insensitive. */
    email: text('email').notNull().unique(),
    /** Shown in the studio and the audit trail; the e-mail when empty. */
    name: text('name').notNull().default(''),
    role: text('role', { enum: ROLES }).notNull(),
    /**
     * The password hash with its algorithm and parameters (`pbkdf2-sha256$<iterations>$<salt>$<hash>`),
     * so the cost can be raised later: a sign-in under older parameters rehashes.
     */
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    check('users_email', sql`length(${t.email}) BETWEEN 3 AND 254 AND instr(${t.email}, '@') > 1`),
    check('users_role', oneOf('role', ROLES)),
    check('users_password_hash', sql`length(${t.passwordHash}) > 0`),
  ],
);

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 (hex) of the random id in the cookie: a copy of the database signs nobody in. */
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The per-session CSRF token every state-changing studio form carries. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    /** Idle expiry counts from here; refreshed (at most once a minute) as the session is used. */
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    /** Absolute expiry: the session ends then, however active. */
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    userAgent: text('user_agent').notNull().default(''),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expiry_idx').on(t.expiresAt)],
);

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** SHA-256 (hex) of the token: the token itself is shown once, when created. */
    tokenHash: text('token_hash').notNull().unique(),
    /** The token's first characters, so a user can tell tokens apart in the studio. */
    prefix: text('prefix').notNull(),
    createdAt: createdAt(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    check('api_tokens_name', sql`length(${t.name}) BETWEEN 1 AND 100`),
    index('api_tokens_user_idx').on(t.userId),
  ],
);

/** Failed sign-ins, for throttling (per account and client address) and the log; pruned after a day. */
export const signInFailures = sqliteTable(
  'sign_in_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The e-mail as typed (lower-cased), whether or not an account has it. */
    email: text('email').notNull(),
    /** The day's keyed hash of the client address (addressHashOfDay), never the address itself. */
    client: text('client').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('sign_in_failures_lookup_idx').on(t.email, t.client, t.at)],
);

/** The audit trail: who changed what, when. Kept when the user is removed (the label stays). */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The actor's e-mail at the time, or `ADMIN_TOKEN`. */
    actor: text('actor').notNull(),
    /** `article`, `episode`, `show`, `section`, `user`, `token`, `upload`. */
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    /** `create`, `update`, `delete`, `publish`, `unpublish`, `schedule`, `upload`, `pair`... */
    action: text('action').notNull(),
    /** A short human-readable line ("audio replaced", "title changed"). */
    summary: text('summary').notNull().default(''),
  },
  (t) => [index('audit_events_entity_idx').on(t.entity, t.entityId, t.at)],
);
