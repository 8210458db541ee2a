// StudioChrome: what every studio page's frame shows (site name, signed-in user, CSRF token, where links start).
import type { StudioUser } from '../catalog/accounts/sessions.ts';

export interface StudioChrome {
  /** BASE_URL's path ('' or '/news'): every studio link starts with it. */
  readonly sitePath: string;
  readonly siteTitle: string;
  readonly siteLanguage: string;
  /** TIME_ZONE: how times are shown. */
  readonly timeZone: string;
  /** Absent on the sign-in page. */
  readonly user?: StudioUser;
  /** The session's CSRF token: in a meta tag for the script, and in every form. */
  readonly csrfToken?: string;
  /** A one-line confirmation after a redirect-after-post (see flash.ts). */
  readonly flash?: string;
}

/** `/studio/<path>` under the site's path. */
export const studioHref = (chrome: Pick<StudioChrome, 'sitePath'>, path = '') =>
  `${chrome.sitePath}/studio${path}`;
