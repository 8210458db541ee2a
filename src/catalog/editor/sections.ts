// Section editing: create, rename (old URLs redirect), delete (only when empty).
import { asc, count, eq, type SQL, sql } from 'drizzle-orm';
import { articles, type Section, sections } from '../../db/schema.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import { auditStatements } from '../accounts/audit.ts';
import { guarded, translateConstraintError } from './constraint-errors.ts';
import type { EditorContext } from './context.ts';
import { requireEditor } from './permissions.ts';
import { expectedVersion, nextVersion, touched, type WriteCondition } from './record-version.ts';
import { redirectStatements } from './routing-records.ts';
import { sectionView } from './views.ts';

export interface SectionFields {
  slug: string;
  name: string;
  description: string;
  position: number;
}

const sectionPaths = (slug: string) => [
  `/sections/${slug}`,
  ...['xml', 'atom', 'json'].map((f) => `/sections/${slug}/feed.${f}`),
];

const audit = (ctx: EditorContext, id: number | SQL, action: string, summary = '') =>
  auditStatements(ctx, { entity: 'section', entityId: id, action, summary });

export async function listSectionRecords(ctx: EditorContext): Promise<Section[]> {
  return ctx.db.select().from(sections).orderBy(asc(sections.position), asc(sections.id));
}

export async function getSection(ctx: EditorContext, id: number): Promise<Section> {
  const [row] = await ctx.db.select().from(sections).where(eq(sections.id, id));
  if (!row) throw new NotFoundError(`there is no section ${id}`);
  return row;
}

export async function createSection(ctx: EditorContext, fields: SectionFields): Promise<Section> {
  requireEditor(ctx, 'change sections');
  const [rows] = await guarded(() =>
    ctx.db.batch([
      ctx.db
        .insert(sections)
        .values({ ...fields, createdAt: ctx.now, updatedAt: ctx.now })
        .returning(),
      ...audit(ctx, sql`(SELECT id FROM sections WHERE slug = ${fields.slug})`, 'create', fields.name),
    ]),
  );
  return rows[0] as Section;
}

export async function updateSection(
  ctx: EditorContext,
  id: number,
  patch: Partial<SectionFields>,
  condition?: WriteCondition,
): Promise<Section> {
  requireEditor(ctx, 'change sections');
  const before = await getSection(ctx, id);
  const expected = await expectedVersion(condition, sectionView(ctx.baseUrl, before), before.version);
  const renamed = patch.slug !== undefined && patch.slug !== before.slug;
  const update = ctx.db
    .update(sections)
    .set({ ...patch, ...touched(sections, ctx.now, expected) })
    .where(eq(sections.id, id));
  const moves = renamed
    ? sectionPaths(before.slug).flatMap((from, i) =>
        redirectStatements(ctx.db, from, sectionPaths(patch.slug as string)[i] as string, ctx.now),
      )
    : [];
  try {
    await ctx.db.batch([
      update,
      ...moves,
      ...audit(ctx, id, 'update', `${Object.keys(patch).join(', ') || 'nothing'} changed`),
    ]);
  } catch (error) {
    throw translateConstraintError(error);
  }
  return getSection(ctx, id);
}

export async function deleteSection(
  ctx: EditorContext,
  id: number,
  condition?: WriteCondition,
): Promise<void> {
  requireEditor(ctx, 'change sections');
  const before = await getSection(ctx, id);
  const expected = await expectedVersion(condition, sectionView(ctx.baseUrl, before), before.version);
  const [used] = await ctx.db.select({ n: count() }).from(articles).where(eq(articles.sectionId, id));
  if ((used?.n ?? 0) > 0) {
    throw new ConflictError(`section ${id} still has ${used?.n} article(s); move or delete them first`);
  }
  await guarded(() =>
    ctx.db.batch([
      // With If-Match, the first statement refuses the batch if the section changed since it was read.
      ctx.db
        .update(sections)
        .set({ version: nextVersion(sections.version, expected) })
        .where(eq(sections.id, id)),
      ctx.db.delete(sections).where(eq(sections.id, id)),
      ...audit(ctx, id, 'delete', before.name),
    ]),
  );
}
