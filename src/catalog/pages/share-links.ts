// Share links for an article or episode: e-mail and the common networks, as plain links (no scripts).

export interface ShareLink {
  readonly network: string;
  readonly href: string;
}

/** encodeURIComponent throws on an unpaired surrogate; it is sent as U+FFFD, as UTF-8 would carry it. */
const encode = (text: string) => encodeURIComponent(text.toWellFormed());

export function shareLinks(url: string, title: string): ShareLink[] {
  const u = encode(url);
  const t = encode(title);
  return [
    { network: 'E-mail', href: `mailto:?subject=${t}&body=${u}` },
    {
      network: 'Bluesky',
      href: `https://bsky.app/intent/compose?text=${encode(`${title} ${url}`)}`,
    },
    { network: 'Mastodon', href: `https://mastodonshare.com/?text=${t}&url=${u}` },
    { network: 'X', href: `https://x.com/intent/post?text=${t}&url=${u}` },
    { network: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { network: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { network: 'WhatsApp', href: `https://wa.me/?text=${encode(`${title} ${url}`)}` },
  ];
}
