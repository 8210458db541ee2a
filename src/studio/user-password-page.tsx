/** @jsxImportSource hono/jsx */
// The page where an admin sets a new password for another user (who is then signed out everywhere).

import type { UserSummary } from '../catalog/accounts/users.ts';
import { type StudioChrome, studioHref } from './chrome.ts';
import { Alert, CsrfField, Field } from './forms.tsx';
import { StudioPage } from './layout.tsx';

export interface UserPasswordProps {
  readonly chrome: StudioChrome;
  readonly user: UserSummary;
  /** The refusal of the last attempt: a message for the whole form, or one beside the field. */
  readonly error?: { readonly form?: string; readonly password?: string };
}

/** Works without JavaScript: a page with one field, then a POST (CSRF token included). */
export function UserPasswordPage(props: UserPasswordProps) {
  const { chrome, user, error } = props;
  return (
    <StudioPage chrome={chrome} title={`New password for ${user.email}`} current="users">
      <h1>Set a new password for {user.email}</h1>
      {error?.form ? <Alert>{error.form}</Alert> : null}
      <p>
        Their sessions end at once, in every browser: they sign in again with the new password. Their API
        tokens keep working (revoke those in their Account page, or remove the user).
      </p>
      <form class="stack" method="post" action={studioHref(chrome, `/users/${user.id}/password`)}>
        <CsrfField token={chrome.csrfToken} />
        <Field
          name="password"
          label="New password"
          type="password"
          required
          minlength={10}
          autocomplete="new-password"
          hint="At least 10 characters. Give it to them by a safe channel."
          error={error?.password}
        />
        <div>
          <button type="submit">Set the password</button> <a href={studioHref(chrome, '/users')}>Cancel</a>
        </div>
      </form>
    </StudioPage>
  );
}
