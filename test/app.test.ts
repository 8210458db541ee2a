import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.ts';
import { openDemoApp } from './helpers/demo-app.ts';
import { tempDirs } from './helpers/temp-dir.ts';

describe('createApp', () => {
  const newDir = tempDirs();
  let demo: Awaited<ReturnType<typeof openDemoApp>>;
  beforeAll(async () => {
    demo = await openDemoApp(await newDir());
  });
  afterAll(() => demo.close());

  it('answers /healthz with the database status', async () => {
    const response = await demo.app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('answers unknown paths with a problem+json 404', async () => {
    const response = await demo.app.request('/no/such/page');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, title: 'Not found' });
  });

  it('answers a malformed page number with a problem+json 400 saying what is wrong', async () => {
    for (const page of ['0', 'abc', '-1', '1e9']) {
      const response = await demo.app.request(`/?page=${page}`);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const body = await response.json();
      expect(body.detail).toMatch(/page must be a whole number/);
    }
  });

  it('echoes a request id and logs one structured line per request', async () => {
    const lines: string[] = [];
    const dir = await newDir();
    const logged = await openDemoApp(dir, {
      log: createLogger({ level: 'info', write: (l) => lines.push(l) }),
    });
    const response = await logged.app.request('/healthz', { headers: { 'x-request-id': 'abc-123' } });
    expect(response.headers.get('x-request-id')).toBe('abc-123');
    const entry = JSON.parse(lines.at(-1) ?? '{}');
    expect(entry).toMatchObject({
      level: 'info',
      msg: 'request',
      requestId: 'abc-123',
      path: '/healthz',
      status: 200,
    });
    logged.close();
  });

  it('turns an unexpected failure into a 500 problem without internals, and logs it', async () => {
    const lines: string[] = [];
    const dir = await newDir();
    const broken = await openDemoApp(dir, {
      log: createLogger({ level: 'error', write: (l) => lines.push(l) }),
    });
    broken.close(); // the database is gone: every query now fails
    const response = await broken.app.request('/');
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.title).toBe('Internal server error');
    expect(JSON.stringify(body)).not.toMatch(/sqlite|libsql|at .*\.ts/i);
    expect(lines.some((l) => JSON.parse(l).msg === 'request failed')).toBe(true);
  });

  it('reports an unavailable database on /healthz as a 503 problem', async () => {
    const dir = await newDir();
    const broken = await openDemoApp(dir);
    broken.close();
    const response = await broken.app.request('/healthz');
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});
