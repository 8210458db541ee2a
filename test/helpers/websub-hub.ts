// A WebSub hub for tests (W3C WebSub sections 5–7): verifies each subscriber's intent, then relays published feeds to it, signed.
// No hub on npm runs without an external database (websub-hub needs MongoDB), so this one keeps its state in memory.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Subscription {
  readonly callback: string;
  readonly topic: string;
  readonly secret?: string;
  /** Set once the subscriber echoed the challenge (5.3). */
  verified: boolean;
}

export interface Delivery {
  readonly callback: string;
  readonly topic: string;
  readonly status: number;
}

export interface TestHub {
  readonly url: string;
  readonly subscriptions: Subscription[];
  /** Topics publishers announced (`hub.mode=publish`), in order. */
  readonly published: string[];
  readonly deliveries: Delivery[];
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => resolve(body));
  });

export async function startTestHub(): Promise<TestHub> {
  const subscriptions: Subscription[] = [];
  const published: string[] = [];
  const deliveries: Delivery[] = [];
  let url = '';

  /** 5.3: GET the callback with a challenge; only an exact echo in a 2xx activates the subscription. */
  async function verify(subscription: Subscription): Promise<void> {
    const challenge = crypto.randomUUID();
    const target = new URL(subscription.callback);
    target.searchParams.set('hub.mode', 'subscribe');
    target.searchParams.set('hub.topic', subscription.topic);
    target.searchParams.set('hub.challenge', challenge);
    target.searchParams.set('hub.lease_seconds', '86400');
    const response = await fetch(target).catch(() => undefined);
    subscription.verified = response?.ok === true && (await response.text()) === challenge;
  }

  /** 7: fetch the topic, then POST its content to every verified subscriber, with Link headers and a signature. */
  async function distribute(topic: string): Promise<void> {
    const response = await fetch(topic);
    const body = Buffer.from(await response.arrayBuffer());
    const type = response.headers.get('content-type') ?? 'application/octet-stream';
    for (const subscription of subscriptions.filter((s) => s.topic === topic && s.verified)) {
      const headers: Record<string, string> = {
        'content-type': type,
        link: `<${url}>; rel="hub", <${topic}>; rel="self"`,
      };
      if (subscription.secret) {
        headers['x-hub-signature'] =
          `sha256=${createHmac('sha256', subscription.secret).update(body).digest('hex')}`;
      }
      const sent = await fetch(subscription.callback, { method: 'POST', headers, body }).catch(
        () => undefined,
      );
      deliveries.push({ callback: subscription.callback, topic, status: sent?.status ?? 0 });
    }
  }

  const server = createServer(async (req, res) => {
    if (req.method !== 'POST') return void res.writeHead(405).end();
    const form = new URLSearchParams(await readBody(req));
    const mode = form.get('hub.mode');
    if (mode === 'subscribe') {
      const callback = form.get('hub.callback');
      const topic = form.get('hub.topic');
      if (!callback || !topic) return void res.writeHead(400).end('hub.callback and hub.topic are required');
      const subscription: Subscription = {
        callback,
        topic,
        secret: form.get('hub.secret') ?? undefined,
        verified: false,
      };
      subscriptions.push(subscription);
      res.writeHead(202).end();
      void verify(subscription);
      return;
    }
    if (mode === 'publish') {
      const topic = form.get('hub.url') ?? form.get('hub.topic');
      if (!topic) return void res.writeHead(400).end('hub.url is required');
      published.push(topic);
      res.writeHead(204).end();
      void distribute(topic);
      return;
    }
    res.writeHead(400).end('unknown hub.mode');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    subscriptions,
    published,
    deliveries,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface TestSubscriber {
  readonly callback: string;
  /** Content the hub delivered, with whether its signature matched the secret. */
  readonly received: { body: string; signed: boolean; link: string }[];
  close(): Promise<void>;
}

/** A subscriber that answers verification by echoing the challenge (or refuses, with `refuse`). */
export async function startTestSubscriber(
  secret: string,
  options: { refuse?: boolean } = {},
): Promise<TestSubscriber> {
  const received: TestSubscriber['received'] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://subscriber');
    if (req.method === 'GET') {
      if (options.refuse) return void res.writeHead(404).end();
      return void res
        .writeHead(200, { 'content-type': 'text/plain' })
        .end(url.searchParams.get('hub.challenge') ?? '');
    }
    const body = await readBody(req);
    const expected = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    received.push({
      body,
      signed: req.headers['x-hub-signature'] === expected,
      link: String(req.headers.link),
    });
    res.writeHead(200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    callback: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
