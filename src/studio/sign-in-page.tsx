/** @jsxImportSource hono/jsx */
// The sign-in page: e-mail and password, one message for every failure, and where to go next.

import type { StudioChrome } from './chrome.ts';
import { studioHref } from './chrome.ts';
import { Alert, Field } from './forms.tsx';
import { StudioPage } from './layout.tsx';

export interface SignInProps {
  readonly chrome: StudioChrome;
  /** Where to go after signing in (already checked to be a studio path). */
  readonly next: string;
  /** The e-mail typed last time, kept after a failure (never the password). */
  readonly email?: string;
  /** One message, the same for an unknown e-mail and a wrong password. */
  readonly error?: string;
}

export function SignInPage(props: SignInProps) {
  const { chrome } = props;
  return (
    <StudioPage chrome={chrome} title="Sign in" current="sign-in">
      <div class="sign-in">
        <h1>Sign in to the studio</h1>
        {props.error ? <Alert>{props.error}</Alert> : null}
        <form class="stack" method="post" action={studioHref(chrome, '/sign-in')}>
          <input type="hidden" name="next" value={props.next} />
          <Field
            name="email"
            label="E-mail"
            type="email"
            value={props.email}
            required
            autocomplete="username"
          />
          <Field name="password" label="Password" type="password" required autocomplete="current-password" />
          <div>
            <button type="submit">Sign in</button>
          </div>
        </form>
      </div>
    </StudioPage>
  );
}
