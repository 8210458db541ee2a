// classifyUserAgent: the app (for reports) and kind of a podcast download's User-Agent, OPAWG lists plus isbot.
import { isbot } from 'isbot';
import { boundedMemo } from '../http/bounded-memo.ts';
import { OPAWG_APPS, OPAWG_BOTS, OPAWG_BROWSERS, OPAWG_LIBRARIES } from './opawg-user-agents.ts';
import { firstCharacters, withoutLeadingWildcard } from './pattern-prefilter.ts';

export type ClientKind = 'app' | 'browser' | 'library' | 'watch' | 'bot';
export interface ClientInfo {
  readonly app: string;
  readonly kind: ClientKind;
}

/** An agent no list names: counted (IAB v2.2 filters bots by list, not unknown agents). */
const OTHER_APP: ClientInfo = Object.freeze({ app: 'Other', kind: 'app' });
/** A bot that only isbot recognises: OPAWG gives it no name. */
const OTHER_BOT: ClientInfo = Object.freeze({ app: 'Other', kind: 'bot' });
/**
 * OPAWG files Apple Watch downloads (`atc/…`, `(null)/(null) watchOS/…`) under bots, because each one
 * duplicates the paired iPhone's download; the counter needs them apart to de-duplicate instead.
 */
const OPAWG_WATCH_ENTRY = 'Apple Podcasts (Watch)';
const WATCH: ClientInfo = Object.freeze({ app: 'Apple Podcasts', kind: 'watch' });
/**
 * OPAWG browsers that isbot would flag yet OPAWG says are listeners: DuckDuckGo's iOS browser sends
 * "DuckDuckGo/3 CFNetwork/…" (isbot's `^duckduckgo`); its crawler, DuckDuckBot, is in OPAWG's bots.
 */
const BROWSERS_BEFORE_ISBOT: readonly string[] = ['DuckDuckGo'];

interface Rule {
  readonly pattern: RegExp;
  /** The first characters the pattern can match (null: any), checked before running it. */
  readonly first: string | null;
  readonly info: ClientInfo;
}
interface Rules {
  /** OPAWG bots, apps and libraries, in the order OPAWG prescribes (bots first: "Overcast/1.0 Podcast Sync"). */
  readonly named: readonly Rule[];
  /** The few OPAWG browsers isbot must not overrule. */
  readonly trustedBrowsers: readonly Rule[];
  readonly browsers: readonly Rule[];
}

const info = (app: string, kind: ClientKind): ClientInfo => Object.freeze({ app, kind });
const rule = (pattern: string, client: ClientInfo): Rule => ({
  pattern: new RegExp(withoutLeadingWildcard(pattern)),
  first: firstCharacters(pattern),
  info: client,
});

let rules: Rules | undefined;
/** Compiles the ~900 OPAWG patterns on first use, so importing this module costs nothing. */
function compiledRules(): Rules {
  if (rules) return rules;
  const named: Rule[] = [];
  for (const [name, pattern] of OPAWG_BOTS) {
    named.push(rule(pattern, name === OPAWG_WATCH_ENTRY ? WATCH : info(name, 'bot')));
  }
  for (const [name, pattern] of OPAWG_APPS) named.push(rule(pattern, info(name, 'app')));
  for (const [name, pattern, bot] of OPAWG_LIBRARIES) {
    // OPAWG's category "bot" marks server-side HTTP clients (Go-http-client, python-urllib3, axios...).
    named.push(rule(pattern, info(name, bot ? 'bot' : 'library')));
  }
  const trustedBrowsers: Rule[] = [];
  const browsers: Rule[] = [];
  for (const [name, pattern] of OPAWG_BROWSERS) {
    (BROWSERS_BEFORE_ISBOT.includes(name) ? trustedBrowsers : browsers).push(
      rule(pattern, info(name, 'browser')),
    );
  }
  rules = { named, trustedBrowsers, browsers };
  return rules;
}

function firstMatch(list: readonly Rule[], userAgent: string): ClientInfo | undefined {
  const first = userAgent[0] ?? '';
  for (const { pattern, first: can, info } of list) {
    if ((can === null || can.includes(first)) && pattern.test(userAgent)) return info;
  }
  return undefined;
}

/**
 * The order, each step settled by tests: (1) OPAWG bots, apps, libraries as OPAWG's README prescribes, so a
 * podcast app is named before (2) isbot, which alone would flag Overcast, Podcast Addict and AntennaPod;
 * (3) browsers only after isbot, because crawlers (Googlebot smartphone, Lighthouse) carry "Chrome/…".
 */
function classifyUncached(userAgent: string): ClientInfo {
  // OPAWG: "Remove any newlines (never occurs except from bad actors)".
  const ua =
    userAgent.includes('\n') || userAgent.includes('\r') ? userAgent.replace(/[\r\n]/g, '') : userAgent;
  const { named, trustedBrowsers, browsers } = compiledRules();
  const known = firstMatch(named, ua) ?? firstMatch(trustedBrowsers, ua);
  if (known) return known;
  return isbot(ua) ? OTHER_BOT : (firstMatch(browsers, ua) ?? OTHER_APP);
}

let remembered: ((userAgent: string) => ClientInfo) | undefined;

/** The app (for reports) and kind of a User-Agent; the empty string is never passed (the caller drops it). */
export function classifyUserAgent(userAgent: string): ClientInfo {
  // Each listener's app sends the same string on every request: a Map lookup instead of ~900 regexes.
  remembered ??= boundedMemo(classifyUncached, { maxEntries: 4096, maxKeyLength: 512 });
  return remembered(userAgent);
}
