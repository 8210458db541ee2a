/** @jsxImportSource hono/jsx */
// The studio's frame: head, skip link, header with the navigation and sign-out, the main landmark and a flash line.

import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { mayEditAll, mayManageUsers } from '../auth/principal.ts';
import { STUDIO_ASSETS } from './assets/studio-assets.ts';
import { type StudioChrome, studioHref } from './chrome.ts';
import { CsrfField } from './forms.tsx';

/** The sections of the studio, in the order the navigation shows them. */
export type StudioSection =
  | 'dashboard'
  | 'articles'
  | 'shows'
  | 'episodes'
  | 'sections'
  | 'listening'
  | 'imports'
  | 'search-index'
  | 'users'
  | 'account'
  | 'sign-in';

const NAV: readonly {
  section: StudioSection;
  label: string;
  path: string;
  adminsOnly?: boolean;
  editorsOnly?: boolean;
}[] = [
  { section: 'dashboard', label: 'Dashboard', path: '' },
  { section: 'articles', label: 'Articles', path: '/articles' },
  { section: 'shows', label: 'Shows', path: '/shows' },
  { section: 'episodes', label: 'Episodes', path: '/episodes' },
  { section: 'sections', label: 'Sections', path: '/sections' },
  { section: 'listening', label: 'Listening', path: '/listening' },
  { section: 'imports', label: 'Imports', path: '/imports', editorsOnly: true },
  { section: 'search-index', label: 'Search index', path: '/search-index', editorsOnly: true },
  { section: 'users', label: 'Users', path: '/users', adminsOnly: true },
  { section: 'account', label: 'Account', path: '/account' },
];

export interface StudioPageProps {
  readonly chrome: StudioChrome;
  /** The page's own title (the document title adds the studio and site names). */
  readonly title: string;
  readonly current: StudioSection;
  readonly children: Child;
  /** More elements for the head (a page's own script, say); never inline scripts (CSP). */
  readonly head?: Child;
}

export function StudioPage(props: StudioPageProps) {
  const { chrome, title, current } = props;
  const user = chrome.user;
  const asPrincipal = user ? { userId: user.id, role: user.role, label: user.email } : undefined;
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={chrome.siteLanguage}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex, nofollow" />
          <title>{`${title} · Studio · ${chrome.siteTitle}`}</title>
          {chrome.csrfToken ? <meta name="csrf-token" content={chrome.csrfToken} /> : null}
          <link rel="stylesheet" href={`${chrome.sitePath}${STUDIO_ASSETS.css.path}`} />
          {chrome.user ? <script src={`${chrome.sitePath}${STUDIO_ASSETS.js.path}`} defer /> : null}
          {props.head}
        </head>
        <body>
          <a class="skip" href="#main">
            Skip to content
          </a>
          <header class="studio-header">
            <div class="wrap">
              <a class="studio-brand" href={studioHref(chrome)}>
                {chrome.siteTitle} studio
              </a>
              {user ? (
                <nav class="studio-nav" aria-label="Studio">
                  <ul>
                    {NAV.filter(
                      (item) =>
                        (!item.adminsOnly || (asPrincipal && mayManageUsers(asPrincipal))) &&
                        (!item.editorsOnly || (asPrincipal && mayEditAll(asPrincipal))),
                    ).map((item) => (
                      <li>
                        <a
                          href={studioHref(chrome, item.path)}
                          aria-current={item.section === current ? 'page' : undefined}
                        >
                          {item.label}
                        </a>
                      </li>
                    ))}
                  </ul>
                </nav>
              ) : null}
              {user ? (
                <div class="studio-user">
                  <span>
                    {user.name || user.email} ({user.role})
                  </span>
                  <form method="post" action={studioHref(chrome, '/sign-out')}>
                    <CsrfField token={chrome.csrfToken} />
                    <button type="submit" class="secondary">
                      Sign out
                    </button>
                  </form>
                </div>
              ) : null}
            </div>
          </header>
          <main id="main" class="wrap" tabindex={-1}>
            {chrome.flash ? (
              <p class="flash" role="status">
                {chrome.flash}
              </p>
            ) : null}
            {props.children}
          </main>
        </body>
      </html>
    </>
  );
}
