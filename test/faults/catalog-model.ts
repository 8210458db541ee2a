// The fault runs' model of the catalogue: what acknowledged changes left, and what each operation does to an episode.
import type { Random } from './seeded-random.ts';

/** An audio body the runs upload: a committed fixture (or several copies of one, for a long upload). */
export interface AudioBody {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

export interface AudioState {
  readonly body: string;
  readonly sha256: string;
  readonly size: number;
  /** Undefined only in an outcome of an upload whose answer was never seen: any new URL. */
  readonly url: string | undefined;
}

export interface EpisodeState {
  readonly id: number;
  readonly slug: string;
  readonly title: string;
  readonly published: boolean;
  readonly audio: AudioState | null;
  /** Earlier audio URLs of the episode, replaced by uploads (they answer 301). */
  readonly replacedUrls: readonly string[];
}

export interface DeletedEpisode {
  readonly id: number;
  readonly slug: string;
  /** A deleted published episode answers 410 at its page and audio, a draft 404; undefined: either. */
  readonly wasPublished: boolean | undefined;
  /** Its audio URL when deleted, if known. */
  readonly audioUrl: string | null;
}

export interface CatalogModel {
  readonly showId: number;
  readonly showSlug: string;
  readonly episodes: Map<number, EpisodeState>;
  readonly deleted: Map<number, DeletedEpisode>;
}

export type Operation =
  | { readonly kind: 'create'; readonly slug: string; readonly title: string }
  | { readonly kind: 'upload'; readonly id: number; readonly body: AudioBody }
  | { readonly kind: 'publish'; readonly id: number }
  | { readonly kind: 'unpublish'; readonly id: number }
  | { readonly kind: 'retitle'; readonly id: number; readonly title: string }
  | { readonly kind: 'delete'; readonly id: number };

/** What a kill can be aimed at: an operation kind, or `replace` (an upload over existing audio). */
export type OperationWish = Operation['kind'] | 'replace';

export const EXPECTED_STATUS: Readonly<Record<Operation['kind'], number>> = {
  create: 201,
  upload: 200,
  publish: 200,
  unpublish: 200,
  retitle: 200,
  delete: 204,
};

/** Keeps the show small: one page of the episode list, and checks that stay cheap. */
const MAX_EPISODES = 10;

/**
 * A random operation that the model says must succeed, of the kind wished for when one is
 * possible, on episode `near` when it can be. `tag` makes new slugs and titles unique.
 */
export function chooseOperation(
  rng: Random,
  model: CatalogModel,
  bodies: readonly AudioBody[],
  tag: string,
  wish?: OperationWish,
  near?: number,
): Operation {
  const all = [...model.episodes.values()];
  const choose = (candidates: EpisodeState[]) =>
    candidates.find((e) => e.id === near)?.id ?? rng.pick(candidates).id;
  const withAudio = all.filter((e) => e.audio !== null);
  const drafts = withAudio.filter((e) => !e.published);
  const live = all.filter((e) => e.published);
  const options: Record<OperationWish, () => Operation | undefined> = {
    create: () =>
      all.length >= MAX_EPISODES ? undefined : { kind: 'create', slug: `ep-${tag}`, title: `Episode ${tag}` },
    upload: () =>
      all.length === 0 ? undefined : { kind: 'upload', id: choose(all), body: rng.pick(bodies) },
    replace: () =>
      withAudio.length === 0 ? undefined : { kind: 'upload', id: choose(withAudio), body: rng.pick(bodies) },
    publish: () => (drafts.length === 0 ? undefined : { kind: 'publish', id: choose(drafts) }),
    unpublish: () => (live.length === 0 ? undefined : { kind: 'unpublish', id: choose(live) }),
    retitle: () =>
      all.length === 0 ? undefined : { kind: 'retitle', id: choose(all), title: `Retitled ${tag}` },
    delete: () => (all.length < 2 ? undefined : { kind: 'delete', id: choose(all) }),
  };
  const wished = wish === undefined ? undefined : options[wish]();
  if (wished) return wished;
  const weighted: OperationWish[] = ['create', 'create', 'upload', 'upload', 'replace', 'publish', 'publish'];
  weighted.push('unpublish', 'retitle', 'retitle', 'delete', 'delete');
  for (;;) {
    const operation = options[rng.pick(weighted)]();
    if (operation) return operation;
  }
}

/** The API path and JSON body of an operation (uploads send `body.bytes` instead). */
export function requestOf(op: Operation, showId: number): { method: string; path: string; json?: unknown } {
  switch (op.kind) {
    case 'create':
      return { method: 'POST', path: '/episodes', json: { showId, slug: op.slug, title: op.title } };
    case 'upload':
      return { method: 'PUT', path: `/episodes/${op.id}/audio` };
    case 'publish':
      return { method: 'POST', path: `/episodes/${op.id}/publish`, json: {} };
    case 'unpublish':
      return { method: 'POST', path: `/episodes/${op.id}/unpublish` };
    case 'retitle':
      return { method: 'PATCH', path: `/episodes/${op.id}`, json: { title: op.title } };
    case 'delete':
      return { method: 'DELETE', path: `/episodes/${op.id}` };
  }
}

/** The episode as the admin API shows it (the fields the runs change). */
export interface EpisodeView {
  readonly id: number;
  readonly slug: string;
  readonly title: string;
  readonly status: string;
  readonly audio: { readonly url: string; readonly sizeBytes: number } | null;
}

/** An episode after an operation: live, or deleted (with what its URLs then answer). */
export type Outcome = { readonly live: EpisodeState } | { readonly gone: DeletedEpisode };

/**
 * What `op` makes of an episode, or undefined when it cannot apply (it is gone, or has no audio
 * to publish). `answer` is the API view the operation answered with, when it was received.
 */
export function transition(from: Outcome, op: Operation, answer?: EpisodeView): Outcome | undefined {
  if (!('live' in from) || op.kind === 'create') return undefined;
  const state = from.live;
  switch (op.kind) {
    case 'delete': {
      const audioUrl = state.audio?.url ?? null;
      return { gone: { id: state.id, slug: state.slug, wasPublished: state.published, audioUrl } };
    }
    case 'publish':
      return state.audio ? { live: { ...state, published: true } } : undefined;
    case 'unpublish':
      return { live: { ...state, published: false } };
    case 'retitle':
      return { live: { ...state, title: op.title } };
    case 'upload': {
      if (state.audio?.sha256 === op.body.sha256) return from; // the same bytes change nothing
      const before = state.audio?.url;
      const replacedUrls = before === undefined ? state.replacedUrls : [...state.replacedUrls, before];
      const audio = {
        body: op.body.name,
        sha256: op.body.sha256,
        size: op.body.bytes.byteLength,
        url: answer?.audio?.url,
      };
      return { live: { ...state, audio, replacedUrls } };
    }
  }
}

/** Records an acknowledged answer of an operation run alone; throws when it is not the one expected. */
export function applyAnswer(model: CatalogModel, op: Operation, status: number, body: unknown): void {
  if (status !== EXPECTED_STATUS[op.kind]) {
    throw new Error(
      `${op.kind} answered ${status}, not ${EXPECTED_STATUS[op.kind]}: ${JSON.stringify(body)}`,
    );
  }
  const view = body as EpisodeView;
  if (op.kind === 'upload' && view.audio?.sizeBytes !== op.body.bytes.byteLength) {
    throw new Error(`upload of ${op.body.name} answered audio ${JSON.stringify(view.audio)}`);
  }
  if (op.kind === 'create') {
    const state = { id: view.id, slug: view.slug, title: view.title, published: false, audio: null };
    model.episodes.set(view.id, { ...state, replacedUrls: [] });
    return;
  }
  const before = model.episodes.get(op.id);
  const after = before && transition({ live: before }, op, view);
  if (!after) throw new Error(`${op.kind} of episode ${op.id} succeeded, but the model says it cannot`);
  settle(model, op.id, after);
}

/** Makes `outcome` the model's state of episode `id`. */
export function settle(model: CatalogModel, id: number, outcome: Outcome): void {
  if ('live' in outcome) {
    model.episodes.set(id, outcome.live);
  } else {
    model.episodes.delete(id);
    model.deleted.set(id, outcome.gone);
  }
}
