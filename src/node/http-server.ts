// createHttpServer: node:http serving the app, with the HTTP front and the fast path replaying hot feeds before it.
import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { HotResponses } from '../http/hot-responses.ts';
import type { Logger } from '../log.ts';
import { createFastPath, createHotAnswerer } from './fast-path.ts';
import { attachHttpFront, type HttpFront } from './http-front.ts';

/** Both on unless false; tests turn them off to compare the fast paths' answers with the app's. */
export interface NodeServerOptions {
  /** Whether hot feeds are replayed without the app (createFastPath). */
  readonly fastPath?: boolean;
  /** Whether plain GETs of hot feeds are answered before node:http parses them (attachHttpFront). */
  readonly front?: boolean;
}

type Fetch = Parameters<typeof getRequestListener>[0];

/** The server (not yet listening) and its front, whose connections closing the server must end too. */
export function createHttpServer(
  fetch: Fetch,
  hot: HotResponses,
  log: Logger,
  settings: { readonly trustProxy: boolean; readonly newRequestId: () => string },
  options: NodeServerOptions = {},
): { server: Server; front: HttpFront | undefined } {
  const listener = getRequestListener(fetch);
  const answerHot = createHotAnswerer(hot, log, ['br', 'gzip'], settings);
  const fastPath = createFastPath(answerHot);
  const replaying = options.fastPath !== false;
  const server = createServer((req, res) => {
    if (!replaying || !fastPath(req, res)) void listener(req, res);
  });
  // Plain GETs of hot feeds are answered on the socket before node:http builds its request objects.
  const front = replaying && options.front !== false ? attachHttpFront(server, answerHot) : undefined;
  return { server, front };
}
