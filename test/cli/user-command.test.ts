import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/auth/password.ts';
import { runUser } from '../../src/cli/user-command.ts';
import { parseConfig } from '../../src/config.ts';
import { users } from '../../src/db/schema.ts';
import { PodwireError } from '../../src/errors.ts';
import { createLibsqlDb } from '../../src/node/libsql-db.ts';
import { collect, REPO_ROOT } from '../helpers/spawn-podwire.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

const PASSWORD = 'a long enough secret';

/** Runs the real `podwire` bin script with `stdin` piped in (not a terminal). */
function podwire(args: string[], env: Record<string, string>, stdin = '') {
  const child = spawn(process.execPath, ['src/cli/podwire.js', 'user', ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin?.end(stdin);
  return collect(child);
}

async function storedHash(dbFile: string, email: string): Promise<string | undefined> {
  const opened = await createLibsqlDb(`file:${dbFile}`);
  try {
    const rows = await opened.db.select().from(users);
    return rows.find((u) => u.email === email)?.passwordHash;
  } finally {
    opened.close();
  }
}

describe('podwire user', () => {
  const newDir = tempDirs();
  const setup = async () => {
    const dir = await newDir();
    const file = join(dir, 'u.db');
    return { file, env: { DATABASE_URL: `file:${file}` } };
  };

  it('adds a user with the password from stdin, never printing it, stored as a PBKDF2 hash at 600,000 iterations', async () => {
    const { file, env } = await setup();
    const added = await podwire(['add', ' Admin@Example.com', '--role', 'admin'], env, `${PASSWORD}\n`);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^added admin@example\.com \(admin\)/);
    expect(`${added.stdout}${added.stderr}`).not.toContain(PASSWORD);
    const hash = (await storedHash(file, 'admin@example.com')) as string;
    expect(hash).toMatch(/^pbkdf2-sha256\$600000\$/);
    expect(hash).not.toContain(PASSWORD);
    expect((await verifyPassword(PASSWORD, hash, { iterations: 600_000 })).ok).toBe(true);
    const listed = await podwire(['list'], env);
    expect(listed.stdout).toMatch(/^admin@example\.com\tadmin\t/m);
  });

  it('takes only the first line of stdin (a trailing CR too), and refuses a short or missing password', async () => {
    const { file, env } = await setup();
    expect(
      (await podwire(['add', 'a@example.com', '--role', 'editor'], env, `${PASSWORD}\r\nsecond line\n`)).code,
    ).toBe(0);
    expect(
      (await verifyPassword(PASSWORD, (await storedHash(file, 'a@example.com')) as string, { iterations: 1 }))
        .ok,
    ).toBe(true);
    const short = await podwire(['add', 'b@example.com', '--role', 'editor'], env, 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 10 characters/);
    expect(short.stderr).not.toContain('short\n');
    const none = await podwire(['add', 'b@example.com', '--role', 'editor'], env, '');
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no password on standard input/);
    expect(await storedHash(file, 'b@example.com')).toBeUndefined();
  });

  it('explains bad arguments with a message (exit 1 through the CLI) before asking for a password', async () => {
    const { env } = await setup();
    const environment = { config: () => parseConfig(env), wranglerEnv: {} };
    const cases: [string[], RegExp][] = [
      [['add', 'x@example.com'], /--role is required/],
      [['add', 'x@example.com', '--role', 'owner'], /role "owner" is not one of admin, editor, contributor/],
      [['add', 'not-an-email', '--role', 'editor'], /is not an e-mail address/],
      [['add', 'x@example.com', '--role', 'editor', '--colour', 'red'], /Unknown option '--colour'/],
      [['add', 'x@example.com', 'y@example.com', '--role', 'editor'], /usage: podwire user add EMAIL/],
      [['list', '--persist-to', 'x'], /--persist-to goes with --worker/],
      [['frob'], /unknown user command "frob"/],
      [['remove', 'ghost@example.com'], /there is no user ghost@example\.com/],
    ];
    for (const [args, message] of cases) {
      let asked = false;
      const io = {
        out: () => {},
        readPassword: async () => {
          asked = true;
          return PASSWORD;
        },
      };
      const failure = await runUser(args, io, environment).catch((error: unknown) => error);
      expect(failure, args.join(' ')).toBeInstanceOf(PodwireError);
      expect((failure as Error).message, args.join(' ')).toMatch(message);
      if (args[0] === 'add') expect(asked, args.join(' ')).toBe(false);
    }
    const twice = await podwire(['add', 'dup@example.com', '--role', 'editor'], env, `${PASSWORD}\n`);
    expect(twice.code).toBe(0);
    const again = await podwire(['add', 'DUP@example.com', '--role', 'admin'], env, `${PASSWORD}\n`);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^podwire: a user with e-mail dup@example\.com already exists/);
  });

  it('changes a password, a role, and removes users, but never the last admin', async () => {
    const { file, env } = await setup();
    await podwire(['add', 'admin@example.com', '--role', 'admin'], env, `${PASSWORD}\n`);
    const passwd = await podwire(['passwd', 'admin@example.com'], env, 'another fine password\n');
    expect(passwd.code).toBe(0);
    expect(passwd.stdout).not.toContain('another fine password');
    const hash = (await storedHash(file, 'admin@example.com')) as string;
    expect((await verifyPassword('another fine password', hash, { iterations: 1 })).ok).toBe(true);

    const lastRemove = await podwire(['remove', 'admin@example.com'], env);
    expect(lastRemove.code).toBe(1);
    expect(lastRemove.stderr).toMatch(/last admin/);
    // The rest in-process (the same code, without a process start each).
    const lines: string[] = [];
    const io = { out: (text: string) => lines.push(text), readPassword: async () => PASSWORD };
    const run = (args: string[]) => runUser(args, io, { config: () => parseConfig(env), wranglerEnv: {} });
    await expect(run(['role', 'admin@example.com', 'editor'])).rejects.toThrow(/last admin/);
    await run(['add', 'second@example.com', '--role', 'editor']);
    await run(['role', 'second@example.com', 'admin']);
    await run(['remove', 'admin@example.com']);
    await run(['list']);
    expect(lines.slice(-3, -1)).toEqual(['second@example.com is now admin', 'removed admin@example.com']);
    expect(lines.at(-1)).toMatch(/^second@example\.com\tadmin\t/);
  });
});

