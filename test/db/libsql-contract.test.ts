import { openTempDb } from '../helpers/temp-db.ts';
import { tempDirs } from '../helpers/temp-dir.ts';
import { databaseContract } from './database-contract.ts';

const newDir = tempDirs();

databaseContract('libSQL file', async () => openTempDb(await newDir()));
