// Serves an app over real HTTP on a loopback port for the test file, closed afterwards.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AppEnv } from '../../src/deps.ts';

export interface TestServer {
  readonly url: string;
  close(): Promise<void>;
}

/** `port` 0 (the default) takes any free one; a fixed one lets BASE_URL name the server before it starts. */
export async function listen(app: Hono<AppEnv>, port = 0): Promise<TestServer> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
