import { databaseContract } from '../db/database-contract.ts';
import { openLocalD1 } from '../helpers/local-d1.ts';

databaseContract('Cloudflare D1 (workerd)', openLocalD1);
