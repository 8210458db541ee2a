// /api/v1/sections: list, create, read, edit, delete sections.
import { createRoute, z } from '@hono/zod-openapi';
import {
  createSection,
  deleteSection,
  getSection,
  listSectionRecords,
  updateSection,
} from '../../catalog/editor/sections.ts';
import { sectionView } from '../../catalog/editor/views.ts';
import {
  apiRouter,
  BEARER,
  changed,
  editorContext,
  json,
  jsonBody,
  NEWS_CHANGED,
  READ_PROBLEMS,
  tagRecord,
  WRITE_PROBLEMS,
  writeCondition,
  written,
} from './openapi-helpers.ts';
import { IdParam, SectionInput, SectionPatch, SectionView } from './schemas.ts';

const tags = ['Sections'];

export function sectionsApi() {
  const api = apiRouter();

  api.openapi(
    createRoute({
      method: 'get',
      path: '/sections',
      tags,
      summary: 'List sections',
      responses: { 200: json(z.object({ items: z.array(SectionView) }), 'Every section, in display order.') },
    }),
    async (c) => {
      const rows = await listSectionRecords(editorContext(c));
      return c.json({ items: rows.map((s) => sectionView(c.var.deps.config.baseUrl, s)) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/sections',
      tags,
      summary: 'Create a section',
      security: BEARER,
      request: jsonBody(SectionInput),
      responses: { 201: json(SectionView, 'Created.'), ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const section = await createSection(editorContext(c), c.req.valid('json'));
      await changed(c, NEWS_CHANGED);
      const body = sectionView(c.var.deps.config.baseUrl, section);
      await tagRecord(c, body);
      return c.json(body, 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/sections/{id}',
      tags,
      summary: 'Read a section',
      request: { params: IdParam },
      responses: { 200: json(SectionView, 'The section.'), ...READ_PROBLEMS },
    }),
    async (c) => {
      const section = await getSection(editorContext(c), c.req.valid('param').id);
      const body = sectionView(c.var.deps.config.baseUrl, section);
      if ((await tagRecord(c, body)) === 'not-modified') return c.body(null, 304);
      return c.json(body, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/sections/{id}',
      tags,
      summary: 'Edit a section (a new slug redirects the old URLs)',
      security: BEARER,
      request: { params: IdParam, ...jsonBody(SectionPatch) },
      responses: { 200: json(SectionView, 'Updated.'), ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const section = await updateSection(
        editorContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
        writeCondition(c),
      );
      await changed(c, NEWS_CHANGED);
      return written(c, sectionView(c.var.deps.config.baseUrl, section));
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/sections/{id}',
      tags,
      summary: 'Delete an empty section',
      security: BEARER,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted.' }, ...WRITE_PROBLEMS },
    }),
    async (c) => {
      await deleteSection(editorContext(c), c.req.valid('param').id, writeCondition(c));
      await changed(c, NEWS_CHANGED);
      return c.body(null, 204);
    },
  );

  return api;
}
