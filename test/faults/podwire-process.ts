// The real podwire server (src/node/main.ts) as a child process on one folder: started, SIGKILLed, restarted.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { spawnScript } from '../helpers/spawn-podwire.ts';

export const ADMIN_TOKEN = 'fault-injection-token-0123456789';
/** Fixed, so that URLs in the API answers stay the same across restarts on other ports. */
export const BASE_URL = 'https://news.example';

/** Where one server keeps its data: the database file and the media folder. */
export interface ServerFolder {
  readonly dir: string;
  readonly database: string;
  readonly mediaDir: string;
}

export const serverFolder = (dir: string): ServerFolder => ({
  dir,
  database: join(dir, 'podwire.db'),
  mediaDir: join(dir, 'media'),
});

export type LogLine = Record<string, unknown> & { readonly msg?: string; readonly level?: string };

export interface PodwireProcess {
  /** Where it listens, such as http://127.0.0.1:41234. */
  readonly url: string;
  readonly pid: number;
  /** Every JSON log line it wrote so far. */
  readonly logs: readonly LogLine[];
  /** Sends SIGKILL (once); the promise settles when the process is gone and reaped. */
  kill9(): Promise<void>;
  /** Sends SIGTERM and waits for the exit code, which must be 0. */
  stop(): Promise<void>;
}

/** Starts podwire on `folder` and resolves once it logs that it listens (recovery has run by then). */
export async function startPodwire(folder: ServerFolder, timeoutMs = 60_000): Promise<PodwireProcess> {
  const child = spawnScript('src/node/main.ts', [], {
    DATABASE_URL: `file:${folder.database}`,
    MEDIA_DIR: folder.mediaDir,
    PORT: '0',
    HOST: '127.0.0.1',
    BASE_URL,
    ADMIN_TOKEN,
    SEED_DEMO: 'true',
    LOG_LEVEL: 'info',
  });
  const logs: LogLine[] = [];
  let stderr = '';
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`podwire did not listen within ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    let buffered = '';
    child.stderr?.on('data', (d) => {
      stderr += d;
    });
    child.stdout?.on('data', (data) => {
      buffered += data;
      for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n')) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        let entry: LogLine;
        try {
          entry = JSON.parse(line) as LogLine;
        } catch {
          continue; // not a log line
        }
        logs.push(entry);
        if (entry.msg === 'podwire listening') {
          clearTimeout(timer);
          resolve(String(entry.url));
        }
      }
    });
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`podwire exited with ${code} before it listened: ${stderr}`));
    });
  });
  return processHandle(child, url, logs, exit, () => stderr);
}

function processHandle(
  child: ChildProcess,
  url: string,
  logs: LogLine[],
  exit: Promise<number | null>,
  stderr: () => string,
): PodwireProcess {
  return {
    url,
    pid: child.pid as number,
    logs,
    async kill9() {
      child.kill('SIGKILL');
      // 'exit' comes after Node has reaped the child: its pid no longer names a live process, as
      // after a crash that a supervisor notices before it restarts the server.
      await exit;
    },
    async stop() {
      child.kill('SIGTERM');
      const code = await exit;
      if (code !== 0) throw new Error(`podwire exited with ${code} on SIGTERM: ${stderr()}`);
    },
  };
}
