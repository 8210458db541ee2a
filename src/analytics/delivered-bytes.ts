// tallyDelivered(body): the same bytes, counting how many the client took before the stream ended or was cancelled.

/** Called as methods (`this` is the callbacks object), so a class instance may be one. */
export interface TallyCallbacks {
  /** Each chunk's size, as the consumer takes it. */
  onChunk?(bytes: number): void;
  /** Once, with the bytes taken, when the body is read to its end, cancelled or fails. */
  onEnd?(delivered: number): void;
}

/**
 * A body that counts what its consumer takes by itself has a function under this key: called with
 * the callbacks, it installs them and returns true (then no wrapper is needed). Node's file
 * streams do (src/node/fs-media-store.ts): a wrapper stream costs a promise hop per chunk there.
 */
export const WATCH_BODY: unique symbol = Symbol.for('podwire.watchBody');

export interface WatchableBody {
  [WATCH_BODY]?: (callbacks: TallyCallbacks) => boolean;
}

/**
 * Wraps a response body so the bytes the consumer pulled through it are counted; `onEnd` is called
 * once, with that count, when the body is read to its end, cancelled (the client went away) or
 * fails. A pull-based wrapper (high-water mark 0) reads from the source only when the consumer asks,
 * so what is counted is what the server handed to the connection, not what it read ahead.
 */
export function tallyDelivered(
  body: ReadableStream<Uint8Array>,
  callbacks: TallyCallbacks,
): ReadableStream<Uint8Array> {
  if ((body as WatchableBody)[WATCH_BODY]?.(callbacks)) return body;
  const reader = body.getReader();
  let delivered = 0;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    callbacks.onEnd?.(delivered);
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            end();
            controller.close();
            return;
          }
          delivered += value.byteLength;
          callbacks.onChunk?.(value.byteLength);
          controller.enqueue(value);
        } catch (error) {
          end();
          controller.error(error);
        }
      },
      async cancel(reason) {
        end();
        await reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
