// Password hashing: PBKDF2-SHA256 through WebCrypto, stored with its parameters so the cost can be raised later.

/**
 * How this runtime hashes passwords. The entry points choose it (Node and Workers differ); the core
 * reads no environment.
 */
export interface PasswordPolicy {
  /** Iterations for new hashes; a sign-in with a hash under this count rehashes. */
  readonly iterations: number;
  /** The most iterations this runtime can compute (Workers refuse more than 100,000); absent: no cap. */
  readonly maxIterations?: number;
}

/** Node: OWASP's figure for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet, 2023). */
export const NODE_PASSWORD_POLICY: PasswordPolicy = Object.freeze({ iterations: 600_000 });

/** Workers: their WebCrypto refuses PBKDF2 above 100,000 iterations (NotSupportedError). */
export const WORKER_PASSWORD_POLICY: PasswordPolicy = Object.freeze({
  iterations: 100_000,
  maxIterations: 100_000,
});

/** When an entry point names none: a count every runtime computes. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = Object.freeze({ iterations: 100_000 });

const ALGORITHM = 'pbkdf2-sha256';
const SALT_BYTES = 16;
const HASH_BYTES = 32;
/** Longer passwords are refused before hashing: a form cannot make the server hash megabytes. */
export const MAX_PASSWORD_LENGTH = 1000;
export const MIN_PASSWORD_LENGTH = 10;
const STORED = /^pbkdf2-sha256\$([1-9]\d{0,8})\$([A-Za-z0-9+/]{16,}={0,2})\$([A-Za-z0-9+/]{16,}={0,2})$/;

export type PasswordCheck =
  | { readonly ok: true; readonly rehash: boolean }
  | { readonly ok: false; readonly reason: 'mismatch' | 'malformed' }
  /** The hash needs more iterations than this runtime computes: the password must be set again. */
  | { readonly ok: false; readonly reason: 'unsupported'; readonly iterations: number };

/** What is wrong with a new password, or undefined when it will do. */
export function passwordProblem(password: string): string | undefined {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH)
    return `the password must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (length > MAX_PASSWORD_LENGTH)
    return `the password must be at most ${MAX_PASSWORD_LENGTH} characters long`;
  return undefined;
}

/** `pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>` for `password`, with a fresh salt. */
export async function hashPassword(password: string, policy: PasswordPolicy): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, policy.iterations);
  return `${ALGORITHM}$${policy.iterations}$${toBase64(salt)}$${toBase64(hash)}`;
}

/**
 * Checks `password` against a stored hash, comparing in constant time. `rehash` is true when the
 * stored hash is weaker than the policy asks (fewer iterations): the caller stores a new one.
 */
export async function verifyPassword(
  password: string,
  stored: string,
  policy: PasswordPolicy,
): Promise<PasswordCheck> {
  const match = STORED.exec(stored);
  if (!match) return { ok: false, reason: 'malformed' };
  const iterations = Number(match[1]);
  if (policy.maxIterations !== undefined && iterations > policy.maxIterations) {
    return { ok: false, reason: 'unsupported', iterations };
  }
  const salt = fromBase64(match[2] as string);
  const expected = fromBase64(match[3] as string);
  if (!salt || !expected || expected.length < 16) return { ok: false, reason: 'malformed' };
  // No stored password is this long (passwordProblem refuses it): no need to hash it.
  if (password.length > MAX_PASSWORD_LENGTH * 2) return { ok: false, reason: 'mismatch' };
  let actual: Uint8Array;
  try {
    actual = await derive(password, salt, iterations, expected.length);
  } catch (error) {
    // Workers throw NotSupportedError above their cap, should maxIterations be unset there.
    if (error instanceof Error && error.name === 'NotSupportedError') {
      return { ok: false, reason: 'unsupported', iterations };
    }
    throw error;
  }
  if (!equalBytes(actual, expected)) return { ok: false, reason: 'mismatch' };
  return { ok: true, rehash: iterations < policy.iterations };
}

/**
 * A well-formed hash of no password anyone can type, at the policy's cost: verifying against it
 * takes as long as against a real one, so an unknown e-mail is not told apart by timing.
 */
export function dummyPasswordHash(policy: PasswordPolicy): string {
  const zeros = toBase64(new Uint8Array(HASH_BYTES));
  return `${ALGORITHM}$${policy.iterations}$${toBase64(new Uint8Array(SALT_BYTES))}$${zeros}`;
}

async function derive(
  password: string,
  salt: Uint8Array,
  iterations: number,
  bytes = HASH_BYTES,
): Promise<Uint8Array> {
  // NFC: the same password typed on different systems gives the same bytes.
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    key,
    bytes * 8,
  );
  return new Uint8Array(bits);
}

/** Constant time for equal lengths: every byte is compared, whatever differs first. */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] as number) ^ (b[i] as number);
  return difference === 0;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));
  } catch {
    return undefined;
  }
}
