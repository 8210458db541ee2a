// parseConfig(vars): turns environment variables into a typed Config, or one error naming every bad one.
import { type PushConfig, parsePushConfig } from './config-push.ts';
import { parseSubscriberConfig, type SubscriberConfig } from './config-subscribers.ts';
import { ConfigError } from './errors.ts';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config extends PushConfig, SubscriberConfig {
  /** TCP port of the Node server. */
  readonly port: number;
  /** Interface the Node server listens on. */
  readonly host: string;
  /** Absolute origin (and optional path prefix) used in every feed and page link; no trailing slash. */
  readonly baseUrl: string;
  /** `file:` path of the embedded database, or a remote libSQL URL. */
  readonly databaseUrl: string;
  readonly databaseAuthToken: string | undefined;
  /** Folder of the Node media store. */
  readonly mediaDir: string;
  /** Bearer token for the admin API; the write API is disabled when unset. */
  readonly adminToken: string | undefined;
  /** Seed the demo site into an empty database at start-up. */
  readonly seedDemo: boolean;
  readonly logLevel: LogLevel;
  /** IANA time zone for dates shown on pages. */
  readonly timeZone: string;
  /** The site's name and one-line description, used by pages and the news feeds. */
  readonly siteTitle: string;
  readonly siteDescription: string;
  /** Language of the site (BCP 47), as pages and news feeds declare it. */
  readonly siteLanguage: string;
  /** Items per page of the news feeds (RFC 5005 paging beyond it). */
  readonly feedPageSize: number;
  /** Largest upload the admin API accepts, in bytes. */
  readonly maxUploadBytes: number;
  /** Largest JSON or form body (anything but a raw upload) any route accepts, in bytes. */
  readonly maxBodyBytes: number;
  /** How long a resumable (tus) upload may stay unfinished, and a finished one unattached, in hours. */
  readonly uploadExpiryHours: number;
  /** Workers: the R2 multipart part size of resumable uploads, in bytes (5 MiB to 32 MiB). */
  readonly uploadPartBytes: number;
  /**
   * One proxy we trust stands in front: the client is the right-most `X-Forwarded-For` entry, not
   * the socket's peer.
   */
  readonly trustProxy: boolean;
  /** A studio session unused this long ends (SESSION_IDLE_MINUTES). */
  readonly sessionIdleMinutes: number;
  /** A studio session ends this long after sign-in, however active (SESSION_MAX_DAYS). */
  readonly sessionMaxDays: number;
  /** Count downloads of episode audio (ANALYTICS=on, the default; off records nothing). */
  readonly analytics: boolean;
  /** Days the hashed raw listening events are kept so counts can be recomputed (ANALYTICS_RETENTION_DAYS). */
  readonly analyticsRetentionDays: number;
  /** Let fetches from other hosts reach private, loopback and local addresses and any port (ALLOW_PRIVATE_FETCH). */
  readonly allowPrivateFetch: boolean;
  /** Time cap of one fetch from another host, redirects and body included, in ms (FETCH_TIMEOUT_MS). */
  readonly fetchTimeoutMs: number;
  /** Ports fetches may use besides 80 and 443 (FETCH_ALLOWED_PORTS, a comma list). */
  readonly fetchAllowedPorts: readonly number[];
  /** Largest feed document an import reads, in bytes (IMPORT_MAX_FEED_BYTES). */
  readonly importMaxFeedBytes: number;
}

export type ConfigVars = Readonly<Record<string, string | undefined>>;

const DATABASE_SCHEMES = ['file:', 'libsql:', 'http:', 'https:', 'ws:', 'wss:'];

/**
 * Reads podwire's settings from `vars` (the Node environment, or Worker bindings). Pure: it checks
 * only the form of each value; the Node entry checks that folders exist. Throws one ConfigError
 * listing every variable at fault, each as `NAME: what is wrong (got "value")`.
 */
