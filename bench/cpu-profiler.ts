// CPU time of a piece of work inside another process (workerd or Node): through its DevTools inspector, or from the kernel.
// workerd: the V8 sampling profiler runs while the work runs, and every sample that is not idle counts
// (workerd tells V8 when it is idle). Node does not, so there the process's own CPU clock is read before
// and after (process.cpuUsage(): every thread, SQLite's included).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import WebSocket from 'ws';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string };
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Milliseconds of CPU in a V8 profile: every sample but `(idle)`; garbage collection included. */
export function activeMs(profile: Profile): number {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  let micros = 0;
  profile.samples.forEach((node, i) => {
    if (!idle.has(node)) micros += profile.timeDeltas[i] ?? 0;
  });
  return micros / 1000;
}

export interface CpuProfiler {
  /** Runs `work`; resolves to the target's CPU milliseconds meanwhile. `saveTo` keeps the V8 profile. */
  cpuOf(work: () => Promise<unknown>, saveTo?: string): Promise<number>;
  close(): void;
}

/** Connects to the inspector listening on `port` (its first target). */
export async function connectProfiler(
  port: number,
  clock: 'v8-profiler' | 'process' = 'v8-profiler',
): Promise<CpuProfiler> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const url = targets[0]?.webSocketDebuggerUrl;
  if (!url) throw new Error(`no inspector target on port ${port}`);
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let nextId = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  socket.on('message', (data) => {
    // workerd answers a command with an empty result by echoing it back, without `result`.
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result ?? {});
  });
  const send = <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve) => {
      const id = ++nextId;
      waiting.set(id, (result) => {
        waiting.delete(id);
        resolve(result as T);
      });
      socket.send(JSON.stringify({ id, method, params }));
    });
  if (clock === 'process') {
    const cpuMicros = async () => {
      const reply = await send<{ result: { value: number } }>('Runtime.evaluate', {
        expression: '(() => { const u = process.cpuUsage(); return u.user + u.system; })()',
        returnByValue: true,
      });
      return reply.result.value;
    };
    return {
      async cpuOf(work) {
        const before = await cpuMicros();
        await work();
        return ((await cpuMicros()) - before) / 1000;
      },
      close: () => socket.close(),
    };
  }
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 100 });
  return {
    async cpuOf(work, saveTo) {
      await send('Profiler.start');
      await work();
      const { profile } = await send<{ profile: Profile }>('Profiler.stop');
      if (saveTo) await writeFile(saveTo, JSON.stringify(profile));
      return activeMs(profile);
    },
    close: () => socket.close(),
  };
}

/** CPU milliseconds every thread of `pids` has used so far, from the kernel's scheduler statistics (nanoseconds). */
async function threadsCpuMs(pids: readonly number[]): Promise<number> {
  let nanos = 0;
  for (const pid of pids) {
    let tasks: string[];
    try {
      tasks = await readdir(`/proc/${pid}/task`);
    } catch {
      continue; // the process is gone
    }
    for (const task of tasks) {
      try {
        nanos += Number((await readFile(`/proc/${pid}/task/${task}/schedstat`, 'utf8')).split(' ')[0]);
      } catch {
        // the thread ended meanwhile
      }
    }
  }
  return nanos / 1e6;
}

/**
 * A CpuProfiler over every process named `name` in process group `group` (a `wrangler dev` and its
 * workerd): the kernel's CPU time of all their threads, nanosecond-exact, whatever the process does.
 */
export async function processGroupClock(group: number, name: string): Promise<CpuProfiler> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (comm === name && Number(fields[2]) === group) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  if (pids.length === 0) throw new Error(`no ${name} process in group ${group}`);
  return {
    async cpuOf(work) {
      const before = await threadsCpuMs(pids);
      await work();
      return (await threadsCpuMs(pids)) - before;
    },
    close() {},
  };
}
