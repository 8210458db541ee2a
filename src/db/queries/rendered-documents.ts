// Stored documents' rows (and, on Node, their bodies): look up, record a newer rendering, drop, list.
import { eq, like, lte, ne, sql } from 'drizzle-orm';
import type { DocumentBodies } from '../../documents/document-bodies.ts';
import type { Database } from '../database.ts';
import { type RenderedDocument, renderedBodies, renderedDocuments } from '../schema.ts';

/**
 * The row of `key`, through one statement prepared per database: this is every feed read's only
 * query, and building it afresh each time costs more CPU than running it (bench/edge).
 */
export async function findDocumentRow(db: Database, key: string): Promise<RenderedDocument | undefined> {
  let lookup = lookups.get(db);
  if (!lookup) {
    lookup = prepareLookup(db);
    lookups.set(db, lookup);
  }
  return (await lookup.get({ key })) as RenderedDocument | undefined;
}

const lookups = new WeakMap<Database, ReturnType<typeof prepareLookup>>();
const prepareLookup = (db: Database) =>
  db
    .select()
    .from(renderedDocuments)
    .where(eq(renderedDocuments.key, sql.placeholder('key')))
    .prepare();

/**
 * Records `row` unless a rendering from a later catalogue revision is already there (two writers
 * rendering at once: the later revision wins, whichever finishes last). Returns whether it was kept.
 */
export async function recordDocumentRow(db: Database, row: RenderedDocument): Promise<boolean> {
  const { key: _key, ...rest } = row;
  const kept = await db
    .insert(renderedDocuments)
    .values(row)
    .onConflictDoUpdate({
      target: renderedDocuments.key,
      set: Object.fromEntries(
        Object.keys(rest).map((name) => [name, sql.raw(`excluded.${snake(name)}`)]),
      ) as Partial<RenderedDocument>,
      setWhere: lte(renderedDocuments.revision, sql`excluded.revision`),
    })
    .returning({ key: renderedDocuments.key });
  return kept.length > 0;
}

/** Drops the rows of `keys`; returns the hashes they pointed at. */
export async function dropDocumentRows(db: Database, keys: readonly string[]): Promise<string[]> {
  const hashes: string[] = [];
  for (const key of keys) {
    const gone = await db
      .delete(renderedDocuments)
      .where(eq(renderedDocuments.key, key))
      .returning({ hash: renderedDocuments.hash });
    hashes.push(...gone.map((g) => g.hash));
  }
  return hashes;
}

/** Keys of stored documents starting with `prefix`. */
export async function listDocumentKeys(db: Database, prefix: string): Promise<string[]> {
  const rows = await db
    .select({ key: renderedDocuments.key })
    .from(renderedDocuments)
    .where(like(renderedDocuments.key, `${prefix.replaceAll(/[\\%_]/g, (c) => `\\${c}`)}%`));
  return rows.map((r) => r.key).filter((key) => key.startsWith(prefix));
}

/** Keys of stored documents that expired by `now` (something scheduled has gone live since). */
export async function expiredDocumentKeys(db: Database, now: Date): Promise<string[]> {
  const rows = await db
    .select({ key: renderedDocuments.key })
    .from(renderedDocuments)
    .where(lte(renderedDocuments.expiresAt, now));
  return rows.map((r) => r.key);
}

/** Drops every stored document (their bodies stay until collected): after changes made outside the app. */
export async function dropAllDocumentRows(db: Database): Promise<string[]> {
  const gone = await db.delete(renderedDocuments).returning({ hash: renderedDocuments.hash });
  return gone.map((g) => g.hash);
}

/** Whether any stored document still uses the body `hash`. */
export async function isBodyUsed(db: Database, hash: string): Promise<boolean> {
  const [row] = await db
    .select({ key: renderedDocuments.key })
    .from(renderedDocuments)
    .where(eq(renderedDocuments.hash, hash))
    .limit(1);
  return row !== undefined;
}

/** Rows made under other settings or another renderer (after a configuration change or upgrade). */
export async function staleConfigKeys(db: Database, configTag: string): Promise<string[]> {
  const rows = await db
    .select({ key: renderedDocuments.key })
    .from(renderedDocuments)
    .where(ne(renderedDocuments.configTag, configTag));
  return rows.map((r) => r.key);
}

/** Bodies in the database itself (Node): the table rendered_bodies. */
export function createSqlDocumentBodies(db: Database): DocumentBodies {
  return {
    async get(hash) {
      const [row] = await db
        .select({ body: renderedBodies.body })
        .from(renderedBodies)
        .where(eq(renderedBodies.hash, hash));
      return row ? new Uint8Array(row.body.buffer, row.body.byteOffset, row.body.byteLength) : undefined;
    },
    async put(hash, body) {
      await db.insert(renderedBodies).values({ hash, body }).onConflictDoNothing();
    },
    async delete(hash) {
      await db.delete(renderedBodies).where(eq(renderedBodies.hash, hash));
    },
  };
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
