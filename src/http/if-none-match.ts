// noneMatchHits: whether an If-None-Match value names a rendered document's tag in any coding (RFC 9110 §13.1.2).

/**
 * What serveRendered decides for If-None-Match, without building a list: true when `header` is `*` or
 * one of its quoted tags, with `W/` ignored (weak comparison) and a `-br` or `-gzip` coding suffix
 * removed, equals `baseTag` (a strong tag such as `"5d41402abc4b2a76"`). Tags are found as listedTags()
 * finds them (each `"..."` in turn). It runs on every revalidation the fast path answers.
 */
export function noneMatchHits(header: string, baseTag: string): boolean {
  if (header === '*' || header.trim() === '*') return true;
  let open = header.indexOf('"');
  while (open !== -1) {
    const close = header.indexOf('"', open + 1);
    if (close === -1) return false;
    if (sameOpaqueTag(header, open, close, baseTag)) return true;
    open = header.indexOf('"', close + 1);
  }
  return false;
}

/** Whether header[open..close], a quoted tag, is `baseTag` once a coding suffix is removed. */
function sameOpaqueTag(header: string, open: number, close: number, baseTag: string): boolean {
  let end = close; // where the tag's opaque part ends: its closing quote, or a coding suffix
  if (endsWith(header, '-gzip', open, close)) end -= 5;
  else if (endsWith(header, '-br', open, close)) end -= 3;
  // Both are `"` + opaque + `"`: compare the opening quote and the opaque part.
  if (end - open + 1 !== baseTag.length) return false;
  for (let i = open, j = 0; i < end; i++, j++) {
    if (header.charCodeAt(i) !== baseTag.charCodeAt(j)) return false;
  }
  return true;
}

/** Whether `suffix` ends just before `close`, inside the tag that opens at `open`. */
function endsWith(text: string, suffix: string, open: number, close: number): boolean {
  const from = close - suffix.length;
  return from > open && text.startsWith(suffix, from);
}
