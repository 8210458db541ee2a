// Share links for an article or episode: e-mail and the common networks, as plain links (no scripts).

export interface ShareLink {
  readonly network: string;
  readonly href: string;
}

export function shareLinks(url: string, title: string): ShareLink[] {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return [
    { network: 'E-mail', href: `mailto:?subject=${t}&body=${u}` },
    {
      network: 'Bluesky',
      href: `https://bsky.app/intent/compose?text=${encodeURIComponent(`${title} ${url}`)}`,
    },
    { network: 'Mastodon', href: `https://mastodonshare.com/?text=${t}&url=${u}` },
    { network: 'X', href: `https://x.com/intent/post?text=${t}&url=${u}` },
    { network: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { network: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { network: 'WhatsApp', href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
  ];
}
