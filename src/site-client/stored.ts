// What the player keeps in this browser (localStorage, no account): positions per episode, the
// chosen speed and the Listen later list. Storage may be off or full: then nothing is kept.

const PREFIX = 'podwire:';

function read(key: string): string | null {
  try {
    return localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, value);
  } catch {
    // Private modes and full quotas refuse writes: the player works on without remembering.
  }
}

/** The remembered position of an episode (its page path), in whole seconds, if any. */
export function savedPosition(episode: string): number | undefined {
  const value = Number(read(`position:${episode}`));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

export function savePosition(episode: string, seconds: number | undefined): void {
  write(`position:${episode}`, seconds === undefined ? null : String(Math.floor(seconds)));
}

export function savedSpeed(): number {
  const value = Number(read('speed'));
  return value >= 0.5 && value <= 3 ? value : 1;
}

export function saveSpeed(rate: number): void {
  write('speed', rate === 1 ? null : String(rate));
}

export interface LaterItem {
  /** The episode page: the list's key and its link. */
  readonly url: string;
  readonly title: string;
  readonly show: string;
  readonly duration: string;
}

const isItem = (value: unknown): value is LaterItem => {
  const v = value as Record<string, unknown> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    ['url', 'title', 'show', 'duration'].every((k) => typeof v[k] === 'string')
  );
};

/** The Listen later list, oldest first; a damaged entry is dropped rather than breaking the page. */
export function laterList(): LaterItem[] {
  try {
    const parsed: unknown = JSON.parse(read('listen-later') ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isItem) : [];
  } catch {
    return [];
  }
}

export function saveLaterList(items: readonly LaterItem[]): void {
  write('listen-later', items.length > 0 ? JSON.stringify(items) : null);
}

/** The storage key other tabs see change (the `storage` event). */
export const LATER_KEY = `${PREFIX}listen-later`;
