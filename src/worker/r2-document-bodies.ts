// createR2DocumentBodies(bucket): stored feed bodies in R2, under a prefix no media key can have.
import type { R2Bucket } from '@cloudflare/workers-types';
import type { DocumentBodies } from '../documents/document-bodies.ts';

/** Media keys never start with a dot (media-key.ts), so these objects are never served as media. */
const PREFIX = '.rendered/';

export function createR2DocumentBodies(bucket: R2Bucket): DocumentBodies {
  return {
    async get(hash) {
      const object = await bucket.get(`${PREFIX}${hash}`);
      // The Workers and DOM stream types differ only in their declarations.
      return object ? (object.body as unknown as ReadableStream<Uint8Array>) : undefined;
    },
    async put(hash, body) {
      await bucket.put(`${PREFIX}${hash}`, body, {
        httpMetadata: { contentType: 'application/octet-stream' },
      });
    },
    async delete(hash) {
      await bucket.delete(`${PREFIX}${hash}`);
    },
  };
}
