import { api, explain, failureOf } from '../api/client';
import { signOut, state } from '../session';
import { form, h, message, navigate, page } from '../ui';

/** The signed-in page: the user as GET /api/users/me answered. */
export function accountPage(): HTMLElement[] {
  const user = state.user!;
  const say = message();
  const rows: [string, string][] = [
    ['Name', user.name ?? '—'],
    ['E-mail', `${user.email}${user.emailVerified ? ' (confirmed)' : ' (not confirmed)'}`],
    ['Username', user.username ?? '—'],
    ['Roles', (user.roles ?? ['user']).join(', ')],
  ];
  const details = h('dl', { 'aria-label': 'Your account' }, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
  const verify = !user.emailVerified &&
    form('Send verification e-mail', [], async () => {
      const { response, error } = await api.POST('/api/users/me/email/verification');
      if (response.ok) say.info('A link to confirm your address is on its way.');
      else say.error(explain(failureOf(response, error)));
    });
  const out = form('Sign out', [], async () => {
    await signOut();
    navigate('/');
  });
  const renewed = h('p', { 'data-testid': 'refreshes' }, `Session renewed ${state.refreshes} time(s) without signing in again.`);
  return page(`Welcome, ${user.name ?? user.username ?? user.email}`, say.el, details, renewed, verify, out);
}
