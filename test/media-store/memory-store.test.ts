import { createMemoryMediaStore } from '../../src/media-store/memory-store.ts';
import { mediaStoreContract } from './contract.ts';
import { uploadStagingContract } from './staging-contract.ts';

mediaStoreContract('memory', async () => createMemoryMediaStore());

uploadStagingContract('memory', async () => ({
  store: createMemoryMediaStore(),
  unit: 4096,
  leftovers: async () => [],
}));
