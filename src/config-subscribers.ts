// parseSubscriberConfig(get, bad): the settings of private subscriber feeds (token key, shared-link threshold).

export interface SubscriberConfig {
  /**
   * The HMAC key subscriber tokens are hashed under (SUBSCRIBER_TOKEN_KEY). Unset: a fixed key
   * built into podwire, so private feeds work with no setup; see the README for the trade-off.
   */
  readonly subscriberTokenKey: string | undefined;
  /** More distinct networks than this using one token in a UTC day marks it as shared (SUBSCRIBER_MAX_NETWORKS). */
  readonly subscriberMaxNetworks: number;
}

export function parseSubscriberConfig(
  get: (name: string) => string | undefined,
  bad: (name: string, why: string) => void,
): SubscriberConfig {
  const subscriberTokenKey = get('SUBSCRIBER_TOKEN_KEY');
  if (subscriberTokenKey !== undefined && subscriberTokenKey.length < 32) {
    bad('SUBSCRIBER_TOKEN_KEY', 'must be at least 32 characters (generate one with: openssl rand -hex 32)');
  }
  const maxText = get('SUBSCRIBER_MAX_NETWORKS') ?? '5';
  const subscriberMaxNetworks = /^\d{1,4}$/.test(maxText) ? Number(maxText) : Number.NaN;
  if (!(subscriberMaxNetworks >= 1 && subscriberMaxNetworks <= 1000)) {
    bad('SUBSCRIBER_MAX_NETWORKS', 'must be a whole number from 1 to 1000');
  }
  return { subscriberTokenKey, subscriberMaxNetworks };
}
