/** @jsxImportSource hono/jsx */
// /studio/shows/:id/subscribers: who may hear a show, its subscribers' private feeds (add, copy once, revoke), counts.
import { type Context, Hono } from 'hono';
import { getShow, updateShow } from '../../../catalog/editor/shows.ts';
import {
  addSubscriber,
  listSubscribers,
  revokeSubscriber,
  type SubscriberContext,
} from '../../../catalog/subscribers/manage-subscribers.ts';
import type { AppEnv } from '../../../deps.ts';
import { ValidationError } from '../../../errors.ts';
import {
  ConfirmRevoke,
  SubscribersScreen,
  type SubscribersScreenProps,
} from '../../../studio/screens/subscribers-screen.tsx';
import { redirectDone } from '../render.tsx';
import {
  changed,
  csrfOf,
  formOf,
  idParam,
  type ScreenStatus,
  screen,
  sentence,
  studioContext,
  timeZoneOf,
} from './screen.tsx';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const subscriberContext = (c: Context<AppEnv>): SubscriberContext => ({
  ...studioContext(c),
  hashToken: c.var.runtime.hashToken,
  maxNetworks: c.var.deps.config.subscriberMaxNetworks,
});

async function subscribersScreen(
  c: Context<AppEnv>,
  id: number,
  extra: Partial<SubscribersScreenProps> = {},
  status: ScreenStatus = 200,
): Promise<Response> {
  const ctx = subscriberContext(c);
  const [{ show }, subscribers] = await Promise.all([getShow(ctx, id), listSubscribers(ctx, id)]);
  const response = await screen(
    c,
    { title: `Subscribers: ${show.title}`, current: 'shows', status, robots: 'noindex' },
    <SubscribersScreen
      show={{ id, title: show.title, access: show.access }}
      subscribers={subscribers}
      csrf={csrfOf(c)}
      timeZone={timeZoneOf(c)}
      {...extra}
    />,
  );
  // A page that shows a private feed address once is kept by no cache, not even the browser's.
  if (extra.created) response.headers.set('cache-control', 'no-store');
  return response;
}

export function subscriberRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/shows/:id/subscribers', (c) => subscribersScreen(c, idParam(c)));

  routes.post('/shows/:id/subscribers', async (c) => {
    const id = idParam(c);
    const { values } = await formOf(c);
    const name = typeof values.name === 'string' ? values.name.trim() : '';
    const email = typeof values.email === 'string' ? values.email.trim() : '';
    const problems = [
      name === '' || name.length > 200 ? 'the name must be 1 to 200 characters' : '',
      EMAIL.test(email) && email.length <= 320 ? '' : 'the email must be an address such as ada@example.com',
    ].filter(Boolean);
    if (problems.length > 0) {
      return subscribersScreen(
        c,
        id,
        { refusal: sentence(problems.join('; ')), values: { name, email } },
        400,
      );
    }
    const added = await addSubscriber(subscriberContext(c), id, { name, email });
    return subscribersScreen(c, id, { created: { name, feedUrl: added.feedUrl } });
  });

  routes.post('/shows/:id/access', async (c) => {
    const id = idParam(c);
    const { values } = await formOf(c);
    const access = values.access;
    if (access !== 'public' && access !== 'subscribers') {
      throw new ValidationError('choose who may listen: everyone or subscribers only');
    }
    await updateShow(studioContext(c), id, { access });
    await changed(c, { shows: [id], news: true });
    return redirectDone(c, `/shows/${id}/subscribers`, 'saved');
  });

  routes.get('/shows/:id/subscribers/:sid/revoke', async (c) => {
    const id = idParam(c);
    const sid = idParam(c, 'sid');
    const ctx = subscriberContext(c);
    const [{ show }, subscribers] = await Promise.all([getShow(ctx, id), listSubscribers(ctx, id)]);
    const subscriber = subscribers.find((s) => s.id === sid && s.revokedAt === null);
    if (!subscriber) return redirectDone(c, `/shows/${id}/subscribers`);
    return screen(
      c,
      { title: `Revoke ${subscriber.name}`, current: 'shows' },
      <ConfirmRevoke showId={id} showTitle={show.title} subscriber={subscriber} csrf={csrfOf(c)} />,
    );
  });

  routes.post('/shows/:id/subscribers/:sid/revoke', async (c) => {
    const id = idParam(c);
    await formOf(c);
    await revokeSubscriber(subscriberContext(c), id, idParam(c, 'sid'));
    return redirectDone(c, `/shows/${id}/subscribers`, 'subscriber-revoked');
  });

  return routes;
}
