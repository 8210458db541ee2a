// Security headers for HTML pages: a strict Content-Security-Policy (our own script and stylesheet
// only; media and images from the site), no MIME sniffing, a careful referrer, and no framing except
// for the embeddable player.

export interface PageSecurityOptions {
  /** BASE_URL: media and artwork URLs are absolute under it, which may not be the request's origin. */
  readonly baseUrl: string;
  /** The embed page may be framed by any site; every other page by none. */
  readonly frameable?: boolean;
}

export function pageSecurityHeaders(options: PageSecurityOptions): Record<string, string> {
  const origin = new URL(options.baseUrl).origin;
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    // Article bodies may show images from other https sites; media comes from this site.
    `img-src 'self' ${origin} https: data:`,
    `media-src 'self' ${origin}`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${options.frameable ? '*' : "'none'"}`,
  ].join('; ');
  const headers: Record<string, string> = {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
  };
  if (!options.frameable) headers['x-frame-options'] = 'DENY';
  return headers;
}
