// createDayKeys(db): the HMAC key of the current UTC day, created once by whichever instance asks first.
import {
  type DayHmac,
  type DayHmacFactory,
  daySecretBytes,
  identifyListener,
  importDayKey,
  type ListenerIdentity,
  listenerIdentity,
  newDaySecret,
  webCryptoDayHmac,
} from '../../analytics/listener-identity.ts';
import { utcDay } from '../../analytics/utc-day.ts';
import type { Database } from '../../db/database.ts';
import { dayKeySecret } from '../../db/queries/listens.ts';

export interface DayKeys {
  /** The key of `day`; the first call of a day stores it (and destroys earlier days' keys). */
  keyFor(day: string): Promise<DayHmac>;
  /**
   * A listener's hashes under the key of `day` (listenerIdentity): at once, without a promise,
   * when the day's key is loaded and hashes synchronously (Node) or the same address and
   * User-Agent were hashed moments before (a player's next range).
   */
  identify(day: string, address: string, userAgent: string): ListenerIdentity | Promise<ListenerIdentity>;
}

/**
 * Listeners whose hashes the current day remembers; when full it starts over. A player fetches a
 * file in many ranges, each hashed twice otherwise (bench/analytics). Held in memory with the
 * day's key, and dropped with it at midnight: the key alone could hash any address anyway.
 */
const REMEMBERED_LISTENERS = 4096;

interface LoadedDay {
  readonly day: string;
  readonly key: DayHmac;
  /** `address \n User-Agent` to its hashes. */
  readonly identities: Map<string, ListenerIdentity>;
}

/**
 * Keys by day, remembered in memory for the current day only: when the day changes, the old key is
 * dropped here and deleted from the database, so a day's hashes cannot be tied to an address once
 * the day is over. Only a loaded key is shared: requests that arrive while it loads each read it
 * (the database keeps one per day), because on Workers a request awaiting another request's
 * promise is cancelled as hung by workerd. For the same reason only finished hashes are remembered.
 */
export function createDayKeys(db: Database, options: { hmac?: DayHmacFactory } = {}): DayKeys {
  const makeHmac = options.hmac ?? webCryptoDayHmac;
  let current: LoadedDay | undefined;

  async function keyFor(day: string): Promise<DayHmac> {
    if (current?.day === day) return current.key;
    const key = await makeHmac(daySecretBytes(await dayKeySecret(db, day, newDaySecret())));
    // A request that began just before midnight may finish after it: only a newer day replaces.
    if (!current || day > current.day) current = { day, key, identities: new Map() };
    return key;
  }

  function identify(day: string, address: string, userAgent: string) {
    const loaded = current?.day === day ? current : undefined;
    if (!loaded) return keyFor(day).then((key) => identifyListener(key, address, userAgent));
    const known = loaded.identities.get(`${address}\n${userAgent}`);
    if (known) return known;
    const made = identifyListener(loaded.key, address, userAgent);
    if (!(made instanceof Promise)) return remember(loaded, address, userAgent, made);
    return made.then((identity) => remember(loaded, address, userAgent, identity));
  }

  return { keyFor, identify };
}

function remember(
  loaded: LoadedDay,
  address: string,
  userAgent: string,
  identity: ListenerIdentity,
): ListenerIdentity {
  if (loaded.identities.size >= REMEMBERED_LISTENERS) loaded.identities.clear();
  loaded.identities.set(`${address}\n${userAgent}`, identity);
  return identity;
}

/**
 * The day's keyed hash of a client address (IPv6 by its /64), for records that must tell clients
 * apart without keeping an address, such as failed sign-ins. It changes at midnight UTC.
 */
export async function addressHashOfDay(db: Database, now: Date, address: string): Promise<string> {
  const key = await importDayKey(await dayKeySecret(db, utcDay(now), newDaySecret()));
  return (await listenerIdentity(key, address, '')).address;
}
