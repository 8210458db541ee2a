// slugFrom(text): a URL slug made from a headline or title ("Tide mill turns again!" → "tide-mill-turns-again").

/** Lower-case ASCII letters, digits and single hyphens, at most 80 characters; '' when nothing is left. */
export function slugFrom(text: string): string {
  return (
    text
      // "é" → "e" + combining accent, which the next step drops (NFKD also splits "ﬁ" into "fi").
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '')
  );
}
