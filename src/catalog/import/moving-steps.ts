// movingSteps: what the operator does at the old host to finish moving a show to podwire, keeping every subscriber.

/**
 * The steps, in order. A 301 is what apps follow and remember (RFC 9110 §15.4.2); the
 * itunes:new-feed-url tag is how Apple Podcasts learns the new address when the old host cannot
 * redirect (Apple Podcasts: "Move your podcast"). podwire keeps every episode's GUID, so apps that
 * follow see the same episodes and download nothing again.
 */
export function movingSteps(oldFeedUrl: string, newFeedUrl: string): string[] {
  return [
    `At the old host, make ${oldFeedUrl} answer "301 Moved Permanently" with "Location: ${newFeedUrl}".`,
    `If the old host cannot redirect (or as well), add <itunes:new-feed-url>${newFeedUrl}</itunes:new-feed-url> to the old feed's <channel> and keep publishing that feed until apps have moved.`,
    'Keep the redirect (or the tag) in place for at least four weeks: apps check feeds at their own pace.',
    `Podcast directories (Apple Podcasts Connect, Podcast Index, Spotify) follow the redirect; where they let you, change the feed URL to ${newFeedUrl} there too.`,
    "podwire's feed keeps every episode's GUID as it was, so apps that follow the move see the same episodes and download nothing again.",
  ];
}
