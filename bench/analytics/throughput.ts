// Media throughput of podwire's Node server with ANALYTICS=on and off (one process), measured alternately with wrk.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../../src/cli/serve-command.ts';
import { cpuSeconds, wrk } from '../tools.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PAIR_SERVER = fileURLToPath(new URL('./pair-server.ts', import.meta.url));

/** Counted like a podcast app: a User-Agent the classifier knows, and many distinct listeners. */
export const USER_AGENT = 'AppleCoreMedia/1.0.0.21F90 (iPhone; U; CPU OS 17_5 like Mac OS X; en_us)';
const FEED = '/podcasts/courier-conversations/feed.xml';
const MB = 1024 * 1024;

export interface Shape {
  readonly name: string;
  /**
   * wrk Lua: every request from another address (X-Forwarded-For, TRUST_PROXY=true), maybe a range.
   * It sets wrk.headers (which keep the -H headers) rather than passing a table to wrk.format, which
   * would replace them all, User-Agent included.
   */
  readonly lua: string;
}

export interface Sample {
  readonly rps: number;
  readonly bytesPerSecond: number;
  /** The server's CPU time (user + system) per request, in microseconds. */
  readonly cpuMicros: number;
  readonly requests: number;
}

export interface DemoServer {
  readonly name: string;
  readonly child: ChildProcess;
  readonly url: string;
  readonly size: number;
  readonly dbFile: string;
}

/**
 * The two servers of bench/analytics/pair-server.ts (one process, `npm start`'s V8 flags, or
 * BENCH_NODE_FLAGS), each with the URL of its demo episode's enclosure.
 */
export async function startDemoServers(dir: string): Promise<{ on: DemoServer; off: DemoServer }> {
  const flags = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? SERVER_NODE_FLAGS;
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', PAIR_SERVER, dir], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...(process.env.ANALYTICS_CONTROL ? { ANALYTICS_CONTROL: '1' } : {}) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as Readable });
  const [line] = (await once(lines, 'line')) as [string];
  lines.close();
  const urls = JSON.parse(line) as { on: string; off: string };
  const server = async (name: 'on' | 'off'): Promise<DemoServer> => {
    const base = urls[name];
    const feed = await (await fetch(`${base}${FEED}`)).text();
    const enclosure = /<enclosure url="([^"]+)" length="(\d+)"/.exec(feed);
    if (!enclosure) throw new Error(`no enclosure in ${FEED}`);
    const path = new URL(enclosure[1] as string).pathname;
    return {
      name,
      child,
      url: `${base}${path}`,
      size: Number(enclosure[2]),
      dbFile: join(dir, `${name}.db`),
    };
  };
  return { on: await server('on'), off: await server('off') };
}

/**
 * The whole file, each download from a new address; and 1 MB ranges in turn over it (the last one
 * shorter), a new address for each pass over the file, as a player fetching it in ranges.
 */
export function shapes(size: number): Shape[] {
  const address = `
local n = 0
local a = 0
local function address(every)
  if n % every == 0 then a = math.random(1, 16000000) end
  n = n + 1
  return "10." .. (a % 256) .. "." .. (math.floor(a / 256) % 256) .. "." .. (math.floor(a / 65536) % 256)
end`;
  const ranges = Math.ceil(size / MB);
  return [
    {
      name: 'whole file',
      lua: `${address}
request = function()
  wrk.headers["X-Forwarded-For"] = address(1)
  return wrk.format()
end`,
    },
    {
      name: '1 MB ranges',
      lua: `${address}
request = function()
  local k = n % ${ranges}
  local last = math.min((k + 1) * ${MB} - 1, ${size - 1})
  wrk.headers["X-Forwarded-For"] = address(${ranges})
  wrk.headers["Range"] = "bytes=" .. (k * ${MB}) .. "-" .. last
  return wrk.format()
end`,
    },
  ];
}

/** Runs one wrk load against `server`, with the server's CPU time from /proc. */
export async function sample(
  server: DemoServer,
  shape: Shape,
  scriptDir: string,
  options: { connections: number; seconds: number },
): Promise<Sample> {
  const script = join(scriptDir, `${shape.name.replaceAll(' ', '-')}.lua`);
  await writeFile(script, `math.randomseed(${Math.floor(Math.random() * 1e9)})\n${shape.lua}\n`);
  const pid = server.child.pid as number;
  const cpuBefore = cpuSeconds(pid);
  const result = wrk(server.url, { 'User-Agent': USER_AGENT }, { ...options, script });
  const cpu = cpuSeconds(pid) - cpuBefore;
  if (result.errors > 0 || result.socketErrors)
    throw new Error(
      `${server.name} ${shape.name}: ${result.errors} bad answers; ${result.socketErrors ?? ''}`,
    );
  return {
    rps: result.rps,
    bytesPerSecond: parseRate(result.transfer),
    cpuMicros: (cpu / result.requests) * 1e6,
    requests: result.requests,
  };
}

/** wrk's "Transfer/sec: 245.13MB" in bytes. */
function parseRate(text: string): number {
  const match = /^([\d.]+)([KMG]?)B$/.exec(text);
  const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[match?.[2] ?? ''] ?? 1;
  return Number(match?.[1] ?? 0) * unit;
}

export const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
