// Random secrets and their digests: session ids, CSRF tokens and API tokens (the database keeps only digests).

/** `bytes` random bytes as base64url without padding (RFC 4648 §5): safe in cookies, headers and URLs. */
export function randomSecret(bytes = 32): string {
  const raw = crypto.getRandomValues(new Uint8Array(bytes));
  let binary = '';
  for (const byte of raw) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** SHA-256 of the text's UTF-8, as lower-case hex: what the database stores in place of a secret. */
export async function secretDigest(secret: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
