// AccountContext: what the account use cases need: the database, the clock, how passwords are hashed, the actor.
import type { PasswordPolicy } from '../../auth/password.ts';
import type { Principal } from '../../auth/principal.ts';
import type { Database } from '../../db/database.ts';
import type { Logger } from '../../log.ts';

export interface AccountContext {
  readonly db: Database;
  readonly now: Date;
  readonly passwords: PasswordPolicy;
  /** Who acts (checked: managing users needs an admin). The CLI passes CLI_PRINCIPAL. */
  readonly actor?: Principal;
  readonly log?: Logger;
}

/** How long sessions last (SESSION_IDLE_MINUTES, SESSION_MAX_DAYS), in milliseconds. */
export interface SessionPolicy {
  readonly idleMs: number;
  readonly maxMs: number;
}

export function sessionPolicyOf(config: {
  sessionIdleMinutes: number;
  sessionMaxDays: number;
}): SessionPolicy {
  return { idleMs: config.sessionIdleMinutes * 60_000, maxMs: config.sessionMaxDays * 86_400_000 };
}
