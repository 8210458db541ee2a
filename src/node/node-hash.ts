// createNodeSha256(): an incremental SHA-256 on node:crypto, for tools that write to R2 from Node.
import { createHash } from 'node:crypto';
import type { StreamingHash } from '../worker/r2-media-store.ts';

export function createNodeSha256(): StreamingHash {
  const hash = createHash('sha256');
  return {
    update: async (chunk) => {
      hash.update(chunk);
    },
    digest: async () => hash.digest('hex'),
  };
}
