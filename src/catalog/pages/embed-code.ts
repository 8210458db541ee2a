// The iframe that embeds an episode's player on another site: shown on the episode page, sent by oEmbed.

/** The embed player's size in other sites' pages (and in twitter:player). */
export const EMBED_SIZE = { width: 480, height: 200 } as const;

const escapeAttr = (text: string) =>
  text.replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c] as string);

export function embedIframe(
  embedUrl: string,
  title: string,
  size: { width: number; height: number } = EMBED_SIZE,
) {
  return `<iframe src="${escapeAttr(embedUrl)}" width="${size.width}" height="${size.height}" title="${escapeAttr(title)}" loading="lazy" style="border:0"></iframe>`;
}
