// The Node app wired for listening analytics as `npm start` wires it, served on loopback, with the scenarios' files and event store.
import { getConnInfo } from '@hono/node-server/conninfo';
import { eq } from 'drizzle-orm';
import { createDayKeys } from '../../src/catalog/analytics/day-keys.ts';
import { createListenRecorder, type ListenRecorder } from '../../src/catalog/analytics/listen-recorder.ts';
import type { Database } from '../../src/db/database.ts';
import { listenEvents } from '../../src/db/schema.ts';
import { SILENT_LOGGER } from '../../src/log.ts';
import { ADMIN_TOKEN, type AdminApp, openAdminApp } from './admin-client.ts';
import { listen, type TestServer } from './http-server.ts';
import type { EventStore, PlayTarget } from './listening-player.ts';
import { prepareListeningFiles } from './listening-setup.ts';
import { TEST_PASSWORDS } from './studio-client.ts';

export interface NodeSide {
  readonly admin: AdminApp;
  readonly server: TestServer;
  readonly recorder: ListenRecorder;
  readonly target: PlayTarget;
  readonly store: EventStore;
  readonly dir: string;
}

/**
 * The demo app as `npm start` wires analytics (recorder + day keys), on a database file of its own;
 * TRUST_PROXY=true in `vars` sends scenario addresses as X-Forwarded-For, else the socket's counts.
 */
export async function openNodeSide(dir: string, vars: Record<string, string>): Promise<NodeSide> {
  let db: Database | undefined;
  // The recorder and keys need the database the app opens: reached through it once it exists.
  const lazyDb = new Proxy({} as Database, { get: (_t, p) => Reflect.get(db as object, p) });
  const recorder = createListenRecorder(lazyDb, { log: SILENT_LOGGER });
  const admin = await openAdminApp(
    dir,
    { MAX_UPLOAD_BYTES: String(16 * 1024 * 1024), ...vars },
    {
      peerAddress: (c) => getConnInfo(c).remote.address,
      listens: { recorder, keys: createDayKeys(lazyDb) },
      passwords: TEST_PASSWORDS,
    },
  );
  db = admin.demo.deps.db;
  const server = await listen(admin.demo.app);
  const files = await prepareListeningFiles(server.url, ADMIN_TOKEN);
  const store: EventStore = {
    flush: () => recorder.flush(),
    async spans(userAgent) {
      const rows = await (db as Database)
        .select({ start: listenEvents.rangeStart, end: listenEvents.rangeEnd })
        .from(listenEvents)
        .where(eq(listenEvents.userAgent, userAgent));
      return rows;
    },
  };
  const addressHeader = vars.TRUST_PROXY === 'true' ? 'x-forwarded-for' : undefined;
  return {
    admin,
    server,
    recorder,
    target: { baseUrl: server.url, addressHeader, files, token: ADMIN_TOKEN },
    store,
    dir,
  };
}

/** Closes the server and the database. */
export async function closeNodeSide(side: NodeSide | undefined): Promise<void> {
  await side?.server.close();
  side?.admin.demo.close();
}
