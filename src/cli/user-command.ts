// `podwire user add|passwd|list|remove|role`: manage studio users in the Node database, or the local Worker's D1 (--worker).
import { parseArgs } from 'node:util';
import { NODE_PASSWORD_POLICY, passwordProblem, WORKER_PASSWORD_POLICY } from '../auth/password.ts';
import { CLI_PRINCIPAL, isRole, ROLES, type Role } from '../auth/principal.ts';
import type { AccountContext } from '../catalog/accounts/context.ts';
import { setUserPassword } from '../catalog/accounts/passwords.ts';
import {
  addUser,
  changeUserRole,
  getUserByEmail,
  listUsers,
  normalizeEmail,
  removeUser,
} from '../catalog/accounts/users.ts';
import { ValidationError } from '../errors.ts';
import { type CliDatabaseEnvironment, openCliDatabase } from './cli-database.ts';

export const USER_USAGE = `Usage:
  podwire user add EMAIL --role admin|editor|contributor [--name NAME]   (password from stdin)
  podwire user passwd EMAIL                                               (password from stdin)
  podwire user role EMAIL admin|editor|contributor
  podwire user remove EMAIL
  podwire user list
Add --worker [--persist-to DIR] to act on the local Worker's database (npm run dev:worker).
On a terminal the password is asked for twice, without echo; otherwise it is the first line of stdin.`;

export interface UserIo {
  out(text: string): void;
  /** Reads the new password (never printed). */
  readPassword(): Promise<string>;
}

/** The settings and wrangler environment the database is opened with. */
export type UserEnvironment = CliDatabaseEnvironment;

interface Opened {
  readonly ctx: AccountContext;
  readonly where: string;
  close(): Promise<void>;
}

/** The database the command acts on, migrated, with the password policy of the runtime that will check it. */
async function openAccounts(
  options: { worker: boolean; persistTo?: string },
  env: UserEnvironment,
): Promise<Opened> {
  const opened = await openCliDatabase(options, env);
  // Hashed as the runtime will check it: WebCrypto PBKDF2 in workerd stops at 100,000 iterations.
  const passwords = opened.runtime === 'worker' ? WORKER_PASSWORD_POLICY : NODE_PASSWORD_POLICY;
  return {
    ctx: { db: opened.db, now: new Date(), passwords, actor: CLI_PRINCIPAL },
    where: opened.where,
    close: () => opened.close(),
  };
}

function parse(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        name: { type: 'string' },
        worker: { type: 'boolean', default: false },
        'persist-to': { type: 'string' },
      },
    });
  } catch (error) {
    throw new ValidationError(`${error instanceof Error ? error.message : String(error)}\n\n${USER_USAGE}`);
  }
}

function roleFrom(text: string | undefined): Role {
  if (text === undefined) throw new ValidationError(`--role is required: one of ${ROLES.join(', ')}`);
  if (!isRole(text)) throw new ValidationError(`role "${text}" is not one of ${ROLES.join(', ')}`);
  return text;
}

function onlyEmail(positionals: readonly string[], command: string, extra = ''): string {
  if (positionals.length !== 1) {
    throw new ValidationError(`usage: podwire user ${command} EMAIL${extra}`);
  }
  return normalizeEmail(positionals[0] as string);
}

/** Reads and checks the new password before anything is opened or written. */
async function newPassword(io: UserIo): Promise<string> {
  const password = await io.readPassword();
  const problem = passwordProblem(password);
  if (problem) throw new ValidationError(problem);
  return password;
}

/** Runs `podwire user ...`; returns the exit code (errors are thrown as PodwireErrors: message, exit 1). */
export async function runUser(args: readonly string[], io: UserIo, env: UserEnvironment): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === 'help' || command === '--help') {
    io.out(USER_USAGE);
    return command === undefined ? 2 : 0;
  }
  const { values, positionals } = parse(rest);
  const target = { worker: values.worker === true, persistTo: values['persist-to'] };
  if (target.persistTo !== undefined && !target.worker)
    throw new ValidationError('--persist-to goes with --worker');
  let run: (opened: Opened) => Promise<void>;
  switch (command) {
    case 'add': {
      const email = onlyEmail(positionals, 'add', ' --role ROLE');
      const role = roleFrom(values.role);
      const password = await newPassword(io);
      run = async ({ ctx, where }) => {
        const user = await addUser(ctx, { email, role, password, name: values.name });
        io.out(`added ${user.email} (${user.role}) to ${where}`);
      };
      break;
    }
    case 'passwd': {
      const email = onlyEmail(positionals, 'passwd');
      const password = await newPassword(io);
      run = async ({ ctx }) => {
        const user = await getUserByEmail(ctx, email);
        await setUserPassword(ctx, user.id, password);
        io.out(`password of ${user.email} set; their sessions are signed out`);
      };
      break;
    }
    case 'role': {
      const [email, role] = positionals;
      if (positionals.length !== 2) throw new ValidationError('usage: podwire user role EMAIL ROLE');
      const newRole = roleFrom(role);
      run = async ({ ctx }) => {
        const user = await changeUserRole(ctx, (await getUserByEmail(ctx, email as string)).id, newRole);
        io.out(`${user.email} is now ${user.role}`);
      };
      break;
    }
    case 'remove': {
      const email = onlyEmail(positionals, 'remove');
      run = async ({ ctx }) => {
        const user = await removeUser(ctx, (await getUserByEmail(ctx, email)).id);
        io.out(`removed ${user.email}`);
      };
      break;
    }
    case 'list': {
      if (positionals.length > 0) throw new ValidationError('usage: podwire user list');
      run = async ({ ctx, where }) => {
        const users = await listUsers(ctx);
        if (users.length === 0) io.out(`no users in ${where} yet: podwire user add EMAIL --role admin`);
        for (const u of users) {
          io.out(`${u.email}\t${u.role}\t${u.name}\t${u.createdAt.toISOString().slice(0, 10)}`);
        }
      };
      break;
    }
    default:
      throw new ValidationError(`unknown user command "${command}"\n\n${USER_USAGE}`);
  }
  const opened = await openAccounts(target, env);
  try {
    await run(opened);
  } finally {
    await opened.close();
  }
  return 0;
}
