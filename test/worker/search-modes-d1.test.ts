// Search bounds on D1 in local workerd: the same FTS5 queries (rowid bounds, MATERIALIZED, column filters) as on libSQL.
import { searchModesContract } from '../catalog/search/search-modes-contract.ts';
import { openLocalD1 } from '../helpers/local-d1.ts';

searchModesContract('Cloudflare D1 (workerd)', openLocalD1);
