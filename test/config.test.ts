import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.ts';
import { ConfigError } from '../src/errors.ts';

function problemsOf(vars: Record<string, string>): readonly string[] {
  try {
    parseConfig(vars);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      port: 8787,
      host: '0.0.0.0',
      baseUrl: 'http://localhost:8787',
      databaseUrl: 'file:data/podwire.db',
      mediaDir: 'media',
      adminToken: undefined,
      seedDemo: true,
      logLevel: 'info',
      timeZone: 'UTC',
      siteLanguage: 'en',
      maxBodyBytes: 4 * 1024 * 1024,
      uploadExpiryHours: 24,
      uploadPartBytes: 8 * 1024 * 1024,
      trustProxy: false,
      sessionIdleMinutes: 720,
      sessionMaxDays: 14,
    });
  });

  it('derives BASE_URL from PORT and strips a trailing slash from an explicit one', () => {
    expect(parseConfig({ PORT: '9000' }).baseUrl).toBe('http://localhost:9000');
    expect(parseConfig({ BASE_URL: 'https://news.example/podwire/' }).baseUrl).toBe(
      'https://news.example/podwire',
    );
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ PORT: '', ADMIN_TOKEN: '  ' })).toMatchObject({ port: 8787, adminToken: undefined });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['BASE_URL', 'news.example'],
    ['BASE_URL', 'ftp://news.example'],
    ['BASE_URL', 'https://news.example/?a=1'],
    ['DATABASE_URL', 'postgres://db/podwire'],
    ['DATABASE_URL', 'data/podwire.db'],
    ['DATABASE_URL', 'file:'],
    ['DATABASE_URL', 'libsql://'],
    ['SEED_DEMO', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['TIME_ZONE', 'Mars/Olympus_Mons'],
    ['SITE_LANGUAGE', 'english!'],
    ['ADMIN_TOKEN', 'short'],
    ['UPLOAD_EXPIRY_HOURS', '0'],
    ['UPLOAD_EXPIRY_HOURS', '1.5'],
    ['UPLOAD_PART_BYTES', '1048576'],
    ['UPLOAD_PART_BYTES', '67108864'],
    ['MAX_BODY_BYTES', '4MB'],
    ['MAX_BODY_BYTES', '-1'],
    ['MAX_BODY_BYTES', '1e6'],
    ['MAX_BODY_BYTES', '100'],
    ['TRUST_PROXY', 'sometimes'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['SESSION_IDLE_MINUTES', '1e3'],
    ['SESSION_IDLE_MINUTES', '30m'],
    ['SESSION_MAX_DAYS', '0'],
    ['SESSION_MAX_DAYS', '1000'],
    ['ALLOW_PRIVATE_FETCH', 'sure'],
    ['FETCH_TIMEOUT_MS', '30s'],
    ['FETCH_TIMEOUT_MS', '50'],
    ['FETCH_TIMEOUT_MS', '3600001'],
    ['FETCH_ALLOWED_PORTS', '8080;8443'],
    ['FETCH_ALLOWED_PORTS', '0'],
    ['FETCH_ALLOWED_PORTS', '70000'],
    ['FETCH_ALLOWED_PORTS', '8080,'],
    ['IMPORT_MAX_FEED_BYTES', '50MB'],
    ['IMPORT_MAX_FEED_BYTES', '100'],
  ])('rejects %s=%j with a message naming the variable', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: `));
  });

  it('lists every bad variable at once', () => {
    const problems = problemsOf({ PORT: 'x', SEED_DEMO: 'perhaps', DATABASE_URL: 'mysql://x' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['PORT', 'DATABASE_URL', 'SEED_DEMO']);
  });

  it('accepts remote libSQL URLs and the file: forms', () => {
    for (const url of ['libsql://db.example.turso.io', 'https://db.example', 'file:/var/lib/podwire.db']) {
      expect(parseConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    }
  });

  it('reads booleans in their usual spellings', () => {
    expect(parseConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
    expect(parseConfig({ SEED_DEMO: '0' }).seedDemo).toBe(false);
    expect(parseConfig({ SEED_DEMO: 'YES' }).seedDemo).toBe(true);
  });

  it('reads MAX_BODY_BYTES in bytes and says how to write it when it is wrong', () => {
    expect(parseConfig({ MAX_BODY_BYTES: '1048576' }).maxBodyBytes).toBe(1048576);
    expect(problemsOf({ MAX_BODY_BYTES: '4MB' })).toEqual([
      'MAX_BODY_BYTES: must be a whole number of bytes, at least 1024 (such as 4194304 for 4 MiB) (got "4MB")',
    ]);
  });

  it('reads TRUST_PROXY as a boolean', () => {
    expect(parseConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(parseConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
  });

  it('names a production site "podwire" unless told otherwise when the demo is off', () => {
    expect(parseConfig({ SEED_DEMO: 'false' }).siteTitle).toBe('podwire');
    expect(parseConfig({ SEED_DEMO: 'false', SITE_TITLE: 'Daily Wire' }).siteTitle).toBe('Daily Wire');
  });

  it('takes MAX_UPLOAD_BYTES from the documented minimum of 1024 bytes, and says so below it', () => {
    expect(parseConfig({}).maxUploadBytes).toBe(500 * 1024 * 1024);
    expect(parseConfig({ MAX_UPLOAD_BYTES: '1024' }).maxUploadBytes).toBe(1024);
    for (const value of ['1023', '0', '-5', '1.5e6', '10MB']) {
      expect(problemsOf({ MAX_UPLOAD_BYTES: value })).toEqual([
        `MAX_UPLOAD_BYTES: must be a whole number of bytes, at least 1024 (got ${JSON.stringify(value)})`,
      ]);
    }
  });

  it('reads the safe-fetch settings, closed by default', () => {
    expect(parseConfig({})).toMatchObject({
      allowPrivateFetch: false,
      fetchTimeoutMs: 30_000,
      fetchAllowedPorts: [],
      importMaxFeedBytes: 52_428_800,
    });
    expect(
      parseConfig({
        ALLOW_PRIVATE_FETCH: 'true',
        FETCH_TIMEOUT_MS: '5000',
        FETCH_ALLOWED_PORTS: ' 8080, 8443,8080 ',
        IMPORT_MAX_FEED_BYTES: '1048576',
      }),
    ).toMatchObject({
      allowPrivateFetch: true,
      fetchTimeoutMs: 5000,
      fetchAllowedPorts: [8080, 8443],
      importMaxFeedBytes: 1_048_576,
    });
  });
});
