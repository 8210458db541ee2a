// A SafeFetch for tests over global fetch: loopback allowed (no address rules), redirects followed and reported, bodies capped.
import type { SafeFetch, SafeResponse } from '../../src/catalog/import/import-ports.ts';
import { PodwireError } from '../../src/errors.ts';

/** Stand-ins for the safe fetch's errors (src/net), named as it names them. */
export class FetchTooLarge extends PodwireError {
  override readonly name = 'FetchTooLarge';
  override readonly status = 413;
}
export class FetchFailed extends PodwireError {
  override readonly name = 'FetchFailed';
  override readonly status = 502;
}

const MAX_REDIRECTS = 5;

/** Follows at most 5 redirects by hand (so each is reported), and stops a body at `maxBytes`. */
export const permissiveFetch: SafeFetch = async (url, options) => {
  const redirects: { from: string; to: string; permanent: boolean }[] = [];
  let at = String(url);
  for (;;) {
    const response = await fetch(at, {
      redirect: 'manual',
      headers: options.accept ? { accept: options.accept } : {},
      signal: options.signal ?? AbortSignal.timeout(10_000),
    }).catch((error: unknown) => {
      throw new FetchFailed(`${at}: ${String(error)}`, { cause: error });
    });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      if (redirects.length >= MAX_REDIRECTS) throw new FetchFailed(`${String(url)}: more than 5 redirects`);
      const to = new URL(location, at).href;
      redirects.push({ from: at, to, permanent: response.status === 301 || response.status === 308 });
      at = to;
      continue;
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > options.maxBytes) {
      await response.body?.cancel();
      throw new FetchTooLarge(`${at} is larger than ${options.maxBytes} bytes`);
    }
    const body = capped(response.body ?? new ReadableStream(), options.maxBytes, at);
    const result: SafeResponse = {
      url: at,
      status: response.status,
      headers: response.headers,
      redirects,
      body,
      bytes: async () => new Uint8Array(await new Response(body).arrayBuffer()),
    };
    return result;
  }
};

function capped(source: ReadableStream<Uint8Array>, maxBytes: number, url: string) {
  let seen = 0;
  return source.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(new FetchTooLarge(`${url} is larger than ${maxBytes} bytes`));
        else controller.enqueue(chunk);
      },
    }),
  );
}
