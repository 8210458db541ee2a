// Request ids: a sane incoming X-Request-Id is kept; otherwise a per-process random prefix and a counter.

/** Hono's requestId() rule, which the app applies: 1 to 255 characters from [A-Za-z0-9_=-]. */
export const MAX_REQUEST_ID_LENGTH = 255;

/**
 * Whether a client's X-Request-Id may be used (and echoed) as it is: the same test as hono/request-id's
 * `/[^\w\-=]/` and length limit, written as a loop so the fast path runs no regular expression.
 */
export function isSaneRequestId(value: string): boolean {
  const length = value.length;
  if (length === 0 || length > MAX_REQUEST_ID_LENGTH) return false;
  for (let i = 0; i < length; i++) {
    const c = value.charCodeAt(i);
    const ok =
      (c >= 0x61 && c <= 0x7a) || // a-z
      (c >= 0x41 && c <= 0x5a) || // A-Z
      (c >= 0x30 && c <= 0x39) || // 0-9
      c === 0x5f || // _
      c === 0x2d || // -
      c === 0x3d; // =
    if (!ok) return false;
  }
  return true;
}

/**
 * Returns a generator of ids such as `3f9a1c07b2e45d61-42`: 16 random hex digits chosen on the first
 * call (64 bits, so two processes practically never share one) and a counter. Unique within the
 * generator, cheap (no entropy per request, unlike a UUID), and sane by isSaneRequestId. The prefix is
 * made lazily because Workers refuse random numbers outside a request.
 */
export function createRequestIds(
  random: (bytes: Uint8Array<ArrayBuffer>) => void = (b) => crypto.getRandomValues(b),
) {
  let prefix = '';
  let counter = 0;
  return function nextRequestId(): string {
    if (prefix === '') {
      const bytes = new Uint8Array(8);
      random(bytes);
      for (const byte of bytes) prefix += byte.toString(16).padStart(2, '0');
      prefix += '-';
    }
    counter++;
    return prefix + counter;
  };
}