export function parseConfig(vars: ConfigVars): Config {
  const problems: string[] = [];
  const get = (name: string): string | undefined => {
    const value = vars[name]?.trim();
    return value === '' ? undefined : value;
  };
  const bad = (name: string, why: string) =>
    problems.push(`${name}: ${why} (got ${JSON.stringify(vars[name])})`);

  const port = parsePort(get('PORT') ?? '8787');
  if (port === undefined) bad('PORT', 'must be a whole number from 0 to 65535');

  const baseUrl = get('BASE_URL') ?? `http://localhost:${port ?? 8787}`;
  const normalizedBase = normalizeBaseUrl(baseUrl);
  if (normalizedBase === undefined) {
    bad(
      'BASE_URL',
      'must be an absolute http(s) URL without query or fragment, such as https://news.example',
    );
  }

  const databaseUrl = get('DATABASE_URL') ?? 'file:data/podwire.db';
  const databaseProblem = checkDatabaseUrl(databaseUrl);
  if (databaseProblem) bad('DATABASE_URL', databaseProblem);

  const seedDemo = parseBoolean(get('SEED_DEMO') ?? 'true');
  if (seedDemo === undefined) bad('SEED_DEMO', 'must be true or false');

  const logLevel = (get('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!isLogLevel(logLevel)) bad('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);

  const timeZone = get('TIME_ZONE') ?? 'UTC';
  if (!isTimeZone(timeZone)) bad('TIME_ZONE', 'must be an IANA time zone such as Europe/London or UTC');

  const siteLanguage = get('SITE_LANGUAGE') ?? 'en';
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(siteLanguage)) {
    bad('SITE_LANGUAGE', 'must be a language tag such as en, en-GB or fr');
  }

  const feedPageSize = Number(get('FEED_PAGE_SIZE') ?? '50');
  if (!Number.isInteger(feedPageSize) || feedPageSize < 1 || feedPageSize > 90) {
    bad('FEED_PAGE_SIZE', 'must be a whole number from 1 to 90');
  }

  const maxUploadBytes = parseByteCount(get('MAX_UPLOAD_BYTES') ?? String(500 * 1024 * 1024));
  if (maxUploadBytes === undefined) bad('MAX_UPLOAD_BYTES', 'must be a whole number of bytes, at least 1024');

  // 4 MiB: room for the largest valid article (a 500,000-character bodyHtml is at most 1.5 MB of UTF-8,
  // 3 MB if every character needed a JSON escape).
  const maxBodyBytes = parseByteCount(get('MAX_BODY_BYTES') ?? String(4 * 1024 * 1024));
  if (maxBodyBytes === undefined) {
    bad('MAX_BODY_BYTES', 'must be a whole number of bytes, at least 1024 (such as 4194304 for 4 MiB)');
  }

  const uploadExpiryHours = Number(get('UPLOAD_EXPIRY_HOURS') ?? '24');
  if (!Number.isInteger(uploadExpiryHours) || uploadExpiryHours < 1 || uploadExpiryHours > 720) {
    bad('UPLOAD_EXPIRY_HOURS', 'must be a whole number of hours from 1 to 720');
  }

  // R2 takes parts of at least 5 MiB; a Worker holds about two parts in memory while it streams.
  const uploadPartBytes = parseByteCount(get('UPLOAD_PART_BYTES') ?? String(8 * 1024 * 1024));
  if (
    uploadPartBytes === undefined ||
    uploadPartBytes < 5 * 1024 * 1024 ||
    uploadPartBytes > 32 * 1024 * 1024
  ) {
    bad('UPLOAD_PART_BYTES', 'must be a whole number of bytes from 5242880 (5 MiB) to 33554432 (32 MiB)');
  }

  const trustProxy = parseBoolean(get('TRUST_PROXY') ?? 'false');
  if (trustProxy === undefined) bad('TRUST_PROXY', 'must be true or false');

  const sessionIdleMinutes = parseWhole(get('SESSION_IDLE_MINUTES') ?? '720');
  if (!Number.isInteger(sessionIdleMinutes) || sessionIdleMinutes < 1 || sessionIdleMinutes > 60 * 24 * 90) {
    bad('SESSION_IDLE_MINUTES', 'must be a whole number of minutes from 1 to 129600 (90 days)');
  }
  const sessionMaxDays = parseWhole(get('SESSION_MAX_DAYS') ?? '14');
  if (!Number.isInteger(sessionMaxDays) || sessionMaxDays < 1 || sessionMaxDays > 365) {
    bad('SESSION_MAX_DAYS', 'must be a whole number of days from 1 to 365');
  }

  const analytics = parseBoolean(get('ANALYTICS') ?? 'on');
  if (analytics === undefined) bad('ANALYTICS', 'must be on or off');
  const analyticsRetentionDays = parseWhole(get('ANALYTICS_RETENTION_DAYS') ?? '30');
  if (
    !Number.isInteger(analyticsRetentionDays) ||
    analyticsRetentionDays < 2 ||
    analyticsRetentionDays > 3660
  ) {
    bad('ANALYTICS_RETENTION_DAYS', 'must be a whole number of days from 2 to 3660');
  }

  const allowPrivateFetch = parseBoolean(get('ALLOW_PRIVATE_FETCH') ?? 'false');
  if (allowPrivateFetch === undefined) bad('ALLOW_PRIVATE_FETCH', 'must be true or false');
  const fetchTimeoutMs = parseWhole(get('FETCH_TIMEOUT_MS') ?? '30000');
  if (!Number.isInteger(fetchTimeoutMs) || fetchTimeoutMs < 100 || fetchTimeoutMs > 3_600_000) {
    bad('FETCH_TIMEOUT_MS', 'must be a whole number of milliseconds from 100 to 3600000 (1 hour)');
  }
  const fetchAllowedPorts = parsePortList(get('FETCH_ALLOWED_PORTS') ?? '');
  if (fetchAllowedPorts === undefined) {
    bad('FETCH_ALLOWED_PORTS', 'must be a comma-separated list of ports from 1 to 65535, such as 8080,8443');
  }
  const importMaxFeedBytes = parseByteCount(get('IMPORT_MAX_FEED_BYTES') ?? String(50 * 1024 * 1024));
  if (importMaxFeedBytes === undefined) {
    bad(
      'IMPORT_MAX_FEED_BYTES',
      'must be a whole number of bytes, at least 1024 (such as 52428800 for 50 MiB)',
    );
  }

  const adminToken = get('ADMIN_TOKEN');
  if (adminToken !== undefined && adminToken.length < 16) {
    problems.push('ADMIN_TOKEN: must be at least 16 characters (generate one with: openssl rand -hex 32)');
  }

  const push = parsePushConfig(get, bad, normalizedBase ?? baseUrl);
  const subscribers = parseSubscriberConfig(get, bad);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: port as number,
    host: get('HOST') ?? '0.0.0.0',
    baseUrl: normalizedBase as string,
    databaseUrl,
    databaseAuthToken: get('DATABASE_AUTH_TOKEN'),
    mediaDir: get('MEDIA_DIR') ?? 'media',
    adminToken,
    seedDemo: seedDemo as boolean,
    logLevel: logLevel as LogLevel,
    timeZone,
    // The demo's identity by default only while the demo is seeded; a production site names itself.
    siteTitle: get('SITE_TITLE') ?? (seedDemo ? 'Millbrook Courier' : 'podwire'),
    siteDescription:
      get('SITE_DESCRIPTION') ??
      (seedDemo ? 'News from Millbrook, with the Courier Conversations podcast' : 'News and podcasts'),
    siteLanguage,
    feedPageSize,
    maxUploadBytes: maxUploadBytes as number,
    maxBodyBytes: maxBodyBytes as number,
    uploadExpiryHours,
    uploadPartBytes: uploadPartBytes as number,
    trustProxy: trustProxy as boolean,
    sessionIdleMinutes,
    sessionMaxDays,
    analytics: analytics as boolean,
    analyticsRetentionDays,
    allowPrivateFetch: allowPrivateFetch as boolean,
    fetchTimeoutMs,
    fetchAllowedPorts: fetchAllowedPorts as readonly number[],
    importMaxFeedBytes: importMaxFeedBytes as number,
    ...push,
    ...subscribers,
  };
}

