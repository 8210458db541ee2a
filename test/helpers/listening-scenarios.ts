// Issue 13's listening scenarios as data: who requests which bytes of which episode, and the downloads IAB v2.2 expects.

/** The files scenarios fetch: a published demo episode, a long one behind a large tag, a draft's. */
export type FileName = 'episode' | 'long' | 'draft';

export interface MediaFile {
  /** The media path (/media/<version>/<key>). */
  readonly path: string;
  readonly sizeBytes: number;
  readonly durationSeconds: number;
}

export interface ListenRequest {
  /** The client's address (sent as the runtime's address header; see PlayTarget.addressHeader). */
  readonly address: string;
  /** '' sends an empty User-Agent. */
  readonly userAgent: string;
  readonly method?: 'GET' | 'HEAD';
  /** The Range header; a function of the file for spans given in seconds (see seconds()). */
  readonly range?: string | ((file: MediaFile) => string);
  readonly referer?: string;
  /** A forged X-Forwarded-For the client writes itself. */
  readonly forwardedFor?: string;
  /** A slow client that drops the connection after this many body bytes (raw socket, small buffer). */
  readonly dropAfterBytes?: number;
  /** Sent with the admin token (the newsroom previewing a draft). */
  readonly signedIn?: boolean;
}

export interface Expected {
  readonly downloads: number;
  /** Downloads by app the scenario adds (only apps named by both the interim and the OPAWG classifier). */
  readonly apps?: Readonly<Record<string, number>>;
  readonly sources?: readonly { source: string; page: string; title?: string; downloads: number }[];
  /** Downloads beyond MAX_DOWNLOADS_PER_ADDRESS, flagged as an anomaly when the day is closed. */
  readonly anomaly?: number;
  /** Bytes never sent are never counted: the events recorded cover less than the file. */
  readonly deliveredLessThanFile?: boolean;
}

export interface Scenario {
  readonly name: string;
  readonly file: FileName;
  /**
   * The client address is the connection's own (no TRUST_PROXY): on Node the socket's, in workerd
   * CF-Connecting-IP. Node runs it against a server without TRUST_PROXY.
   */
  readonly untrustedProxy?: boolean;
  /** Requests sent this many at a time (default one after another). */
  readonly parallel?: number;
  readonly requests: readonly ListenRequest[];
  readonly expected: Expected;
}

/** The byte offset `second` seconds into the file, by its average rate. */
export const offsetAt = (file: MediaFile, second: number) =>
  Math.floor((file.sizeBytes * second) / file.durationSeconds);

/** A Range of the audio from `from` to `to` seconds (by the file's average rate). */
export const seconds =
  (from: number, to: number) =>
  (file: MediaFile): string =>
    `bytes=${offsetAt(file, from)}-${offsetAt(file, to) - 1}`;

// User-Agents as clients send them; bots are the OPAWG user-agents-v2 bots.json examples
// (github.com/opawg/user-agents-v2, MIT) that isbot flags as well.
export const IPHONE_CORE_MEDIA = 'AppleCoreMedia/1.0.0.21F90 (iPhone; U; CPU OS 17_5 like Mac OS X; en_us)';
export const APPLE_PODCASTS = 'Podcasts/1410.53 CFNetwork/1111 Darwin/19.0.0 (x86_64)';
export const APPLE_WATCH = 'atc/1.0 watchOS/10.5 model/Watch6,2 hwp/t8301 build/21T576 (6; dt:269) AMS/1';
export const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/77.0.3865.120 Safari/537.36';
export const BOT_EXAMPLES = [
  'Mozilla/5.0 (compatible; AhrefsBot/7.0; http://ahrefs.com/robot/)',
  'Mozilla/5.0 (compatible; Bingbot/2.0; +http://www.bing.com/bingbot.htm)',
  'Googlebot-News Audio',
  'Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.96 Mobile Safari/537.36 (compatible; Googlebot/2.1; http://www.google.com/bot.html)',
  'meta-externalagent/1.1 ( https://developers.facebook.com/docs/sharing/webmasters/crawler)',
] as const;
/** Unique to the slow client, so its events can be found. */
export const SLOW_PHONE = 'AppleCoreMedia/1.0.0.21F90 (iPhone; U; CPU OS 17_5 like Mac OS X; en_ie)';

