// GET/HEAD /media/<version>/<key>: registered media with ranges, validators and long-lived caching (RFC 9110).
import { Hono } from 'hono';
import { lookupMedia } from '../catalog/media-access.ts';
import { mediaPath } from '../catalog/media-url.ts';
import type { AppEnv } from '../deps.ts';
import { GoneError, NotFoundError, ValidationError } from '../errors.ts';
import { authenticate } from '../http/admin-auth.ts';
import { isMediaKey } from '../media-store/media-key.ts';
import { answerMedia } from './media-answer.ts';

/** Splits the raw (still percent-encoded) path into version and key, decoding exactly once. */
export function parseMediaPath(pathname: string): { version: string; key: string } {
  const match = /^\/media\/([0-9a-f]{8,64})\/(.+)$/.exec(pathname);
  if (!match) throw new NotFoundError(`no media at ${pathname}`);
  let key: string;
  try {
    key = decodeURIComponent(match[2] as string);
  } catch {
    throw new ValidationError('the media path is not valid percent-encoding');
  }
  if (!isMediaKey(key)) throw new ValidationError('the media path names no valid media file');
  return { version: match[1] as string, key };
}

export function mediaRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.on(['GET', 'HEAD'], '/media/*', async function serveMedia(c) {
    const { db, config, now } = c.get('deps');
    const path = new URL(c.req.url).pathname;
    const { version, key } = parseMediaPath(path);
    // c.get, not c.var: Hono copies every variable into a new object on each c.var.
    const runtime = c.get('runtime');
    const catalog = await runtime.versions.current();
    const found = await lookupMedia(db, key, path, now(), runtime.memo, catalog.tag);
    if (!found.found) {
      // Replaced media (podcast apps keep old enclosure URLs) redirects to the file that replaced
      // it; a deleted episode's media answers 410, as its page does.
      if (found.redirect) return c.redirect(`${config.baseUrl}${found.redirect}`, 301);
      if (found.gone) throw new GoneError(`${key} was deleted and will not come back`);
      throw new NotFoundError(`no media file is registered as ${key}`);
    }
    const { asset, isPublic } = found;
    // A draft's (or a scheduled item's) files are the newsroom's until it goes live: ADMIN_TOKEN, an
    // API token, or a studio session (the studio's previews) may fetch them.
    if (!isPublic && (await authenticate(c)).kind !== 'principal') {
      throw new NotFoundError(`no published media file is registered as ${key}`);
    }
    if (!asset.sha256.startsWith(version)) {
      // An old URL of the same file name with other bytes: point at the current bytes.
      return c.redirect(`${config.baseUrl}${mediaPath(asset)}`, 301);
    }
    return answerMedia(c, { asset, isPublic, catalogTag: catalog.tag });
  });
  return routes;
}
