// createDayKeys(db): the HMAC key of the current UTC day, created once by whichever instance asks first.
import {
  type DayHmac,
  type DayHmacFactory,
  daySecretBytes,
  importDayKey,
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
}

/**
 * Keys by day, remembered in memory for the current day only: when the day changes, the old key is
 * dropped here and deleted from the database, so a day's hashes cannot be tied to an address once
 * the day is over. Only a loaded key is shared: requests that arrive while it loads each read it
 * (the database keeps one per day), because on Workers a request awaiting another request's
 * promise is cancelled as hung by workerd.
 */
export function createDayKeys(db: Database, options: { hmac?: DayHmacFactory } = {}): DayKeys {
  const makeHmac = options.hmac ?? webCryptoDayHmac;
  let current: { day: string; key: DayHmac } | undefined;
  return {
    async keyFor(day) {
      if (current?.day === day) return current.key;
      const key = await makeHmac(daySecretBytes(await dayKeySecret(db, day, newDaySecret())));
      // A request that began just before midnight may finish after it: only a newer day replaces.
      if (!current || day > current.day) current = { day, key };
      return key;
    },
  };
}

/**
 * The day's keyed hash of a client address (IPv6 by its /64), for records that must tell clients
 * apart without keeping an address, such as failed sign-ins. It changes at midnight UTC.
 */
export async function addressHashOfDay(db: Database, now: Date, address: string): Promise<string> {
  const key = await importDayKey(await dayKeySecret(db, utcDay(now), newDaySecret()));
  return (await listenerIdentity(key, address, '')).address;
}
