/** @jsxImportSource hono/jsx */
// /studio/sign-in and /studio/sign-out: the form, the attempt (401 on failure, 429 when throttled) and signing out.
import { Hono } from 'hono';
import { secretDigest } from '../../auth/secrets.ts';
import { sessionPolicyOf } from '../../catalog/accounts/context.ts';
import { endSession } from '../../catalog/accounts/sessions.ts';
import { signIn } from '../../catalog/accounts/sign-in.ts';
import type { AppEnv } from '../../deps.ts';
import { clientAddress } from '../../http/client-address.ts';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from '../../http/session-cookie.ts';
import {
  accountContext,
  findStudioSession,
  safeNext,
  signInLocation,
  studioOf,
} from '../../http/studio-session.ts';
import { SignInPage } from '../../studio/sign-in-page.tsx';
import { renderStudio, studioChrome } from './render.tsx';

/** The one message for every failed sign-in: it does not say whether the e-mail has an account. */
export const SIGN_IN_FAILED = 'That e-mail and password do not match an account.';

const field = (value: unknown) => (typeof value === 'string' ? value : '');

/** GET and POST /sign-in (no session needed). */
export function signInRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/sign-in', async (c) => {
    const next = safeNext(c, c.req.query('next'));
    if (await findStudioSession(c)) return c.redirect(next, 303);
    return renderStudio(c, <SignInPage chrome={studioChrome(c)} next={next} />);
  });

  routes.post('/sign-in', async (c) => {
    const form = await c.req.parseBody();
    const email = field(form.email).slice(0, 320);
    const password = field(form.password);
    const next = safeNext(c, field(form.next));
    const chrome = studioChrome(c);
    if (email.trim() === '' || password === '') {
      return renderStudio(
        c,
        <SignInPage chrome={chrome} next={next} email={email} error="Enter your e-mail and password." />,
        400,
      );
    }
    const ctx = accountContext(c);
    const result = await signIn(
      ctx,
      { email, password, client: clientAddress(c), userAgent: c.req.header('user-agent') },
      sessionPolicyOf(c.var.deps.config),
    );
    if (result.kind === 'throttled') {
      const minutes = Math.ceil(result.retryAfterSeconds / 60);
      return renderStudio(
        c,
        <SignInPage
          chrome={chrome}
          next={next}
          email={email}
          error={`Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`}
        />,
        429,
        { 'retry-after': String(result.retryAfterSeconds) },
      );
    }
    if (result.kind === 'failed') {
      return renderStudio(
        c,
        <SignInPage chrome={chrome} next={next} email={email} error={SIGN_IN_FAILED} />,
        401,
      );
    }
    // A fresh session id: any cookie the browser came with (planted or old) names nothing now.
    const old = readSessionCookie(c);
    if (old) await endSession(ctx, await secretDigest(old));
    writeSessionCookie(c, result.session.secret);
    return c.redirect(next, 303);
  });

  return routes;
}

/** POST /sign-out and /sign-out-everywhere (behind requireStudioUser and the CSRF token). */
export function signOutRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.post('/sign-out', async (c) => {
    await endSession(accountContext(c), studioOf(c).sessionHash);
    clearSessionCookie(c);
    return c.redirect(`${signInLocation(c)}?done=signed-out`, 303);
  });
  return routes;
}
