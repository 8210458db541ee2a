// Fault injection: SIGKILL the real server at random points of uploads, publishes and deletes; after each restart
// the database is intact, the media folder agrees with it, and every acknowledged change is there.
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { tempDirs } from '../helpers/temp-dir.ts';
import { callApi } from './admin-http.ts';
import type { AudioBody, CatalogModel, Operation } from './catalog-model.ts';
import { runUntilKilled, send } from './kill-cycle.ts';
import { type PodwireProcess, type ServerFolder, serverFolder, startPodwire } from './podwire-process.ts';
import { type Pending, reconcile } from './reconcile.ts';
import { seededRandom } from './seeded-random.ts';
import { checkServed, observeEpisodes } from './served-checks.ts';
import { checkStore } from './store-checks.ts';

/** Sequences of kill/restart cycles on one copied folder: 10 × 5 = 50 kills. */
const SEQUENCES = 10;
const KILLS_PER_SEQUENCE = 5;
/** FAULT_SEED=n runs only sequence n again (any whole number: the defaults are 1 to 10). */
const SEEDS = process.env.FAULT_SEED
  ? [replaySeed(process.env.FAULT_SEED)]
  : Array.from({ length: SEQUENCES }, (_, i) => i + 1);

function replaySeed(text: string): number {
  if (!/^\d{1,9}$/.test(text)) throw new Error(`FAULT_SEED must be a whole number (got "${text}")`);
  return Number(text);
}

const FIXTURES = new URL('../fixtures/audio/', import.meta.url);

async function audioBody(name: string, copies = 1): Promise<AudioBody> {
  const one = new Uint8Array(await readFile(new URL(name, FIXTURES)));
  const bytes = new Uint8Array(one.byteLength * copies);
  for (let i = 0; i < copies; i++) bytes.set(one, i * one.byteLength);
  const label = copies === 1 ? name : `${name} ×${copies}`;
  return { name: label, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Where the kills landed and what the restarts' recovery removed, over the whole file (printed at the end). */
const tally = {
  cycles: 0,
  pairs: 0,
  cut: {} as Record<string, number>,
  tempFiles: 0,
  abandoned: 0,
  released: 0,
};

describe('kill -9 at random points of uploads, publishes and deletes', () => {
  const newDir = tempDirs();
  let base: ServerFolder;
  let baseModel: CatalogModel;
  let bodies: AudioBody[];

  beforeAll(async () => {
    // A headerless CBR MP3 stays valid when repeated: 344 KB, long enough to be cut while stored.
    const long = await audioBody('mp3-cbr-no-header.mp3', 6);
    const short = [
      'mp3-cbr-info.mp3',
      'mp3-vbr-xing.mp3',
      'mp3-chapters.mp3',
      'm4a-faststart.m4a',
      'flac.flac',
    ];
    bodies = [long, long, long, ...(await Promise.all(short.map((name) => audioBody(name))))];
    base = serverFolder(await newDir());
    await mkdir(base.mediaDir);
    const server = await startPodwire(base); // seeds the demo
    const show = await callApi(server.url, 'POST', '/shows', {
      slug: 'faults',
      title: 'Faults',
      description: 'A show that is killed a lot.',
      language: 'en',
      author: 'Newsroom',
      categories: [{ category: 'News' }],
    });
    const showId = (show.body as { id: number }).id;
    baseModel = { showId, showSlug: 'faults', episodes: new Map(), deleted: new Map() };
    const ops: Operation[] = [
      { kind: 'create', slug: 'base-published', title: 'Base published' },
      { kind: 'create', slug: 'base-draft', title: 'Base draft' },
    ];
    for (const op of ops) await send(server, baseModel, op);
    const [published, draft] = [...baseModel.episodes.keys()] as [number, number];
    await send(server, baseModel, {
      kind: 'upload',
      id: published,
      body: await audioBody('mp3-cbr-info.mp3'),
    });
    await send(server, baseModel, { kind: 'publish', id: published });
    await send(server, baseModel, { kind: 'upload', id: draft, body: long });
    await server.stop();
  }, 120_000);

  afterAll(() => {
    const { cycles, pairs, cut, tempFiles, abandoned, released } = tally;
    console.log(
      `kill -9: ${cycles} kills (${pairs} with two requests in flight); cut operations ${JSON.stringify(cut)}; ` +
        `start-up recovery removed ${tempFiles} temporary files, ${abandoned} stored but unrecorded uploads ` +
        `and ${released} released files`,
    );
  });

  it.each(SEEDS)(
    'sequence FAULT_SEED=%i: every cycle restarts consistent',
    async (seed) => {
      const folder = serverFolder(await newDir());
      await cp(base.dir, folder.dir, { recursive: true });
      const model = structuredClone(baseModel);
      let server = await startPodwire(folder);
      let restartedAt = 0;
      try {
        for (let cycle = 1; cycle <= KILLS_PER_SEQUENCE; cycle++) {
          const rng = seededRandom(seed * 1000 + cycle);
          const { pending, trail } = await runUntilKilled(server, model, bodies, rng, `${seed}-${cycle}`);
          restartedAt = Date.now();
          server = await startPodwire(folder);
          countRecovery(server, pending);
          const problems = [
            ...(await checkStore(folder, restartedAt)),
            ...reconcile(model, pending, await observeEpisodes(server.url, model.showId)),
          ];
          if (problems.length === 0) problems.push(...(await checkServed(server.url, model)));
          if (problems.length > 0) {
            throw new Error(
              `FAULT_SEED=${seed}, cycle ${cycle} (replay: FAULT_SEED=${seed} npm run test:faults)\n` +
                `operations: ${trail.join('; ')}\nproblems:\n  ${problems.join('\n  ')}`,
            );
          }
        }
        // Stopped cleanly after all that, the folder is just as consistent, with no server holding the file.
        await server.stop();
        const afterStop = await checkStore(folder, restartedAt);
        if (afterStop.length > 0)
          throw new Error(`FAULT_SEED=${seed}, after SIGTERM:\n  ${afterStop.join('\n  ')}`);
      } catch (error) {
        await server.kill9();
        throw error;
      }
    },
    120_000,
  );
});

function countRecovery(server: PodwireProcess, pending: readonly Pending[]): void {
  tally.cycles++;
  const cut = pending.filter((p) => p.answer === undefined);
  for (const what of cut.length === 0 ? ['nothing'] : cut.map((p) => p.op.kind)) {
    tally.cut[what] = (tally.cut[what] ?? 0) + 1;
  }
  if (pending.length > 1) tally.pairs++;
  for (const line of server.logs) {
    if (line.msg === 'removed what interrupted uploads left') {
      tally.tempFiles += (line.tempFiles as unknown[]).length;
      tally.abandoned += (line.abandoned as unknown[]).length;
    }
    if (line.msg === 'removed released media files') tally.released += (line.removed as unknown[]).length;
  }
}
