/** @jsxImportSource hono/jsx */
// The Users page (admins): every user with their role (change it, set a new password, remove them), and a form to add one.

import { ROLES } from '../auth/principal.ts';
import type { UserSummary } from '../catalog/accounts/users.ts';
import { formatDate } from '../domain/dates.ts';
import { type StudioChrome, studioHref } from './chrome.ts';
import type { FormErrors } from './form-errors.ts';
import { Alert, CsrfField, Field, TableFrame } from './forms.tsx';
import { StudioPage } from './layout.tsx';

export const ROLE_NOTES = {
  admin: 'everything, and users',
  editor: 'all content: write, publish, delete',
  contributor: 'their own drafts only; no publishing',
} as const;

export interface UsersProps {
  readonly chrome: StudioChrome;
  readonly users: readonly UserSummary[];
  /** What the add form held when it was refused (never the password). */
  readonly draft?: { readonly email: string; readonly name: string; readonly role: string };
  readonly errors?: FormErrors;
}

export function UsersPage(props: UsersProps) {
  const { chrome, errors } = props;
  return (
    <StudioPage chrome={chrome} title="Users" current="users">
      <h1>Users</h1>
      {errors?.form ? <Alert>{errors.form}</Alert> : null}
      <TableFrame label="Users">
        {/* Below 40rem each row stacks into a card (studio-css.ts): every action stays on screen. */}
        <table class="users-table">
          <thead>
            <tr>
              <th scope="col">E-mail</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Since</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.users.map((u) => (
              <tr>
                <td class="user-email">{u.email}</td>
                <td data-label="Name">{u.name}</td>
                <td data-label="Role">
                  <form method="post" action={studioHref(chrome, `/users/${u.id}/role`)} class="inline">
                    <CsrfField token={chrome.csrfToken} />
                    <label class="sr-only" for={`role-${u.id}`}>
                      Role of {u.email}
                    </label>
                    <select id={`role-${u.id}`} name="role">
                      {ROLES.map((role) => (
                        <option value={role} selected={role === u.role}>
                          {role}
                        </option>
                      ))}
                    </select>
                    <button type="submit" class="secondary">
                      Change
                    </button>
                  </form>
                </td>
                <td data-label="Since">{formatDate(u.createdAt, chrome.timeZone)}</td>
                <td class="actions">
                  {u.id === chrome.user?.id ? (
                    <a href={studioHref(chrome, '/account')}>Your password…</a>
                  ) : (
                    <a
                      href={studioHref(chrome, `/users/${u.id}/password`)}
                      aria-label={`Set a new password for ${u.email}`}
                    >
                      Set a new password…
                    </a>
                  )}{' '}
                  <a href={studioHref(chrome, `/users/${u.id}/remove`)} aria-label={`Remove ${u.email}`}>
                    Remove…
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>

      <section aria-labelledby="add-heading" class="panel">
        <h2 id="add-heading">Add a user</h2>
        <form class="stack" method="post" action={studioHref(chrome, '/users')}>
          <CsrfField token={chrome.csrfToken} />
          <Field
            name="email"
            label="E-mail"
            type="email"
            required
            value={props.draft?.email}
            error={errors?.fields.email}
            autocomplete="off"
          />
          <Field name="name" label="Name (optional)" value={props.draft?.name} error={errors?.fields.name} />
          <fieldset class="field">
            <legend>Role</legend>
            {ROLES.map((role) => (
              <label>
                <input
                  type="radio"
                  name="role"
                  value={role}
                  checked={(props.draft?.role ?? 'editor') === role}
                />{' '}
                {role} <span class="muted">({ROLE_NOTES[role]})</span>
                <br />
              </label>
            ))}
          </fieldset>
          <Field
            name="password"
            label="Initial password"
            type="password"
            required
            minlength={10}
            autocomplete="new-password"
            hint="At least 10 characters. Give it to them by a safe channel; they can change it in Account."
            error={errors?.fields.password}
          />
          <div>
            <button type="submit">Add user</button>
          </div>
        </form>
      </section>
    </StudioPage>
  );
}

/** The confirmation before a user is removed (works without JavaScript: a page, then a POST). */
export function RemoveUserPage(props: { chrome: StudioChrome; user: UserSummary; error?: string }) {
  const { chrome, user } = props;
  return (
    <StudioPage chrome={chrome} title={`Remove ${user.email}`} current="users">
      <h1>Remove {user.email}?</h1>
      {props.error ? <Alert>{props.error}</Alert> : null}
      <p>
        They can no longer sign in; their sessions and API tokens stop working at once. What they wrote stays,
        and the audit trail keeps their e-mail.
      </p>
      <form method="post" action={studioHref(chrome, `/users/${user.id}/remove`)} class="inline">
        <CsrfField token={chrome.csrfToken} />
        <button type="submit" class="danger">
          Remove {user.email}
        </button>
        <a href={studioHref(chrome, '/users')}>Cancel</a>
      </form>
    </StudioPage>
  );
}
