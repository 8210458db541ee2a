import { createMemorySharedCache } from '../../src/http/memory-shared-cache.ts';
import { sharedCacheContract } from './shared-cache-contract.ts';

sharedCacheContract('memory', async () => createMemorySharedCache());
