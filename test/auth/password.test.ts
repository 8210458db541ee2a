import { describe, expect, it } from 'vitest';
import {
  dummyPasswordHash,
  hashPassword,
  passwordProblem,
  verifyPassword,
  WORKER_PASSWORD_POLICY,
} from '../../src/auth/password.ts';

const CHEAP = { iterations: 1000 };

describe('password hashing', () => {
  it('stores PBKDF2-SHA256 with its iterations, a 16-byte salt and a 32-byte hash', async () => {
    const stored = await hashPassword('correct horse battery', CHEAP);
    const match = /^pbkdf2-sha256\$1000\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
    expect(match).not.toBeNull();
    expect(atob(match?.[1] ?? '')).toHaveLength(16);
    expect(atob(match?.[2] ?? '')).toHaveLength(32);
    // A fresh salt each time: the same password never gives the same hash.
    expect(await hashPassword('correct horse battery', CHEAP)).not.toBe(stored);
  });

  it('accepts the right password and refuses a wrong one, or one differing in case or a space', async () => {
    const stored = await hashPassword('correct horse battery', CHEAP);
    expect(await verifyPassword('correct horse battery', stored, CHEAP)).toEqual({ ok: true, rehash: false });
    for (const wrong of ['Correct horse battery', 'correct horse battery ', '', 'x'.repeat(5000)]) {
      expect(await verifyPassword(wrong, stored, CHEAP)).toEqual({ ok: false, reason: 'mismatch' });
    }
  });

  it('matches a reference PBKDF2 computation (RFC 8018 through an independent implementation)', async () => {
    const { pbkdf2Sync } = await import('node:crypto');
    const salt = Buffer.alloc(16, 7);
    const expected = pbkdf2Sync('pässword', salt, 1000, 32, 'sha256').toString('base64');
    const stored = `pbkdf2-sha256$1000$${salt.toString('base64')}$${expected}`;
    expect(await verifyPassword('pässword', stored, CHEAP)).toEqual({ ok: true, rehash: false });
    // NFC: the decomposed spelling of ä is the same password.
    expect((await verifyPassword('pa\u0308ssword', stored, CHEAP)).ok).toBe(true);
  });

  it('asks for a rehash when the policy has been raised since the hash was made, never for a lowered one', async () => {
    const old = await hashPassword('correct horse battery', { iterations: 1000 });
    expect(await verifyPassword('correct horse battery', old, { iterations: 2000 })).toEqual({
      ok: true,
      rehash: true,
    });
    const strong = await hashPassword('correct horse battery', { iterations: 2000 });
    expect(await verifyPassword('correct horse battery', strong, { iterations: 1000 })).toEqual({
      ok: true,
      rehash: false,
    });
  });

  it('says "malformed" for stored text that is not such a hash, without throwing', async () => {
    for (const stored of [
      '',
      'plain-text-password',
      'bcrypt$2b$10$abc',
      'pbkdf2-sha256$0$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
      'pbkdf2-sha256$abc$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
      'pbkdf2-sha256$1000$!!!!!!!!!!!!!!!!!!!!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
      'pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAA',
      'pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    ]) {
      expect(await verifyPassword('correct horse battery', stored, CHEAP), stored).toEqual({
        ok: false,
        reason: 'malformed',
      });
    }
  });

  it('refuses, unhashed, a hash needing more iterations than the runtime computes (Workers: 100,000)', async () => {
    const node = await hashPassword('correct horse battery', { iterations: 100_001 });
    expect(await verifyPassword('correct horse battery', node, WORKER_PASSWORD_POLICY)).toEqual({
      ok: false,
      reason: 'unsupported',
      iterations: 100_001,
    });
  });

  it('gives a dummy hash of the policy cost that no password matches', async () => {
    const dummy = dummyPasswordHash(CHEAP);
    expect(dummy).toMatch(/^pbkdf2-sha256\$1000\$/);
    expect(await verifyPassword('', dummy, CHEAP)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('asks new passwords for 10 to 1000 characters', () => {
    expect(passwordProblem('short')).toMatch(/at least 10 characters/);
    expect(passwordProblem('x'.repeat(1001))).toMatch(/at most 1000/);
    expect(passwordProblem('ten chars!')).toBeUndefined();
    // Characters, not UTF-16 units: ten emoji are ten characters.
    expect(passwordProblem('🔑'.repeat(10))).toBeUndefined();
  });
});
