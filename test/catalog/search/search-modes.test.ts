// Search bounds on a libSQL file (the same suite runs on D1 in test/worker/search-modes-d1.test.ts).
import { openTempDb } from '../../helpers/temp-db.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';
import { searchModesContract } from './search-modes-contract.ts';

const newDir = tempDirs();

searchModesContract('libSQL file', async () => openTempDb(await newDir()));
