/** @jsxImportSource hono/jsx */
// /studio/users (admins only): list users, add one with a role and initial password, change a role, set a new password, remove one.
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { isRole, mayManageUsers } from '../../auth/principal.ts';
import { setUserPassword } from '../../catalog/accounts/passwords.ts';
import { addUser, changeUserRole, getUserById, listUsers, removeUser } from '../../catalog/accounts/users.ts';
import type { AppEnv } from '../../deps.ts';
import { ValidationError } from '../../errors.ts';
import { accountContext, studioOf } from '../../http/studio-session.ts';
import { type FormErrors, formErrorsOf } from '../../studio/form-errors.ts';
import { Alert } from '../../studio/forms.tsx';
import { StudioPage } from '../../studio/layout.tsx';
import { UserPasswordPage } from '../../studio/user-password-page.tsx';
import { RemoveUserPage, UsersPage, type UsersProps } from '../../studio/users-page.tsx';
import { idParam } from './id-param.ts';
import { redirectDone, renderStudio, studioChrome } from './render.tsx';

const field = (value: unknown) => (typeof value === 'string' ? value : '');

/** Admins only: anyone else gets a 403 page (the use cases check again). */
function adminsOnly(): MiddlewareHandler<AppEnv> {
  return async function adminsOnly(c, next) {
    if (c.var.principal && mayManageUsers(c.var.principal)) return next();
    return renderStudio(
      c,
      <StudioPage chrome={studioChrome(c)} title="Users" current="users">
        <h1>Users</h1>
        <Alert>Only admins manage users.</Alert>
      </StudioPage>,
      403,
    );
  };
}

async function usersPage(
  c: Context<AppEnv>,
  extra: Pick<UsersProps, 'draft' | 'errors'> = {},
  status: FormErrors['status'] | 200 = 200,
) {
  const users = await listUsers(accountContext(c));
  return renderStudio(c, <UsersPage chrome={studioChrome(c)} users={users} {...extra} />, status);
}

export function usersRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('/users', adminsOnly());
  routes.use('/users/*', adminsOnly());

  routes.get('/users', (c) => usersPage(c));

  routes.post('/users', async (c) => {
    const form = await c.req.parseBody();
    const draft = { email: field(form.email), name: field(form.name), role: field(form.role) };
    try {
      if (!isRole(draft.role))
        throw new ValidationError('choose a role', { context: { errors: ['role: choose a role'] } });
      await addUser(accountContext(c), { ...draft, role: draft.role, password: field(form.password) });
    } catch (error) {
      const errors = formErrorsOf(error);
      return usersPage(c, { draft, errors }, errors.status);
    }
    return redirectDone(c, '/users', 'user-added');
  });

  routes.post('/users/:id/role', async (c) => {
    const role = field((await c.req.parseBody()).role);
    try {
      if (!isRole(role)) throw new ValidationError(`"${role.slice(0, 20)}" is not a role`);
      await changeUserRole(accountContext(c), idParam(c.req.param('id')), role);
    } catch (error) {
      const errors = formErrorsOf(error);
      return usersPage(c, { errors }, errors.status);
    }
    return redirectDone(c, '/users', 'role-changed');
  });

  // An admin's own password is changed in Account, which asks for the current one: a stolen
  // session must not be enough to take the account over.
  const OWN_PASSWORD = 'Change your own password in Account, which asks for the current one.';

  routes.get('/users/:id/password', async (c) => {
    const user = await getUserById(accountContext(c), idParam(c.req.param('id')));
    if (user.id === studioOf(c).user.id) return redirectDone(c, '/account');
    return renderStudio(c, <UserPasswordPage chrome={studioChrome(c)} user={user} />);
  });

  routes.post('/users/:id/password', async (c) => {
    const ctx = accountContext(c);
    const user = await getUserById(ctx, idParam(c.req.param('id')));
    const page = (error: { form?: string; password?: string }, status: FormErrors['status']) =>
      renderStudio(c, <UserPasswordPage chrome={studioChrome(c)} user={user} error={error} />, status);
    if (user.id === studioOf(c).user.id) return page({ form: OWN_PASSWORD }, 403);
    try {
      // No session is kept: the user is signed out everywhere. Their API tokens stay.
      await setUserPassword(ctx, user.id, field((await c.req.parseBody()).password));
    } catch (error) {
      const errors = formErrorsOf(error);
      return page({ form: errors.form, password: errors.fields.password }, errors.status);
    }
    return redirectDone(c, '/users', 'user-password-set');
  });

  routes.get('/users/:id/remove', async (c) => {
    const user = await getUserById(accountContext(c), idParam(c.req.param('id')));
    return renderStudio(c, <RemoveUserPage chrome={studioChrome(c)} user={user} />);
  });

  routes.post('/users/:id/remove', async (c) => {
    const ctx = accountContext(c);
    const user = await getUserById(ctx, idParam(c.req.param('id')));
    try {
      await removeUser(ctx, user.id);
    } catch (error) {
      const errors = formErrorsOf(error);
      return renderStudio(
        c,
        <RemoveUserPage chrome={studioChrome(c)} user={user} error={errors.form} />,
        errors.status,
      );
    }
    return redirectDone(c, '/users', 'user-removed');
  });

  return routes;
}
