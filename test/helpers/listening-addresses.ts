// Every spelling under which a client address could sit in a file: as sent, canonical, expanded, its /64, and IPv6's 16 raw bytes.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ipaddr from 'ipaddr.js';
import { addressPrefix } from '../../src/analytics/listener-identity.ts';
import { parseAddress } from '../../src/http/client-address.ts';

/** The strings (Latin-1, byte for byte) to search a database file for, so no stored address escapes. */
export function addressSpellings(addresses: readonly string[]): string[] {
  const spellings = new Set<string>();
  for (const address of addresses) {
    spellings.add(address);
    const canonical = parseAddress(address);
    if (!canonical) throw new Error(`${address} is no address`);
    spellings.add(canonical);
    if (!canonical.includes(':')) continue;
    const parsed = ipaddr.IPv6.parse(canonical);
    spellings.add(parsed.toNormalizedString());
    spellings.add(parsed.parts.map((part) => part.toString(16).padStart(4, '0')).join(':'));
    spellings.add(addressPrefix(canonical));
    spellings.add(addressPrefix(canonical).replace('/64', ''));
    spellings.add(String.fromCharCode(...parsed.toByteArray()));
  }
  for (const spelling of [...spellings]) spellings.add(spelling.toUpperCase());
  return [...spellings];
}

/**
 * The spellings of `addresses` found in the files under `dir` whose names pass `accept` (searched
 * byte for byte, so a -wal or -shm file counts as much as the database itself); [] when none is.
 */
export async function addressesStoredIn(
  dir: string,
  accept: (name: string) => boolean,
  addresses: readonly string[],
): Promise<{ files: string[]; found: string[] }> {
  const files = (await readdir(dir, { recursive: true })).filter((name) => accept(name));
  const text = (await Promise.all(files.map((name) => readFile(join(dir, name)))))
    .map((bytes) => bytes.toString('latin1'))
    .join('\n');
  return { files, found: addressSpellings(addresses).filter((spelling) => text.includes(spelling)) };
}
