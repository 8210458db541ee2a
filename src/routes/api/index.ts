// The admin API under /api/v1 (auth, validation, problem+json) and its OpenAPI document and docs page.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.ts';
import { adminAuth, requirePrincipal } from '../../http/admin-auth.ts';
import { tusHeaders } from '../../http/tus-protocol.ts';
import { articlesApi } from './articles-api.ts';
import { renderApiDocs } from './docs-page.tsx';
import { episodesApi } from './episodes-api.ts';
import { importsApi } from './imports-api.ts';
import { liveItemsApi } from './live-items-api.ts';
import { apiRouter } from './openapi-helpers.ts';
import { searchReindexApi } from './search-reindex-api.ts';
import { sectionsApi } from './sections-api.ts';
import { showsApi } from './shows-api.ts';
import { statsApi } from './stats-api.ts';
import { subscribersApi } from './subscribers-api.ts';
import { uploadsApi } from './uploads-api.ts';

export const OPENAPI_INFO = {
  title: 'podwire admin API',
  version: '1.0.0',
  description:
    'Create and edit sections, articles, shows and episodes; run live streams (podcast:liveItem); upload audio, artwork, transcripts and chapters; ' +
    'pair episodes with articles; publish, schedule and unpublish. Large files go through resumable tus 1.0 ' +
    'uploads at /api/v1/uploads and are then attached by id. Every write needs ' +
    '`Authorization: Bearer <token>`: the ADMIN_TOKEN, or an API token made in the studio (it acts with its ' +
    "user's role: contributors cannot publish); reads of drafts do too. Errors are RFC 9457 problem details.",
};

/** Mounted at /api: /api/v1/..., /api/openapi.json, /api/docs. */
export function apiRoutes(): OpenAPIHono<AppEnv> {
  const api = apiRouter();
  const v1 = apiRouter();
  // Before auth: its 401s carry Tus-Resumable too.
  v1.use('/uploads', tusHeaders());
  v1.use('/uploads/*', tusHeaders());
  v1.use(adminAuth());
  // Listening reports are never public, unlike the published records beside them.
  v1.use('/episodes/:id/stats', requirePrincipal());
  v1.use('/shows/:id/stats', requirePrincipal());
  // Imports are never public: who imports what, from where.
  v1.use('/imports', requirePrincipal());
  v1.use('/imports/*', requirePrincipal());
  // Nor is the search index's upkeep.
  v1.use('/search/*', requirePrincipal());
  // Nor are subscribers (names, emails, counts).
  v1.use('/shows/:id/subscribers', requirePrincipal());
  v1.use('/shows/:id/subscribers/*', requirePrincipal());
  v1.route('/', sectionsApi());
  v1.route('/', articlesApi());
  v1.route('/', showsApi());
  v1.route('/', episodesApi());
  v1.route('/', liveItemsApi());
  v1.route('/', uploadsApi());
  v1.route('/', statsApi());
  v1.route('/', importsApi());
  v1.route('/', subscribersApi());
  v1.route('/', searchReindexApi());
  api.route('/v1', v1);

  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'The ADMIN_TOKEN configured on the server, or a user’s API token (pw_…) from the studio.',
  });
  const document = (c: { var: { deps: { config: { baseUrl: string } } } }) =>
    api.getOpenAPI31Document({
      openapi: '3.1.0',
      info: OPENAPI_INFO,
      servers: [{ url: `${c.var.deps.config.baseUrl}/api` }],
    });
  api.get('/openapi.json', (c) => c.json(document(c)));
  api.get('/docs', (c) => c.html(renderApiDocs(document(c))));
  return api;
}
