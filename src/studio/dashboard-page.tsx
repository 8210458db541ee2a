/** @jsxImportSource hono/jsx */
// The dashboard: a greeting and quick links; its lists (drafts, scheduled, recently published) go in the slot.

import type { Child } from 'hono/jsx';
import { type StudioChrome, studioHref } from './chrome.ts';
import { StudioPage } from './layout.tsx';

export interface DashboardProps {
  readonly chrome: StudioChrome;
  /** The dashboard's lists, rendered by whoever loads them (see routes/studio/dashboard.ts). */
  readonly children?: Child;
}

export function DashboardPage(props: DashboardProps) {
  const { chrome } = props;
  const who = chrome.user?.name || chrome.user?.email || '';
  return (
    <StudioPage chrome={chrome} title="Dashboard" current="dashboard">
      <h1>Dashboard</h1>
      <p>Signed in as {who}.</p>
      <nav aria-label="Quick links" class="panel">
        <ul class="inline">
          <li>
            <a href={studioHref(chrome, '/articles/new')}>New article</a>
          </li>
          <li>
            <a href={studioHref(chrome, '/episodes/new')}>New episode</a>
          </li>
          <li>
            <a href={studioHref(chrome, '/shows/new')}>New show</a>
          </li>
          <li>
            <a href={`${chrome.sitePath}/`}>View the site</a>
          </li>
        </ul>
      </nav>
      <div class="dashboard-slot" id="dashboard-lists">
        {props.children}
      </div>
    </StudioPage>
  );
}
