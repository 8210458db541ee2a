// classifyUserAgent(ua): INTERIM (replaced by the OPAWG-based classifier on branch `ua`).
export type ClientKind = 'app' | 'browser' | 'library' | 'watch' | 'bot';
export interface ClientInfo {
  readonly app: string;
  readonly kind: ClientKind;
}

export function classifyUserAgent(userAgent: string): ClientInfo {
  if (/^atc\//.test(userAgent)) return { app: 'Apple Podcasts', kind: 'watch' };
  if (/AppleCoreMedia|^Podcasts\//.test(userAgent)) return { app: 'Apple Podcasts', kind: 'app' };
  if (/bot|crawl|spider/i.test(userAgent)) return { app: 'Bot', kind: 'bot' };
  if (/Chrome\//.test(userAgent)) return { app: 'Chrome', kind: 'browser' };
  return { app: 'Other', kind: 'app' };
}
