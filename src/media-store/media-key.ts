// Media keys: the only names a media store accepts, checked before any path is joined or object read.
import { ValidationError } from '../errors.ts';

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
export const MAX_KEY_LENGTH = 512;

/**
 * Returns `key` if it is a safe relative key: `/`-separated segments of letters, digits, `.`, `_`
 * and `-`, none empty, none starting with a dot (no `..`, no dotfiles), no backslash, NUL or
 * percent sign (so nothing is decoded twice). Throws ValidationError otherwise.
 */
export function assertMediaKey(key: string): string {
  const problem = mediaKeyProblem(key);
  if (problem) throw new ValidationError(`media key ${JSON.stringify(key)} ${problem}`, { context: { key } });
  return key;
}

export function isMediaKey(key: string): boolean {
  return mediaKeyProblem(key) === undefined;
}

function mediaKeyProblem(key: string): string | undefined {
  if (key.length === 0) return 'is empty';
  if (key.length > MAX_KEY_LENGTH) return `is longer than ${MAX_KEY_LENGTH} characters`;
  if (key.startsWith('/')) return 'must be relative';
  for (const segment of key.split('/')) {
    if (!SEGMENT.test(segment)) {
      return 'may only hold segments of letters, digits, "_", "-" and "." that do not start with a dot';
    }
  }
  return undefined;
}

/** The file extension of a key, lower-case and without the dot, or '' when it has none. */
export function keyExtension(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