const ARTICLE = '/articles/tide-mill-turns-again';
const whole = (address: string, userAgent: string): ListenRequest => ({ address, userAgent });

/**
 * Every scenario has addresses of its own (203.0.113.0/24 and 2001:db8:5ce::/48, documentation
 * ranges), so they are independent listeners and can run in any order on one database.
 */
export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'AppleCoreMedia full download (a bytes=0-1 probe, then the file)',
    file: 'episode',
    requests: [
      { address: '203.0.113.10', userAgent: IPHONE_CORE_MEDIA, range: 'bytes=0-1' },
      { address: '203.0.113.10', userAgent: IPHONE_CORE_MEDIA, range: 'bytes=0-' },
    ],
    expected: { downloads: 1 },
  },
  {
    name: 'the same listener twice',
    file: 'episode',
    requests: [whole('203.0.113.11', APPLE_PODCASTS), whole('203.0.113.11', APPLE_PODCASTS)],
    expected: { downloads: 1, apps: { 'Apple Podcasts': 1 } },
  },
  {
    name: 'bytes=0-1 alone',
    file: 'episode',
    requests: [{ address: '203.0.113.12', userAgent: IPHONE_CORE_MEDIA, range: 'bytes=0-1' }],
    expected: { downloads: 0 },
  },
  {
    name: 'HEAD',
    file: 'episode',
    requests: [{ address: '203.0.113.13', userAgent: APPLE_PODCASTS, method: 'HEAD' }],
    expected: { downloads: 0 },
  },
  {
    name: 'under a minute (the first 40 seconds)',
    file: 'episode',
    requests: [{ address: '203.0.113.14', userAgent: APPLE_PODCASTS, range: seconds(0, 40) }],
    expected: { downloads: 0 },
  },
  {
    name: 'ranges adding up (three overlapping spans, none a minute, 75 seconds together)',
    file: 'episode',
    requests: [
      { address: '203.0.113.15', userAgent: APPLE_PODCASTS, range: seconds(0, 25) },
      { address: '203.0.113.15', userAgent: APPLE_PODCASTS, range: seconds(20, 45) },
      { address: '203.0.113.15', userAgent: APPLE_PODCASTS, range: seconds(40, 75) },
    ],
    expected: { downloads: 1, apps: { 'Apple Podcasts': 1 } },
  },
  {
    name: 'bots from the lists’ own example strings',
    file: 'episode',
    requests: BOT_EXAMPLES.map((userAgent) => whole('203.0.113.16', userAgent)),
    expected: { downloads: 0 },
  },
  {
    name: 'empty User-Agent',
    file: 'episode',
    requests: [whole('203.0.113.17', '')],
    expected: { downloads: 0 },
  },
  {
    name: 'two IPv6 addresses in one /64 (privacy addresses of one phone)',
    file: 'episode',
    requests: [
      { address: '2001:DB8:5CE:1:0:0:0:A', userAgent: APPLE_PODCASTS, range: seconds(0, 35) },
      { address: '2001:db8:5ce:1:8000::b', userAgent: APPLE_PODCASTS, range: seconds(30, 70) },
    ],
    expected: { downloads: 1, apps: { 'Apple Podcasts': 1 } },
  },
  {
    name: 'a browser play from an article',
    file: 'episode',
    requests: [
      {
        address: '2001:db8:5ce:2::7',
        userAgent: CHROME,
        range: 'bytes=0-',
        referer: `https://news.example${ARTICLE}`,
      },
    ],
    expected: {
      downloads: 1,
      apps: { Chrome: 1 },
      sources: [
        {
          source: ARTICLE,
          page: 'article',
          title: 'The tide mill on Saltings Creek turns again',
          downloads: 1,
        },
      ],
    },
  },
  {
    name: 'a dropped connection after a few KB on a slow client',
    file: 'long',
    requests: [{ address: '203.0.113.18', userAgent: SLOW_PHONE, dropAfterBytes: 8 * 1024 }],
    expected: { downloads: 0, deliveredLessThanFile: true },
  },
  {
    name: 'an Apple Watch download beside the iPhone on the same address counts once',
    file: 'episode',
    requests: [whole('203.0.113.19', APPLE_WATCH), whole('203.0.113.19', APPLE_PODCASTS)],
    expected: { downloads: 1, apps: { 'Apple Podcasts': 1 } },
  },
  {
    // Were X-Forwarded-For believed, these would be two listeners with 40 seconds each (none counted).
    name: 'a forged X-Forwarded-For without TRUST_PROXY is ignored (one listener, 70 seconds)',
    file: 'episode',
    untrustedProxy: true,
    requests: [
      {
        address: '203.0.113.20',
        userAgent: APPLE_PODCASTS,
        range: seconds(0, 40),
        forwardedFor: '192.0.2.1',
      },
      {
        address: '203.0.113.20',
        userAgent: APPLE_PODCASTS,
        range: seconds(30, 70),
        forwardedFor: '192.0.2.2',
      },
    ],
    expected: { downloads: 1, apps: { 'Apple Podcasts': 1 } },
  },
  {
    // RFC 9110 §14.1.2: a last-byte-pos past the end means "to the end"; what is counted is what was
    // delivered (the file once), never the 100 GB the range names.
    name: 'an absurd range is the whole file: one download, however often',
    file: 'episode',
    requests: [
      { address: '203.0.113.21', userAgent: APPLE_PODCASTS, range: 'bytes=0-99999999999' },
      { address: '203.0.113.21', userAgent: APPLE_PODCASTS, range: 'bytes=0-99999999999' },
    ],
    expected: { downloads: 1, apps: { 'Apple Podcasts': 1 } },
  },
  {
    name: 'absurd ranges past the end deliver nothing (416)',
    file: 'episode',
    requests: [
      { address: '203.0.113.22', userAgent: APPLE_PODCASTS, range: 'bytes=99999999999-' },
      { address: '203.0.113.22', userAgent: APPLE_PODCASTS, range: 'bytes=99999999990-99999999999' },
    ],
    expected: { downloads: 0 },
  },
  {
    name: '500 tiny ranges of the same 100 bytes',
    file: 'episode',
    parallel: 10,
    requests: Array.from({ length: 500 }, () => ({
      address: '203.0.113.23',
      userAgent: APPLE_PODCASTS,
      range: 'bytes=4000-4099',
    })),
    expected: { downloads: 0 },
  },
  {
    name: 'a flood: 30 User-Agents downloading from one address (20 counted, the rest flagged)',
    file: 'episode',
    requests: Array.from({ length: 30 }, (_, i) =>
      whole('203.0.113.24', `Podcasts/${1400 + i}.53 CFNetwork/1111 Darwin/19.0.0 (x86_64)`),
    ),
    expected: { downloads: 20, apps: { 'Apple Podcasts': 20 }, anomaly: 10 },
  },
  {
    name: 'a draft’s audio fetched with the admin token',
    file: 'draft',
    requests: [{ ...whole('203.0.113.25', APPLE_PODCASTS), signedIn: true }],
    expected: { downloads: 0 },
  },
];

/**
 * The scenarios moved to other addresses (198.51.100.0/24, 2001:db8:ba5e::/48), for a replay on
 * the same database that must not meet the listeners of the first run.
 */
export function relocated(scenario: Scenario): Scenario {
  const move = (address: string) =>
    address.replace(/^203\.0\.113\./, '198.51.100.').replace(/^2001:db8:5ce:/i, '2001:db8:ba5e:');
  return {
    ...scenario,
    requests: scenario.requests.map((r) => ({ ...r, address: move(r.address) })),
  };
}
