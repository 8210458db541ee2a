/** @jsxImportSource hono/jsx */
// /studio/account: the signed-in user's password, sessions (sign out everywhere) and API tokens.
import { type Context, Hono } from 'hono';
import { createApiToken, listApiTokens, revokeApiToken } from '../../catalog/accounts/api-tokens.ts';
import { changeOwnPassword } from '../../catalog/accounts/passwords.ts';
import { endUserSessions, listSessions } from '../../catalog/accounts/sessions.ts';
import type { AppEnv } from '../../deps.ts';
import { TooManyRequestsError } from '../../errors.ts';
import { clientAddress } from '../../http/client-address.ts';
import { clearSessionCookie } from '../../http/session-cookie.ts';
import { accountContext, signInLocation, studioOf } from '../../http/studio-session.ts';
import { AccountPage, type AccountProps } from '../../studio/account-page.tsx';
import { formErrorsOf } from '../../studio/form-errors.ts';
import { idParam } from './id-param.ts';
import { redirectDone, renderStudio, studioChrome } from './render.tsx';

const field = (value: unknown) => (typeof value === 'string' ? value : '');

/** The page for the signed-in user, with what a POST adds (a new token, or a form's errors). */
async function accountPage(
  c: Context<AppEnv>,
  extra: Pick<AccountProps, 'newToken' | 'errors'> = {},
  status: 200 | 400 | 403 | 404 | 409 | 429 = 200,
) {
  const studio = studioOf(c);
  const ctx = accountContext(c);
  const [sessions, tokens] = await Promise.all([
    listSessions(ctx, studio.user.id),
    listApiTokens(ctx, studio.user.id),
  ]);
  return renderStudio(
    c,
    <AccountPage
      chrome={studioChrome(c)}
      sessions={sessions}
      currentSession={studio.sessionHash}
      tokens={tokens}
      {...extra}
    />,
    status,
  );
}

export function accountRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/account', (c) => accountPage(c));

  routes.post('/account/password', async (c) => {
    const form = await c.req.parseBody();
    const studio = studioOf(c);
    try {
      await changeOwnPassword(accountContext(c), {
        userId: studio.user.id,
        current: field(form.current),
        next: field(form.next),
        keepSession: studio.sessionHash,
        client: clientAddress(c),
      });
    } catch (error) {
      const errors = formErrorsOf(error);
      const wait = error instanceof TooManyRequestsError ? error.context.retryAfterSeconds : undefined;
      if (typeof wait === 'number') c.header('retry-after', String(wait));
      return accountPage(c, { errors: { form: 'password', errors } }, errors.status);
    }
    return redirectDone(c, '/account', 'password-changed');
  });

  routes.post('/account/sign-out-everywhere', async (c) => {
    await endUserSessions(accountContext(c), studioOf(c).user.id);
    clearSessionCookie(c);
    return c.redirect(`${signInLocation(c)}?done=signed-out-everywhere`, 303);
  });

  routes.post('/account/tokens', async (c) => {
    const form = await c.req.parseBody();
    const name = field(form.name);
    try {
      const made = await createApiToken(accountContext(c), { userId: studioOf(c).user.id, name });
      // Shown in this answer only (no-store): never put in a URL or stored to show again.
      return accountPage(c, { newToken: { name: made.summary.name, token: made.token } });
    } catch (error) {
      const errors = formErrorsOf(error);
      return accountPage(c, { errors: { form: 'token', errors } }, errors.status);
    }
  });

  routes.post('/account/tokens/:id/revoke', async (c) => {
    try {
      await revokeApiToken(accountContext(c), studioOf(c).user.id, idParam(c.req.param('id')));
    } catch (error) {
      const errors = formErrorsOf(error);
      return accountPage(c, { errors: { form: 'token', errors } }, errors.status);
    }
    return redirectDone(c, '/account', 'token-revoked');
  });

  return routes;
}
