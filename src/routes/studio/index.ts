// The studio at /studio: assets, sign-in, then everything behind a session and the CSRF checks.
import { Hono } from 'hono';
import type { AppEnv } from '../../deps.ts';
import { evaluatePreconditions } from '../../http/conditional.ts';
import { requireCsrfToken, studioOriginCheck } from '../../http/studio-csrf.ts';
import { readableForms } from '../../http/studio-form-body.ts';
import { studioHeaders } from '../../http/studio-headers.ts';
import { requireStudioUser } from '../../http/studio-session.ts';
import { findStudioAsset } from '../../studio/assets/studio-assets.ts';
import { accountRoutes } from './account.tsx';
import { contentRoutes } from './content/index.ts';
import { dashboardRoutes } from './dashboard.tsx';
import { signInRoutes, signOutRoutes } from './sign-in.tsx';
import { usersRoutes } from './users.tsx';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Mounted at /studio by createApp. */
export function studioRoutes(): Hono<AppEnv> {
  const studio = new Hono<AppEnv>();

  // Content-hashed, public and cacheable for a year: registered before the no-store headers.
  studio.on(['GET', 'HEAD'], '/assets/:file', (c) => {
    const asset = findStudioAsset(`/studio/assets/${c.req.param('file')}`);
    if (!asset) return c.notFound();
    const headers = {
      'content-type': asset.contentType,
      'cache-control': IMMUTABLE,
      etag: asset.etag,
      'x-content-type-options': 'nosniff',
    };
    const fresh = evaluatePreconditions(c.req.raw.headers, { etag: asset.etag, lastModified: new Date(0) });
    if (fresh === 'not-modified') return new Response(null, { status: 304, headers });
    return new Response(c.req.method === 'HEAD' ? null : asset.body, { headers });
  });

  studio.use('*', studioHeaders());
  // Every state-changing request, sign-in included, must come from this site.
  studio.use('*', studioOriginCheck());
  // A form body that cannot be parsed is a 400 here, before any handler (or the CSRF token check) reads it.
  studio.use('*', readableForms());
  studio.route('/', signInRoutes());

  // From here on: a signed-in user, and the session's CSRF token on every state-changing request.
  studio.use('*', requireStudioUser(), requireCsrfToken());
  studio.route('/', signOutRoutes());
  studio.route('/', dashboardRoutes());
  studio.route('/', contentRoutes());
  studio.route('/', accountRoutes());
  studio.route('/', usersRoutes());
  return studio;
}
