import { createMemoryMediaStore } from '../../src/media-store/memory-store.ts';
import { mediaStoreContract } from './contract.ts';

mediaStoreContract('memory', async () => createMemoryMediaStore());
