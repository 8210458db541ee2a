// The tus 1.0 protocol's HTTP details: its headers, the version check, and Upload-Metadata (https://tus.io/protocols/resumable-upload).
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.ts';
import { PreconditionFailedError, ValidationError } from '../errors.ts';

export const TUS_VERSION = '1.0.0';
/** The extensions served (creation-with-upload, creation-defer-length, checksum, concatenation are not). */
export const TUS_EXTENSIONS = 'creation,termination,expiration';
/** The request body type of a tus PATCH. */
export const OFFSET_OCTET_STREAM = 'application/offset+octet-stream';

/**
 * Adds `Tus-Resumable` to every response under the upload URLs, errors (and 401s from the auth
 * middleware) included, and `Tus-Version` where the protocol asks for it (OPTIONS, 412).
 */
export function tusHeaders(): MiddlewareHandler<AppEnv> {
  return async function tusHeaders(c, next) {
    await next();
    c.header('Tus-Resumable', TUS_VERSION);
    if (c.req.method === 'OPTIONS' || c.res.status === 412) c.header('Tus-Version', TUS_VERSION);
  };
}

/** tus §Tus-Resumable: every request but OPTIONS names the version; another (or none) is a 412. */
export function requireTusVersion(c: Context<AppEnv>): void {
  const version = c.req.header('tus-resumable');
  if (version === TUS_VERSION) return;
  throw new PreconditionFailedError(
    version === undefined
      ? `send the header Tus-Resumable: ${TUS_VERSION} (this is a tus ${TUS_VERSION} endpoint)`
      : `Tus-Resumable ${JSON.stringify(version.slice(0, 20))} is not supported: this server speaks tus ${TUS_VERSION}`,
  );
}

/** A non-negative integer header (Upload-Length, Upload-Offset), or undefined when absent. */
export function byteCountHeader(c: Context<AppEnv>, name: string): number | undefined {
  const value = c.req.header(name);
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value.trim())) {
    throw new ValidationError(`${name} must be a whole number of bytes, in decimal digits`);
  }
  return Number(value.trim());
}

const MAX_METADATA_CHARS = 4096;
const METADATA_KEY = /^[A-Za-z0-9_.-]{1,64}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Parses Upload-Metadata: comma-separated pairs of a key and its Base64 value (tus §Upload-Metadata:
 * keys unique, without spaces or commas; the value may be absent). Values must be UTF-8 text here,
 * as they are kept as JSON and shown back. A few lines, so no library: none is smaller than this.
 */
export function parseUploadMetadata(header: string | undefined): Record<string, string> {
  // A Map, so that a key such as __proto__ is only ever data.
  const metadata = new Map<string, string>();
  if (header === undefined || header.trim() === '') return {};
  const bad = (why: string) => new ValidationError(`Upload-Metadata ${why}`);
  if (header.length > MAX_METADATA_CHARS) throw bad(`is longer than ${MAX_METADATA_CHARS} characters`);
  for (const pair of header.split(',')) {
    const [key = '', value = '', extra] = pair.trim().split(' ');
    if (extra !== undefined || !METADATA_KEY.test(key)) {
      throw bad(
        'must be pairs of a key (letters, digits, "_", "-", ".") and a Base64 value, separated by commas',
      );
    }
    if (metadata.has(key)) throw bad(`names the key ${key} twice`);
    if (!BASE64.test(value)) throw bad(`has a value for ${key} that is not Base64`);
    try {
      metadata.set(key, utf8.decode(Uint8Array.from(atob(value), (ch) => ch.charCodeAt(0))));
    } catch {
      throw bad(`has a value for ${key} that is not UTF-8 text`);
    }
  }
  return Object.fromEntries(metadata);
}

/** Upload-Metadata for a HEAD response: the stored pairs, Base64 again (tus §Creation). */
export function formatUploadMetadata(metadata: Readonly<Record<string, string>>): string | undefined {
  const pairs = Object.entries(metadata).map(([key, value]) => {
    const bytes = new TextEncoder().encode(value);
    return value === '' ? key : `${key} ${btoa(String.fromCharCode(...bytes))}`;
  });
  return pairs.length === 0 ? undefined : pairs.join(',');
}
