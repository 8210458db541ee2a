// One kill/restart cycle's first half: random admin API operations over loopback until a timer SIGKILLs the server.
import { type Answer, callApi, type SendHooks, streamUpload } from './admin-http.ts';
import {
  type AudioBody,
  applyAnswer,
  type CatalogModel,
  chooseOperation,
  EXPECTED_STATUS,
  type Operation,
  type OperationWish,
  requestOf,
} from './catalog-model.ts';
import type { PodwireProcess } from './podwire-process.ts';
import type { Pending } from './reconcile.ts';
import { type Random, seededRandom } from './seeded-random.ts';

/** What the kill is aimed at; `idle` kills between two acknowledged operations. */
const AIMS: readonly (OperationWish | 'idle')[] = [
  'upload',
  'upload',
  'replace',
  'replace',
  'delete',
  'delete',
  'publish',
  'unpublish',
  'retitle',
  'create',
  'idle',
];

/** Sends `op` and waits for the whole answer (rejects when the connection breaks first). */
function exchangeOp(
  server: PodwireProcess,
  model: CatalogModel,
  op: Operation,
  hooks: SendHooks,
  pacing: Random,
): Promise<Answer> {
  const { method, path, json } = requestOf(op, model.showId);
  if (op.kind !== 'upload') return callApi(server.url, method, path, json, hooks);
  const chunks = { chunkBytes: 16 * 1024, pauseMs: () => pacing.int(1, 6) };
  return streamUpload(server.url, path, op.body.bytes, chunks, hooks);
}

/** Sends `op` and records its answer in the model (which throws on an answer it does not expect). */
export async function send(server: PodwireProcess, model: CatalogModel, op: Operation): Promise<void> {
  const answer = await exchangeOp(server, model, op, {}, seededRandom(0));
  applyAnswer(model, op, answer.status, answer.body);
}

const describeOp = (op: Operation) =>
  op.kind === 'upload' ? `upload ${op.body.name} to ${op.id}` : `${op.kind} ${'id' in op ? op.id : op.slug}`;

/** What may go with the aimed operation in a concurrent pair, on the same episode when it can. */
const PARTNERS: readonly OperationWish[] = ['upload', 'replace', 'delete', 'publish', 'unpublish', 'retitle'];
/** What a concurrent pair may be answered besides success: the other request changed the episode first. */
const RACE_REFUSALS = [404, 409];

/**
 * Runs random operations until the server is killed. The kill is aimed at operation `aimedAt`,
 * sometimes sent together with a second one: mid-body or just after the body of an upload, just
 * after any other request is sent, once a concurrent pair has been answered, or between two
 * operations; a timer from that moment fires it. Returns what the model has not taken in yet:
 * the operations the kill cut, and the answered pair (which of the two committed last is unknown).
 */
export async function runUntilKilled(
  server: PodwireProcess,
  model: CatalogModel,
  bodies: readonly AudioBody[],
  rng: Random,
  tag: string,
): Promise<{ pending: Pending[]; trail: string[] }> {
  const aimedAt = rng.int(0, 3);
  const aim = rng.pick(AIMS);
  const pair = aim !== 'idle' && aim !== 'create' && rng.chance(0.4);
  const partner = rng.pick(PARTNERS);
  const moment = rng.pick(['mid-body', 'after-body', 'answered'] as const);
  const fraction = rng.next();
  const delayMs = rng.int(0, 20);
  const pacingSeed = rng.int(0, 2 ** 30);
  let killing: Promise<void> | undefined;
  const kill = () => {
    killing ??= server.kill9();
  };
  const later = (ms: number) => () => {
    setTimeout(kill, ms);
  };
  const trail: string[] = [];
  const pending: Pending[] = [];
  for (let i = 0; killing === undefined; i++) {
    if (i === aimedAt && aim === 'idle') {
      kill();
      trail.push('(killed between operations)');
      break;
    }
    const aimed = i === aimedAt;
    const op = chooseOperation(rng, model, bodies, `${tag}-${i}`, aimed ? (aim as OperationWish) : undefined);
    const hooks: SendHooks = {};
    // A pair aimed at 'answered' is killed once both are answered (below); otherwise the timer
    // starts mid-body or after the body of an upload, or once any other request is sent.
    if (aimed && !(pair && moment === 'answered')) {
      if (op.kind !== 'upload') hooks.onSent = later(delayMs % 8);
      else if (moment === 'mid-body') {
        hooks.onChunk = (index, count) => {
          if (index === Math.floor(fraction * count)) later(delayMs % 4)();
        };
      } else hooks.onBodyEnd = later(delayMs);
    }
    const ops = [op];
    if (aimed && pair && 'id' in op) {
      ops.push(chooseOperation(rng, model, bodies, `${tag}-${i}b`, partner, op.id));
    }
    const settled = await Promise.allSettled(
      ops.map((o, n) =>
        exchangeOp(server, model, o, n === 0 ? hooks : {}, seededRandom(pacingSeed + i * 2 + n)),
      ),
    );
    for (const [n, result] of settled.entries()) {
      const o = ops[n] as Operation;
      if (result.status === 'rejected') {
        if (killing === undefined) throw result.reason; // the connection broke with no kill: a failure in itself
        pending.push({ op: o });
        trail.push(`${describeOp(o)} → cut by the kill`);
        continue;
      }
      const { status, body } = result.value;
      trail.push(`${describeOp(o)} → ${status}`);
      // Received whole, so acknowledged, even if the kill was sent meanwhile: the server answered first.
      if (ops.length === 1) applyAnswer(model, o, status, body);
      else if (status === EXPECTED_STATUS[o.kind] || RACE_REFUSALS.includes(status))
        pending.push({ op: o, answer: { status, body } });
      else
        throw new Error(
          `${describeOp(o)}, sent with another request, answered ${status}: ${JSON.stringify(body)}`,
        );
    }
    if (pending.length > 0 || ops.length > 1) {
      later(delayMs)(); // a pair leaves the model unsure of the order: nothing more before the kill
      break;
    }
  }
  await killing;
  return { pending, trail };
}