describe('podwire user on a terminal', () => {
  const newDir = tempDirs();

  it('prompts twice without echoing what is typed', async () => {
    const dir = await newDir();
    const file = join(dir, 't.db');
    const command = `'${process.execPath}' src/cli/podwire.js user add tty@example.com --role editor`;
    // `script` runs the command on a pseudo-terminal, as a person at a terminal would.
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: `file:${file}`, TERM: 'dumb' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    const waitFor = async (text: string, from: number) => {
      for (let i = 0; i < 300 && output.indexOf(text, from) < 0; i++)
        await new Promise((r) => setTimeout(r, 50));
      return output.indexOf(text, from);
    };
    child.stdout?.on('data', (d) => {
      output += d;
    });
    const first = await waitFor('Password: ', 0);
    expect(first).toBeGreaterThanOrEqual(0);
    child.stdin?.write(`${PASSWORD}\r`);
    expect(await waitFor('Password again: ', first)).toBeGreaterThan(first);
    child.stdin?.write(`${PASSWORD}\r`);
    const done = await collect(child);
    child.stdin?.end();
    expect(done.code).toBe(0);
    expect(output).toMatch(/added tty@example\.com \(editor\)/);
    expect(output).not.toContain(PASSWORD);
    expect(
      (
        await verifyPassword(PASSWORD, (await storedHash(file, 'tty@example.com')) as string, {
          iterations: 1,
        })
      ).ok,
    ).toBe(true);
  });
});
