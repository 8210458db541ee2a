import type { ExecutionContext } from '@cloudflare/workers-types';
import { describe, expect, it } from 'vitest';
import worker from '../../src/worker/index.ts';

const context = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;

describe('the Worker entry', () => {
  it('names a missing D1 binding in a clear 500 problem', async () => {
    const response = await worker.fetch(new Request('https://news.example/'), {}, context);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).detail).toMatch(/^DB: the D1 binding is missing/);
  });

  it('names a missing R2 binding', async () => {
    const response = await worker.fetch(new Request('https://news.example/'), { DB: {} as never }, context);
    expect((await response.json()).detail).toMatch(/^MEDIA: the R2 binding is missing/);
  });

  it('names a bad variable, as start-up does on Node', async () => {
    const response = await worker.fetch(
      new Request('https://news.example/'),
      { DB: {} as never, MEDIA: {} as never, BASE_URL: 'not a url' },
      context,
    );
    expect((await response.json()).detail).toMatch(/^BASE_URL: must be an absolute http\(s\) URL/);
  });
});
