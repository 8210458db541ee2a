import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../src/auth/password.ts';
import { CLI_PRINCIPAL } from '../../../src/auth/principal.ts';
import { listAuditEvents } from '../../../src/catalog/accounts/audit.ts';
import type { AccountContext } from '../../../src/catalog/accounts/context.ts';
import { startSession, sweepAccounts } from '../../../src/catalog/accounts/sessions.ts';
import { signIn } from '../../../src/catalog/accounts/sign-in.ts';
import { addUser, changeUserRole, getUserByEmail, removeUser } from '../../../src/catalog/accounts/users.ts';
import { sessions, signInFailures, users } from '../../../src/db/schema.ts';
import { ForbiddenError } from '../../../src/errors.ts';
import type { Logger } from '../../../src/log.ts';
import type { LibsqlDb } from '../../../src/node/libsql-db.ts';
import { openTempDb } from '../../helpers/temp-db.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';

const POLICY = { idleMs: 30 * 60_000, maxMs: 24 * 3_600_000 };
const NOW = new Date('2026-11-01T12:00:00Z');

function captureLog() {
  const lines: { level: string; message: string; fields?: object }[] = [];
  const at = (level: string) => (message: string, fields?: object) => lines.push({ level, message, fields });
  const log: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { lines, log };
}

describe('account use cases', () => {
  const newDir = tempDirs();
  let opened: LibsqlDb;
  let ctx: AccountContext;

  beforeEach(async () => {
    opened = await openTempDb(await newDir());
    ctx = { db: opened.db, now: NOW, passwords: { iterations: 1000 } };
  });
  afterEach(() => opened.close());

  const storedHash = async (email: string) =>
    (await opened.db.select().from(users).where(eq(users.email, email)))[0]?.passwordHash as string;

  it('rehashes a password stored under weaker parameters at the next successful sign-in', async () => {
    await addUser(
      { ...ctx, passwords: { iterations: 500 } },
      { email: 'a@example.com', role: 'editor', password: 'long enough pw' },
    );
    expect(await storedHash('a@example.com')).toMatch(/^pbkdf2-sha256\$500\$/);
    const failed = await signIn(
      ctx,
      { email: 'a@example.com', password: 'wrong password', client: '1.2.3.4' },
      POLICY,
    );
    expect(failed.kind).toBe('failed');
    expect(await storedHash('a@example.com')).toMatch(/^pbkdf2-sha256\$500\$/);
    const ok = await signIn(
      ctx,
      { email: 'a@example.com', password: 'long enough pw', client: '1.2.3.4' },
      POLICY,
    );
    expect(ok.kind).toBe('signed-in');
    expect(await storedHash('a@example.com')).toMatch(/^pbkdf2-sha256\$1000\$/);
    expect(
      (await signIn(ctx, { email: 'a@example.com', password: 'long enough pw', client: '1.2.3.4' }, POLICY))
        .kind,
    ).toBe('signed-in');
  });

  it('fails a sign-in whose hash the runtime cannot compute with an error in the log saying how to fix it, not an exception', async () => {
    const { lines, log } = captureLog();
    await addUser(ctx, { email: 'node@example.com', role: 'admin', password: 'long enough pw' });
    await opened.db
      .update(users)
      .set({ passwordHash: await hashPassword('long enough pw', { iterations: 2000 }) })
      .where(eq(users.email, 'node@example.com'));
    const worker = { ...ctx, passwords: { iterations: 1000, maxIterations: 1000 }, log };
    const result = await signIn(
      worker,
      { email: 'node@example.com', password: 'long enough pw', client: 'x' },
      POLICY,
    );
    expect(result.kind).toBe('failed');
    const error = lines.find((l) => l.level === 'error');
    expect(error?.message).toBe('password hash cannot be checked on this runtime');
    expect(JSON.stringify(error?.fields)).toContain('podwire user passwd node@example.com --worker');
  });

  it('fails, with a logged error, a sign-in against a malformed stored hash', async () => {
    const { lines, log } = captureLog();
    await addUser(ctx, { email: 'b@example.com', role: 'editor', password: 'long enough pw' });
    await opened.db.update(users).set({ passwordHash: 'plaintext?' }).where(eq(users.email, 'b@example.com'));
    const result = await signIn(
      { ...ctx, log },
      { email: 'b@example.com', password: 'plaintext?', client: 'x' },
      POLICY,
    );
    expect(result.kind).toBe('failed');
    expect(lines.some((l) => l.message === 'stored password hash is malformed')).toBe(true);
  });

  it('sweeps sessions past their idle or absolute expiry and failures older than a day', async () => {
    const user = await addUser(ctx, { email: 'c@example.com', role: 'editor', password: 'long enough pw' });
    const summary = { id: user.id, email: user.email, name: '', role: user.role };
    await startSession(ctx, summary, POLICY);
    await startSession({ ...ctx, now: new Date(NOW.getTime() + 25 * 60_000) }, summary, POLICY);
    await signIn(ctx, { email: 'c@example.com', password: 'nope nope nope', client: 'x' }, POLICY);
    const later = new Date(NOW.getTime() + 40 * 60_000);
    expect(await sweepAccounts(opened.db, later, POLICY)).toEqual({ sessions: 1, failures: 0 });
    expect(await opened.db.select().from(sessions)).toHaveLength(1);
    const nextDay = new Date(NOW.getTime() + 25 * 3_600_000);
    expect(await sweepAccounts(opened.db, nextDay, POLICY)).toEqual({ sessions: 1, failures: 1 });
    expect(await opened.db.select().from(signInFailures)).toHaveLength(0);
  });

  it('lets only admins manage users, and records user management in the audit trail', async () => {
    const cli = { ...ctx, actor: CLI_PRINCIPAL };
    const admin = await addUser(cli, {
      email: 'admin@example.com',
      role: 'admin',
      password: 'long enough pw',
    });
    const editor = await addUser(cli, {
      email: 'ed@example.com',
      role: 'editor',
      password: 'long enough pw',
    });
    const asEditor = { ...ctx, actor: { userId: editor.id, role: 'editor' as const, label: editor.email } };
    await expect(
      addUser(asEditor, { email: 'x@example.com', role: 'admin', password: 'long enough pw' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeUserRole(asEditor, editor.id, 'admin')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeUser(asEditor, admin.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeUser(cli, admin.id)).rejects.toThrow(/last admin/);
    await changeUserRole(cli, editor.id, 'admin');
    await removeUser(cli, admin.id);
    expect((await getUserByEmail(ctx, 'ed@example.com')).role).toBe('admin');
    const events = await listAuditEvents(ctx, { entity: 'user' });
    // The refused remove left no trace; the rest is recorded, by the CLI.
    expect(events.map((e) => [e.actor, e.action, e.summary]).reverse()).toEqual([
      ['podwire CLI', 'create', 'admin@example.com as admin'],
      ['podwire CLI', 'create', 'ed@example.com as editor'],
      ['podwire CLI', 'update', 'role editor → admin'],
      ['podwire CLI', 'delete', 'admin@example.com'],
    ]);
  });
});
