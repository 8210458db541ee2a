// cappedBody: a response body that errors with FetchTooLarge past its byte cap, or FetchTimedOut past the deadline.
import { concatBytes } from '../media-store/bytes-reader.ts';
import type { Deadline } from './fetch-deadline.ts';
import { FetchTooLarge } from './fetch-errors.ts';

/**
 * Wraps `source` so that at most `maxBytes` flow out. Reads only when the consumer pulls (high-water
 * mark 0), so nothing is buffered ahead; once a chunk passes the cap the stream errors with
 * FetchTooLarge and the request is aborted, which closes the connection. Errors while reading are
 * explained by the deadline (FetchTimedOut, the caller's abort, or FetchFailed).
 */
export function cappedBody(
  source: ReadableStream<Uint8Array> | null,
  options: { readonly url: string; readonly maxBytes: number; readonly deadline: Deadline },
): ReadableStream<Uint8Array> {
  const { url, maxBytes, deadline } = options;
  if (source === null) {
    deadline.clear();
    return new ReadableStream({ start: (controller) => controller.close() });
  }
  const reader = source.getReader();
  let received = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await deadline.race(reader.read());
        } catch (error) {
          controller.error(deadline.explain(error, url));
          reader.cancel().catch(() => {});
          return;
        }
        if (chunk.done) {
          deadline.clear();
          controller.close();
          return;
        }
        received += chunk.value.byteLength;
        if (received > maxBytes) {
          const tooLarge = new FetchTooLarge(url, maxBytes);
          deadline.abort(tooLarge);
          reader.cancel(tooLarge).catch(() => {});
          controller.error(tooLarge);
          return;
        }
        controller.enqueue(chunk.value);
      },
      cancel(reason) {
        deadline.clear();
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/** Reads a capped body to its end into one array. */
export async function readAll(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const reader = body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
  return concatBytes(chunks);
}
