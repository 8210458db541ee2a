// Compares the restarted server's episodes with the model: acknowledged changes exact, unsettled operations either way.
import {
  type CatalogModel,
  type DeletedEpisode,
  type EpisodeState,
  type EpisodeView,
  EXPECTED_STATUS,
  type Operation,
  type Outcome,
  settle,
  transition,
} from './catalog-model.ts';

/** An operation whose effect the model has not taken in: cut by the kill, or one of a concurrent pair. */
export interface Pending {
  readonly op: Operation;
  /** The answer, when it was received whole; undefined when the kill cut it. */
  readonly answer?: { readonly status: number; readonly body: unknown };
}

function* orders<T>(items: readonly T[]): Generator<T[]> {
  if (items.length <= 1) {
    yield [...items];
    return;
  }
  for (const [i, first] of items.entries()) {
    for (const rest of orders(items.filter((_, j) => j !== i))) yield [first, ...rest];
  }
}

/**
 * Every state `start` may be in after `pending`: operations answered with success applied, those
 * refused not, those cut either way, in any order (concurrent requests commit in any order).
 */
function possibleOutcomes(start: EpisodeState, pending: readonly Pending[]): Outcome[] {
  const applied = pending.filter((p) => p.answer?.status === EXPECTED_STATUS[p.op.kind]);
  const maybe = pending.filter((p) => p.answer === undefined);
  const outcomes: Outcome[] = [];
  for (let mask = 0; mask < 1 << maybe.length; mask++) {
    const chosen = [...applied, ...maybe.filter((_, i) => (mask >> i) & 1)];
    for (const order of orders(chosen)) {
      let outcome: Outcome | undefined = { live: start };
      for (const p of order) outcome = outcome && transition(outcome, p.op, p.answer?.body as EpisodeView);
      if (outcome) outcomes.push(outcome);
    }
  }
  return outcomes;
}

const describeOutcome = (o: Outcome) =>
  'gone' in o
    ? 'absent'
    : JSON.stringify({
        slug: o.live.slug,
        title: o.live.title,
        published: o.live.published,
        audio: o.live.audio && { size: o.live.audio.size, url: o.live.audio.url ?? '(a new one)' },
      });

const describeView = (v: EpisodeView | undefined) =>
  v === undefined
    ? 'absent'
    : JSON.stringify({
        slug: v.slug,
        title: v.title,
        status: v.status,
        audio: v.audio && { size: v.audio.sizeBytes, url: v.audio.url },
      });

function sameAs(outcome: Outcome, view: EpisodeView | undefined): boolean {
  if ('gone' in outcome || view === undefined) return 'gone' in outcome && view === undefined;
  const state = outcome.live;
  if (state.slug !== view.slug || state.title !== view.title) return false;
  if ((state.published ? 'published' : 'draft') !== view.status) return false;
  if (state.audio === null || view.audio === null) return state.audio === view.audio;
  if (state.audio.size !== view.audio.sizeBytes) return false;
  // An upload whose answer was not seen has a URL nobody knows: any new one.
  return state.audio.url === undefined
    ? !state.replacedUrls.includes(view.audio.url)
    : state.audio.url === view.audio.url;
}

/** One record of a deletion from the outcomes that agree on it: what is unsure becomes unknown. */
function mergeGone(gone: readonly DeletedEpisode[]): DeletedEpisode {
  const [first] = gone as [DeletedEpisode];
  const agree = <K extends keyof DeletedEpisode>(key: K) => gone.every((g) => g[key] === first[key]);
  return {
    ...first,
    wasPublished: agree('wasPublished') ? first.wasPublished : undefined,
    audioUrl: agree('audioUrl') ? first.audioUrl : null,
  };
}

/**
 * Checks `observed` (every episode of the show, from the restarted server) against the model and
 * the `pending` operations; then settles the model on what was observed, so the next cycle starts
 * from known ground. Returns the problems found.
 */
export function reconcile(
  model: CatalogModel,
  pending: readonly Pending[],
  observed: readonly EpisodeView[],
): string[] {
  const problems: string[] = [];
  const seen = new Map(observed.map((view) => [view.id, view]));
  for (const [id, expected] of [...model.episodes]) {
    const view = seen.get(id);
    const touching = pending.filter((p) => p.op.kind !== 'create' && p.op.id === id);
    const outcomes = touching.length === 0 ? [{ live: expected }] : possibleOutcomes(expected, touching);
    const matching = outcomes.filter((outcome) => sameAs(outcome, view));
    const [match] = matching;
    if (match === undefined) {
      const wanted = [...new Set(outcomes.map(describeOutcome))].join(' or ');
      problems.push(`episode ${id}: expected ${wanted}; the server has ${describeView(view)}`);
    } else if ('gone' in match) {
      settle(model, id, { gone: mergeGone(matching.flatMap((o) => ('gone' in o ? [o.gone] : []))) });
    } else if (match.live.audio && match.live.audio.url === undefined && view?.audio) {
      settle(model, id, { live: { ...match.live, audio: { ...match.live.audio, url: view.audio.url } } });
    } else {
      settle(model, id, match);
    }
  }
  // A create answered 201 must have made its episode; one cut by the kill may have.
  const creates = pending.flatMap((p) =>
    p.op.kind === 'create' && (p.answer === undefined || p.answer.status === 201) ? [{ ...p, op: p.op }] : [],
  );
  for (const view of observed) {
    if (model.episodes.has(view.id)) continue;
    const created = creates.find(({ op }) => op.slug === view.slug && op.title === view.title);
    if (model.deleted.has(view.id)) {
      problems.push(`episode ${view.id} was deleted (acknowledged) but the server has ${describeView(view)}`);
    } else if (created && view.status === 'draft' && view.audio === null) {
      const state = { id: view.id, slug: view.slug, title: view.title, published: false, audio: null };
      model.episodes.set(view.id, { ...state, replacedUrls: [] });
    } else {
      problems.push(`episode ${view.id} (${describeView(view)}) was made by no operation`);
    }
  }
  for (const { op, answer } of creates) {
    if (answer && !observed.some((view) => view.slug === op.slug)) {
      problems.push(`episode ${op.slug} was created (acknowledged) but the server does not have it`);
    }
  }
  return problems;
}
