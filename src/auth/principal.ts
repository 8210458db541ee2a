// Who is making a request: a studio user (by session or API token) or the operator's ADMIN_TOKEN, and what each role may do.

/** Roles, from most to least powerful. */
export const ROLES = ['admin', 'editor', 'contributor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The actor behind a request. `userId` is null for the operator's ADMIN_TOKEN, which acts as an
 * admin; `label` is what the audit trail shows (the user's e-mail, or `ADMIN_TOKEN`).
 */
export interface Principal {
  readonly userId: number | null;
  readonly role: Role;
  readonly label: string;
}

/** The operator's bootstrap token: every right, no user record. */
export const OPERATOR: Principal = Object.freeze({ userId: null, role: 'admin', label: 'ADMIN_TOKEN' });

/** The operator at the console (`podwire user ...`): an admin, recorded as such in the audit trail. */
export const CLI_PRINCIPAL: Principal = Object.freeze({ userId: null, role: 'admin', label: 'podwire CLI' });

/** Whether `text` names a role. */
export const isRole = (text: string): text is Role => (ROLES as readonly string[]).includes(text);

/** Edits any content, publishes, unpublishes, deletes (admins and editors). */
export const mayEditAll = (p: Principal): boolean => p.role === 'admin' || p.role === 'editor';

/** Manages users, settings and every user's tokens (admins only). */
export const mayManageUsers = (p: Principal): boolean => p.role === 'admin';
