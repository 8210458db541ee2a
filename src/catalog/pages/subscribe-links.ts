// Links that open a podcast feed in the listener's app, by each app's documented URL scheme.

export interface AppLink {
  readonly app: string;
  readonly href: string;
}

/** Apple Podcasts, Pocket Casts, Overcast, Podcast Addict and AntennaPod, for one feed URL. */
export function subscribeLinks(feedUrl: string): AppLink[] {
  const bare = feedUrl.replace(/^https?:\/\//, '');
  return [
    { app: 'Apple Podcasts', href: `podcast://${bare}` },
    { app: 'Pocket Casts', href: `pktc://subscribe/${bare}` },
    { app: 'Overcast', href: `overcast://x-callback-url/add?url=${encodeURIComponent(feedUrl)}` },
    { app: 'Podcast Addict', href: `podcastaddict://${bare}` },
    { app: 'AntennaPod', href: `antennapod-subscribe://${bare}` },
  ];
}
