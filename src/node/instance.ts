// Who this Node process is for the media journal, and whether the process behind an upload entry is gone.
import { hostname } from 'node:os';

/** Uploads a process on another host (or an unknown owner) may still be storing, at most. */
const FOREIGN_UPLOAD_MS = 24 * 60 * 60 * 1000;
/** Uploads in a Worker (or an in-process test app) last no longer than this. */
const SHORT_LIVED_UPLOAD_MS = 60 * 60 * 1000;

/** `node:<pid>@<host>`: written beside each upload in flight. */
export function nodeInstance(): string {
  return `node:${process.pid}@${hostname()}`;
}

/** Whether a process with this id runs on this machine (EPERM: it runs, as another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * The media journal's test of an upload's owner, as seen by `self` at `now`: a process on this
 * host is gone when it no longer runs (or is `self` at start-up, before it stored anything); one
 * on another host, a Worker or an unknown owner, once its upload is older than any upload lasts.
 */
export function nodeOwnerGone(self: string, now: () => Date, options: { startingUp: boolean }) {
  const host = hostname();
  return (owner: string | null, startedAt: Date): boolean => {
    const age = now().getTime() - startedAt.getTime();
    const local = owner === null ? null : /^node:(\d+)@(.+)$/.exec(owner);
    if (local && local[2] === host) {
      if (owner === self) return options.startingUp;
      return !isProcessAlive(Number(local[1]));
    }
    if (local) return age > FOREIGN_UPLOAD_MS;
    return age > SHORT_LIVED_UPLOAD_MS;
  };
}
