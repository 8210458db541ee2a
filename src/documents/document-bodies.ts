// The DocumentBodies port: where stored documents' bytes live, by content hash (the database on Node, R2 on Workers).

/**
 * Content-addressed: a body is put once under the SHA-256 of its bytes and never changes, so a
 * reader holding a hash gets exactly those bytes or nothing (removed since: render again).
 */
export interface DocumentBodies {
  /** The bytes, or undefined when no body has this hash (any more). */
  get(hash: string): Promise<Uint8Array | ReadableStream<Uint8Array> | undefined>;
  put(hash: string, body: Uint8Array): Promise<void>;
  delete(hash: string): Promise<void>;
}

/** Bodies in a Map: for tests, and for the contract suite the real stores pass too. */
export function createMemoryDocumentBodies(): DocumentBodies & { readonly size: number } {
  const bodies = new Map<string, Uint8Array>();
  return {
    get size() {
      return bodies.size;
    },
    async get(hash) {
      return bodies.get(hash);
    },
    async put(hash, body) {
      bodies.set(hash, body.slice());
    },
    async delete(hash) {
      bodies.delete(hash);
    },
  };
}
