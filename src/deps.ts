// AppDeps and the Hono environment type: what createApp receives from its entry point (types only).
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { Logger } from './log.ts';
import type { MediaStore } from './media-store/media-store.ts';

/** Settings the app itself reads; entry points may hold more (port, database URL, media folder). */
export type AppConfig = Pick<
  Config,
  'baseUrl' | 'adminToken' | 'timeZone' | 'siteTitle' | 'siteDescription' | 'siteLanguage'
>;

export interface AppDeps {
  readonly db: Database;
  readonly media: MediaStore;
  readonly config: AppConfig;
  /** The clock: scheduled items go live when it passes their time. */
  readonly now: () => Date;
  readonly log: Logger;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
  };
}
