// The search index under concurrent writes on a libSQL file (the same suite runs on D1 in
// test/worker/search-index-race.test.ts). One process answers libSQL-file queries synchronously, so parallel
// PATCHes never interleave here; a reindex that reads transcripts between its read and its write does.
import { openTempDb } from '../../helpers/temp-db.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';
import { searchIndexRaceContract } from './index-race-contract.ts';

const newDir = tempDirs();

searchIndexRaceContract('libSQL file', async () => openTempDb(await newDir()));
