// createD1Db(binding): the podwire Database over a Cloudflare D1 binding.
import type { D1Database } from '@cloudflare/workers-types';
import { drizzle } from 'drizzle-orm/d1';
import type { Database } from '../db/database.ts';
import * as schema from '../db/schema.ts';

export function createD1Db(binding: D1Database): Database {
  return drizzle(binding, { schema }) as unknown as Database;
}
