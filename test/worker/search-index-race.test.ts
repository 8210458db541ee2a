// The search index under concurrent PATCHes on D1 (local workerd): every query is an asynchronous round trip there,
// so requests interleave between a read and its write, as they do on any deployed Worker.
import { searchIndexRaceContract } from '../catalog/search/index-race-contract.ts';
import { openLocalD1 } from '../helpers/local-d1.ts';

searchIndexRaceContract('Cloudflare D1 (workerd)', openLocalD1);
