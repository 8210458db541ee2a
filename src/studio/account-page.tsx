/** @jsxImportSource hono/jsx */
// The Account page: change one's password, see one's sessions and sign out everywhere, make and revoke API tokens.

import type { ApiTokenSummary } from '../catalog/accounts/api-tokens.ts';
import type { SessionSummary } from '../catalog/accounts/sessions.ts';
import { formatDateTime } from '../domain/dates.ts';
import { type StudioChrome, studioHref } from './chrome.ts';
import type { FormErrors } from './form-errors.ts';
import { Alert, CsrfField, Field, TableFrame } from './forms.tsx';
import { StudioPage } from './layout.tsx';

export interface AccountProps {
  readonly chrome: StudioChrome;
  readonly sessions: readonly SessionSummary[];
  /** The digest of the session showing the page (marked "this browser"). */
  readonly currentSession: string;
  readonly tokens: readonly ApiTokenSummary[];
  /** A token just made: shown this once. */
  readonly newToken?: { readonly name: string; readonly token: string };
  /** Errors of the form that was sent, keyed by which form. */
  readonly errors?: { readonly form: 'password' | 'token'; readonly errors: FormErrors };
}

export function AccountPage(props: AccountProps) {
  const { chrome } = props;
  const when = (date: Date | null) => (date ? formatDateTime(date, chrome.timeZone) : 'never');
  const passwordErrors = props.errors?.form === 'password' ? props.errors.errors : undefined;
  const tokenErrors = props.errors?.form === 'token' ? props.errors.errors : undefined;
  return (
    <StudioPage chrome={chrome} title="Account" current="account">
      <h1>Your account</h1>
      <p>
        {chrome.user?.email} · {chrome.user?.role}
      </p>

      <section aria-labelledby="password-heading" class="panel">
        <h2 id="password-heading">Change your password</h2>
        {passwordErrors?.form ? <Alert>{passwordErrors.form}</Alert> : null}
        <form class="stack" method="post" action={studioHref(chrome, '/account/password')}>
          <CsrfField token={chrome.csrfToken} />
          <Field
            name="current"
            label="Current password"
            type="password"
            required
            autocomplete="current-password"
            error={passwordErrors?.fields.current}
          />
          <Field
            name="next"
            label="New password"
            type="password"
            required
            minlength={10}
            autocomplete="new-password"
            hint="At least 10 characters. Your other sessions are signed out."
            error={passwordErrors?.fields.next}
          />
          <div>
            <button type="submit">Change password</button>
          </div>
        </form>
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Where you are signed in</h2>
        <TableFrame label="Your sessions">
          <table>
            <thead>
              <tr>
                <th scope="col">Browser</th>
                <th scope="col">Signed in</th>
                <th scope="col">Last used</th>
                <th scope="col">Ends at the latest</th>
              </tr>
            </thead>
            <tbody>
              {props.sessions.map((s) => (
                <tr>
                  <td>
                    {s.userAgent.slice(0, 80) || 'unknown'}
                    {s.idHash === props.currentSession ? <strong> (this browser)</strong> : null}
                  </td>
                  <td>{when(s.createdAt)}</td>
                  <td>{when(s.lastSeenAt)}</td>
                  <td>{when(s.expiresAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
        <form method="post" action={studioHref(chrome, '/account/sign-out-everywhere')} class="inline">
          <CsrfField token={chrome.csrfToken} />
          <button type="submit" class="danger">
            Sign out everywhere
          </button>
          <span class="muted">Ends every session above, this one too.</span>
        </form>
      </section>

      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">API tokens</h2>
        <p class="muted">
          For scripts and tools: send <code>Authorization: Bearer &lt;token&gt;</code> to /api/v1. A token can
          do what you can ({chrome.user?.role}).
        </p>
        {props.newToken ? (
          <div class="panel" role="status">
            <p>
              <strong>Your new token “{props.newToken.name}”.</strong> Copy it now: it is shown only this
              once.
            </p>
            <p class="secret" id="new-token">
              {props.newToken.token}
            </p>
          </div>
        ) : null}
        {props.tokens.length === 0 ? (
          <p>You have no API tokens.</p>
        ) : (
          <TableFrame label="Your API tokens">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Starts with</th>
                  <th scope="col">Made</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span class="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {props.tokens.map((t) => (
                  <tr>
                    <td>{t.name}</td>
                    <td>
                      <code>{t.prefix}…</code>
                    </td>
                    <td>{when(t.createdAt)}</td>
                    <td>{when(t.lastUsedAt)}</td>
                    <td>
                      <form method="post" action={studioHref(chrome, `/account/tokens/${t.id}/revoke`)}>
                        <CsrfField token={chrome.csrfToken} />
                        <button type="submit" class="danger" aria-label={`Revoke token ${t.name}`}>
                          Revoke
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )}
        {tokenErrors?.form ? <Alert>{tokenErrors.form}</Alert> : null}
        <form class="stack" method="post" action={studioHref(chrome, '/account/tokens')}>
          <CsrfField token={chrome.csrfToken} />
          <Field
            name="name"
            label="New token’s name"
            hint="Where it will be used, such as “laptop” or “CI”."
            required
            error={tokenErrors?.fields.name}
          />
          <div>
            <button type="submit">Create token</button>
          </div>
        </form>
      </section>
    </StudioPage>
  );
}