function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  // 0 asks the system for any free port (tests and tools use it).
  return port <= 65535 ? port : undefined;
}

/** `8080, 8443`: distinct ports from 1 to 65535; empty for none. */
function parsePortList(text: string): number[] | undefined {
  if (text === '') return [];
  const ports = text.split(',').map((part) => parsePort(part.trim()));
  if (ports.some((port) => port === undefined || port === 0)) return undefined;
  return [...new Set(ports as number[])];
}

/** A size in bytes: digits only (no units, signs or exponents), at least 1024. */
function parseByteCount(text: string): number | undefined {
  const bytes = /^\d{1,13}$/.test(text) ? Number(text) : Number.NaN;
  return bytes >= 1024 ? bytes : undefined;
}

/** Digits only (no signs, exponents or fractions); NaN otherwise. */
function parseWhole(text: string): number {
  return /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
}

function parseBoolean(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(lower)) return true;
  if (['false', '0', 'no', 'off'].includes(lower)) return false;
  return undefined;
}

function normalizeBaseUrl(text: string): string | undefined {
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username) {
    return undefined;
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function checkDatabaseUrl(text: string): string | undefined {
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(text)?.[0]?.toLowerCase();
  if (!scheme || !DATABASE_SCHEMES.includes(scheme)) {
    return 'must be file:PATH (such as file:data/podwire.db) or a libsql://, https:// or wss:// URL';
  }
  if (scheme === 'file:') {
    return text.length > 'file:'.length ? undefined : 'names no file (use file:data/podwire.db)';
  }
  return URL.canParse(text) && new URL(text).host ? undefined : 'is not a valid URL with a host';
}

function isLogLevel(text: string): text is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(text);
}

function isTimeZone(text: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: text });
    return true;
  } catch {
    return false;
  }
}
