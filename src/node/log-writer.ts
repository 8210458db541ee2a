// createBatchedWriter: log lines gathered as bytes and written together, once per event-loop turn or per 64 KB, flushed on exit.
import { fstatSync, writeSync } from 'node:fs';

export interface BatchedWriter {
  /** Queues one line (without its newline); it is written by the end of this event-loop turn. */
  write(line: string): void;
  /** Writes whatever is queued, now. */
  flush(): void;
}

export interface BatchedWriterOptions {
  /**
   * Receives the queued lines, newline-terminated, as UTF-8 bytes. The view is reused once the call
   * returns: a sink that keeps the bytes (an asynchronous write) copies them.
   */
  readonly sink: (chunk: Uint8Array) => void;
  /** The batch's size in bytes: lines that do not fit in what is left are written after a flush. */
  readonly maxBytes?: number;
  /** Runs the flush after the current turn's I/O; setImmediate unless a test replaces it. */
  readonly schedule?: (flush: () => void) => void;
}

/**
 * Under load one event-loop turn answers many requests; their log lines leave in one write instead of
 * one write (and one pass through the stream machinery) each, as pino's sonic-boom batches them. A
 * line waits at most until the turn ends, so logs stay as timely as before. Each line is encoded
 * into one reused buffer as it comes, so no string outlives its line: under load, queued strings
 * survived the young-generation collections that ran before their turn ended, and were copied.
 */
export function createBatchedWriter(options: BatchedWriterOptions): BatchedWriter {
  const capacity = options.maxBytes ?? 64 * 1024;
  const schedule = options.schedule ?? setImmediate;
  const batch = Buffer.allocUnsafe(capacity);
  let used = 0;
  let scheduled = false;
  const flush = () => {
    if (used === 0) return;
    const length = used;
    used = 0;
    options.sink(batch.subarray(0, length));
  };
  const flushScheduled = () => {
    scheduled = false;
    flush();
  };
  return {
    write(line) {
      // At most 3 UTF-8 bytes per UTF-16 unit, and the newline.
      const room = line.length * 3 + 1;
      if (room > capacity - used) {
        flush();
        if (room > capacity) {
          options.sink(Buffer.from(`${line}\n`));
          return;
        }
      }
      used += batch.write(line, used, 'utf8');
      batch[used++] = 0x0a;
      if (!scheduled) {
        scheduled = true;
        schedule(flushScheduled);
      }
    },
    flush,
  };
}

export interface StdoutWriter extends BatchedWriter {
  /**
   * Writes what is queued and resolves once stdout has handed everything to the system (or after
   * `timeoutMs`, should nothing read a full pipe), so process.exit() loses no line.
   */
  drain(timeoutMs?: number): Promise<void>;
}

/**
 * The Node entry's log output: batched lines on stdout. Before a clean exit call drain(): writes to a
 * pipe are asynchronous, and process.exit() drops what a full pipe has not taken. Whatever is still
 * queued at exit (process.exit elsewhere, an uncaught exception) is written then, which completes for
 * files and terminals, and for pipes as far as they have room.
 */
export function createStdoutWriter(): StdoutWriter {
  const stdout = process.stdout;
  // Into a file, process.stdout would copy each chunk into a Buffer and pass it through a stream to
  // this same synchronous call: half the cost per chunk without them.
  const sink = stdoutIsFile()
    ? (chunk: Uint8Array) => void writeSync(1, chunk)
    : (chunk: Uint8Array) => void stdout.write(Buffer.from(chunk));
  const writer = createBatchedWriter({ sink });
  process.once('exit', writer.flush);
  return {
    ...writer,
    drain(timeoutMs = 5000) {
      writer.flush();
      if (stdout.writableLength === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        setTimeout(resolve, timeoutMs).unref();
        // Callbacks run in order: this one once every earlier write has been taken.
        stdout.write('', () => resolve());
      });
    },
  };
}

function stdoutIsFile(): boolean {
  try {
    return fstatSync(1).isFile();
  } catch {
    return false;
  }
}
