/** @jsxImportSource hono/jsx */
// The dashboard's lists for the shell's slot: drafts, scheduled and recently published, articles and episodes together.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { loadDashboard } from '../../../catalog/studio/listings.ts';
import type { AppEnv } from '../../../deps.ts';
import { studioHref } from '../../../studio/chrome.ts';
import { DashboardLists } from '../../../studio/screens/dashboard-lists.tsx';
import { StudioBase } from '../../../studio/screens/links.ts';
import { studioChrome } from '../render.tsx';
import { mayPublish, studioContext, timeZoneOf } from './screen.tsx';

export async function dashboardLists(c: Context<AppEnv>): Promise<Child> {
  const dashboard = await loadDashboard(studioContext(c));
  return (
    <StudioBase.Provider value={studioHref(studioChrome(c))}>
      <DashboardLists dashboard={dashboard} timeZone={timeZoneOf(c)} ownDraftsOnly={!mayPublish(c)} />
    </StudioBase.Provider>
  );
}
