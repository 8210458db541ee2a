// Studio tests' client: a demo app with accounts, users made directly, and a signed-in browser-like client (cookie + CSRF token).
import type { Hono } from 'hono';
import type { PasswordPolicy } from '../../src/auth/password.ts';
import type { Role } from '../../src/auth/principal.ts';
import { createApiToken } from '../../src/catalog/accounts/api-tokens.ts';
import { addUser, getUserByEmail, type UserSummary } from '../../src/catalog/accounts/users.ts';
import type { AppEnv } from '../../src/deps.ts';
import { type AdminApp, BASE, openAdminApp } from './admin-client.ts';

/** Cheap hashing for tests (the format and checks are the same; only the cost differs). */
export const TEST_PASSWORDS: PasswordPolicy = { iterations: 1000 };
export const TEST_PASSWORD = 'correct horse battery';
/** The header the test app reads as the connection's peer address (the socket's, on Node). */
export const PEER_HEADER = 'x-test-peer';
export const DEFAULT_PEER = '192.0.2.10';

/** openAdminApp (ADMIN_TOKEN, settable clock, own media folder) with test password hashing and a settable peer. */
export async function openStudioApp(dir: string, vars: Record<string, string> = {}) {
  return openAdminApp(dir, vars, {
    passwords: TEST_PASSWORDS,
    peerAddress: (c) => c.req.header(PEER_HEADER) ?? DEFAULT_PEER,
  });
}

/** Adds a user straight through the use case (as `podwire user add` does). */
export async function createUser(
  app: AdminApp,
  email: string,
  role: Role,
  password = TEST_PASSWORD,
): Promise<UserSummary> {
  const { deps } = app.demo;
  return addUser(
    { db: deps.db, now: deps.now(), passwords: deps.passwords ?? TEST_PASSWORDS },
    { email, role, password },
  );
}

/** An API token for the user, made as the Account page makes it; returns the token (`pw_...`). */
export async function createToken(app: AdminApp, email: string, name = 'test'): Promise<string> {
  const { deps } = app.demo;
  const ctx = { db: deps.db, now: deps.now(), passwords: deps.passwords ?? TEST_PASSWORDS };
  const user = await getUserByEmail(ctx, email);
  return (await createApiToken(ctx, { userId: user.id, name })).token;
}

export type FormFields = Record<string, string | Blob>;

/** What a browser on this site sends with a form: its origin. */
const SAME_ORIGIN = { origin: BASE, 'sec-fetch-site': 'same-origin' };

/** A POST of `fields` as application/x-www-form-urlencoded, or multipart when a field is a Blob. */
export function formBody(fields: FormFields): FormData | URLSearchParams {
  if (Object.values(fields).some((v) => typeof v !== 'string')) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return form;
  }
  return new URLSearchParams(fields as Record<string, string>);
}

export interface StudioClient {
  readonly app: Hono<AppEnv>;
  readonly email: string;
  /** The `Cookie` header value this client sends. */
  readonly cookie: string;
  /** The session's CSRF token (from the page's meta tag). */
  readonly csrfToken: string;
  /** GET a path (such as /studio/account) as this user; redirects are not followed. */
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** POST a form as a same-origin browser would, `_csrf` added unless `fields` has one. */
  post(path: string, fields?: FormFields, headers?: Record<string, string>): Promise<Response>;
  /** Any request with the session cookie (nothing else added). */
  request(path: string, init?: RequestInit): Promise<Response>;
}

/** The session cookie's `name=value` from a response's Set-Cookie headers. */
export function sessionCookieOf(response: Response): string | undefined {
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(';')[0] as string;
    if (/^(__Host-)?podwire_session=./.test(pair)) return pair;
  }
  return undefined;
}

/** The CSRF token a studio page carries in `<meta name="csrf-token">`. */
export function csrfTokenOf(html: string): string | undefined {
  return /<meta name="csrf-token" content="([^"]+)"/.exec(html)?.[1];
}

/** Submits the sign-in form (no redirect followed). */
export function postSignIn(
  app: Hono<AppEnv>,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    app.request('/studio/sign-in', {
      method: 'POST',
      headers: { ...SAME_ORIGIN, ...headers },
      body: new URLSearchParams({ email, password }),
    }),
  );
}

/** Signs in through the form and returns a client holding the cookie and CSRF token. Throws if refused. */
export async function signIn(
  appOrAdmin: AdminApp | Hono<AppEnv>,
  email: string,
  password = TEST_PASSWORD,
  headers: Record<string, string> = {},
): Promise<StudioClient> {
  const app = 'demo' in appOrAdmin ? appOrAdmin.demo.app : appOrAdmin;
  const response = await postSignIn(app, email, password, headers);
  const cookie = sessionCookieOf(response);
  if (response.status !== 303 || !cookie) throw new Error(`sign-in as ${email} answered ${response.status}`);
  const request = async (path: string, init: RequestInit = {}) =>
    app.request(path, {
      ...init,
      headers: { ...headers, cookie, ...(init.headers as Record<string, string>) },
    });
  const dashboard = await request('/studio');
  const csrfToken = csrfTokenOf(await dashboard.text());
  if (!csrfToken) throw new Error('the dashboard carries no CSRF token');
  return {
    app,
    email,
    cookie,
    csrfToken,
    get: (path, extra = {}) => request(path, { headers: extra }),
    post: (path, fields = {}, extra = {}) =>
      request(path, {
        method: 'POST',
        headers: { ...SAME_ORIGIN, ...extra },
        body: formBody({ _csrf: csrfToken, ...fields }),
      }),
    request,
  };
}
